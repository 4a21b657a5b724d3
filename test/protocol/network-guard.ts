/**
 * Preloaded into the server (`node --require network-guard.js server.js`) by
 * no-network.test.ts: every way to open a network connection or send a datagram records
 * a violation in the file named by POLICY_BRIEF_NETWORK_LOG and throws. Pipes and IPC
 * channels (stdio, --node-ipc) do not go through these calls, so the server still talks.
 */
import * as fs from 'fs';

const log = process.env.POLICY_BRIEF_NETWORK_LOG;

function forbid(name: string): never {
  const line = `${name} ${new Error().stack?.split('\n').slice(2, 5).join(' | ') ?? ''}\n`;
  if (log) fs.appendFileSync(log, line);
  throw new Error(`network access is forbidden in the policy-brief server: ${name}`);
}

const modules: [string, string[]][] = [
  ['http', ['request', 'get']],
  ['https', ['request', 'get']],
  ['net', ['connect', 'createConnection']],
  ['tls', ['connect']],
  ['dgram', ['createSocket']],
  ['dns', ['lookup', 'resolve']],
];
for (const [name, functions] of modules) {
  const mod = require(name) as Record<string, unknown>;
  for (const fn of functions) mod[fn] = () => forbid(`${name}.${fn}`);
}
const net = require('net') as typeof import('net');
net.Socket.prototype.connect = function connect() {
  return forbid('net.Socket.connect');
} as typeof net.Socket.prototype.connect;
const fetchGuard = () => forbid('fetch');
Object.defineProperty(globalThis, 'fetch', { value: fetchGuard, configurable: true, writable: true });
