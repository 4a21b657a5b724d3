// What the in-editor launchers share: a throwaway workspace and profile, code-server + Chromium (GUIDE §4),
// and the verdict that needs both the editor's exit code and the suite's own record (test/editor/shim.ts).
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(ROOT, '.vscode-test', 'code-server');
const CODE_SERVER = path.join(CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const EXTENSION_ID = 'policy-brief.policy-brief';
const FIXTURES = path.join(ROOT, 'test', 'editor', 'fixtures');
const SHIM = path.join(ROOT, 'out', 'test', 'editor', 'shim.js');

/** A temporary profile, extensions folder and copy of the fixtures: the suite edits documents and settings. */
function prepareRun(workspaceSource = FIXTURES) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-editor-'));
  const dirs = {
    tmp,
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    workspace: path.join(tmp, 'workspace'),
    record: path.join(tmp, 'result.json'),
  };
  fs.cpSync(workspaceSource, dirs.workspace, { recursive: true });
  fs.mkdirSync(dirs.extensions, { recursive: true });
  return dirs;
}

/** Passed only when the editor exited 0 and the shim recorded a passing suite: a dead extension host can exit 0. */
function verdict(exitCode, recordFile) {
  const record = fs.existsSync(recordFile) ? JSON.parse(fs.readFileSync(recordFile, 'utf8')) : null;
  if (exitCode === 0 && record && record.passed) return { passed: true };
  if (exitCode !== 0) return { passed: false, why: `the editor reported exit code ${exitCode}` };
  return { passed: false, why: record ? record.error : 'the suite recorded no result (did the extension host die?)' };
}

function ensureDependencies() {
  const result = spawnSync('bash', [path.join(__dirname, 'editor-deps.sh')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('installing the editor test dependencies failed (scripts/editor-deps.sh)');
}

function codeServerArgs(dirs) {
  return ['--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/** Installs a .vsix into the run's extensions folder and returns the folder it was unpacked to. */
function installVsix(vsix, dirs, env) {
  const result = spawnSync(process.execPath, [CODE_SERVER, ...codeServerArgs(dirs), '--install-extension', vsix], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed:\n${result.stdout}${result.stderr}`);
  const installed = fs.readdirSync(dirs.extensions).find((name) => name.startsWith(`${EXTENSION_ID}-`));
  if (!installed) throw new Error(`${vsix} did not install into ${dirs.extensions}`);
  return path.join(dirs.extensions, installed);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function healthy(url) {
  return new Promise((resolve) => {
    const request = http.get(`${url}/healthz`, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.once('error', () => resolve(false));
    request.setTimeout(1000, () => request.destroy());
  });
}

/** Starts code-server on a free port and polls /healthz with a deadline. Resolves to { url, output(), stop() }. */
async function startCodeServer(dirs, env, deadlineMs = 60000) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [CODE_SERVER, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...codeServerArgs(dirs), dirs.workspace], {
    env: { ...env, EXTENSIONS_GALLERY: '{}' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill();
    });

  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await healthy(url)) return { url, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`code-server did not become ready at ${url}/healthz within ${deadlineMs / 1000} s:\n${output}`);
}

/** The system Chromium that editor-deps.sh found or installed: playwright-core's own browser download is not reachable here. */
function launchChromium() {
  const { chromium } = require(path.join(CACHE, 'node_modules', 'playwright-core'));
  const executablePath = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim();
  if (!executablePath) throw new Error('chromium is not on PATH (scripts/editor-deps.sh installs it with apt-get when run as root)');
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/** The workbench URL for a folder and a launch payload; in code-server the extension host's files live on the host "remote". */
function workbenchUrl(url, folder, payload) {
  const remote = (file) => `vscode-remote://remote${file}`;
  const entries = Object.entries(payload).map(([key, value]) => [key, key.endsWith('Path') ? remote(value) : value]);
  return `${url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
}

module.exports = {
  ROOT,
  EXTENSION_ID,
  SHIM,
  prepareRun,
  verdict,
  ensureDependencies,
  installVsix,
  startCodeServer,
  launchChromium,
  workbenchUrl,
};
