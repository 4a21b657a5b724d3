#!/usr/bin/env node
// Runs the in-editor suite (out/test/editor) inside a real VS Code 1.100, offline: code-server serves the workbench,
// headless Chromium (through playwright-core) opens it, and the workbench's test hooks report the result (GUIDE §4).
//
//   node scripts/run-editor-tests.js [--vsix FILE] [--extension DIR] [--tests FILE] [--timeout SECONDS] [--verbose]
//
// --vsix       install this packaged extension into the editor and run the suite against it instead of the sources
// --extension  the extension folder to develop (default: the repository); tests use it to run a deliberately broken copy
// --tests      the extensionTestsPath module (default: out/test/editor/shim.js)
// Exit 0 only when VS Code reports exit code 0 and the shim recorded a passing suite; 1 otherwise.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(ROOT, '.vscode-test', 'code-server');
const CODE_SERVER = path.join(CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const EXTENSION_ID = 'policy-brief.policy-brief';
// The workbench's own start-up chatter, which arrives on the same channel as the suite's output; --verbose shows it.
const WORKBENCH_CHATTER = [/^Resolv(ing|ed) connection token/, /^Creating a socket/, /^Ignoring fetching additional builtin extensions/, /^Updating additional builtin extensions cache/, /^\[Service Worker\]/, /^ChatSessionStore:/];

function parseArgs(argv) {
  const options = {
    vsix: null,
    extension: ROOT,
    tests: path.join(ROOT, 'out', 'test', 'editor', 'shim.js'),
    workspace: path.join(ROOT, 'test', 'editor', 'fixtures'),
    timeout: 180,
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (name === 'verbose') {
      options.verbose = true;
      continue;
    }
    if (!(name in options) || i + 1 >= argv.length) usage(`unknown or incomplete option ${argv[i]}`);
    const value = argv[++i];
    options[name] = name === 'timeout' ? Number(value) : path.resolve(value);
  }
  return options;
}

function usage(message) {
  process.stderr.write(`run-editor-tests: ${message}\nusage: node scripts/run-editor-tests.js [--vsix FILE] [--extension DIR] [--tests FILE] [--workspace DIR] [--timeout SECONDS] [--verbose]\n`);
  process.exit(2);
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

/** Polls until code-server answers /healthz, with a deadline; rejects early if the process exits. */
async function waitForServer(url, child, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  let exited = null;
  child.once('exit', (code) => (exited = code));
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`code-server exited with ${exited} before it was ready`);
    if (await healthy(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${deadlineMs / 1000} s`);
}

function codeServerArgs(dirs) {
  return ['--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

function installVsix(vsix, dirs, env) {
  const result = spawnSync(process.execPath, [CODE_SERVER, ...codeServerArgs(dirs), '--install-extension', vsix], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed:\n${result.stdout}${result.stderr}`);
  const installed = fs.readdirSync(dirs.extensions).find((name) => name.startsWith(`${EXTENSION_ID}-`));
  if (!installed) throw new Error(`${vsix} did not install into ${dirs.extensions}`);
  return path.join(dirs.extensions, installed);
}

function ensureDependencies() {
  const result = spawnSync('bash', [path.join(__dirname, 'editor-deps.sh')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('installing the editor test dependencies failed (scripts/editor-deps.sh)');
}

function remote(file) {
  // In code-server the extension host runs on the server, which the workbench addresses as the host "remote".
  return `vscode-remote://remote${file}`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  ensureDependencies();
  if (!fs.existsSync(options.tests)) usage(`${options.tests} does not exist: run \`npm run build\` first`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-editor-'));
  const dirs = {
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    workspace: path.join(tmp, 'workspace'),
    record: path.join(tmp, 'result.json'),
  };
  // The suite edits documents and settings; a copy keeps the repository's fixtures untouched.
  fs.cpSync(options.workspace, dirs.workspace, { recursive: true });
  fs.mkdirSync(dirs.extensions, { recursive: true });

  const env = { ...process.env, EXTENSIONS_GALLERY: '{}', POLICY_BRIEF_EDITOR_RESULT: dirs.record };
  // A host started for the sources can only be told apart from the installed .vsix by the folder it runs from.
  let developmentPath = options.extension;
  if (options.vsix) {
    env.POLICY_BRIEF_EXPECT_EXTENSION_PATH = installVsix(options.vsix, dirs, env);
    // VS Code runs extension tests only beside a development extension: an empty one, so the .vsix supplies the real one.
    developmentPath = path.join(tmp, 'host');
    fs.mkdirSync(developmentPath);
    fs.writeFileSync(path.join(developmentPath, 'package.json'), JSON.stringify({ name: 'test-host', publisher: 'policy-brief-tests', version: '0.0.0', engines: { vscode: '*' } }));
  } else {
    env.POLICY_BRIEF_EXPECT_EXTENSION_PATH = developmentPath;
  }

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [CODE_SERVER, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...codeServerArgs(dirs), dirs.workspace], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let serverLog = '';
  server.stdout.on('data', (chunk) => (serverLog += chunk));
  server.stderr.on('data', (chunk) => (serverLog += chunk));

  let browser;
  let deadline;
  const started = Date.now();
  try {
    await waitForServer(url, server, 60000);
    const { chromium } = require(path.join(CACHE, 'node_modules', 'playwright-core'));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const page = await browser.newPage();
    let finished = false;
    const exit = new Promise((resolve, reject) => {
      deadline = setTimeout(() => reject(new Error(`no result from the editor within ${options.timeout} s`)), options.timeout * 1000);
      page.exposeFunction('codeAutomationExit', (code) => {
        finished = true;
        resolve(code);
      });
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...args);
      // After the exit the workbench still reports its own shutdown (a lost extension host, reconnects): not the suite's.
      if (finished && !options.verbose) return;
      if (!options.verbose && type !== 'error' && WORKBENCH_CHATTER.some((pattern) => pattern.test(line))) return;
      (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    const payload = [
      ['extensionDevelopmentPath', remote(developmentPath)],
      ['extensionTestsPath', remote(options.tests)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(`${url}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await exit;
    const record = fs.existsSync(dirs.record) ? JSON.parse(fs.readFileSync(dirs.record, 'utf8')) : null;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code === 0 && record && record.passed) {
      console.log(`run-editor-tests: passed in ${seconds} s (${options.vsix ? `installed ${path.basename(options.vsix)}` : 'extension from sources'})`);
      return 0;
    }
    const why = code !== 0 ? `the editor reported exit code ${code}` : record ? record.error : 'the suite recorded no result (did the extension host die?)';
    console.error(`run-editor-tests: FAILED after ${seconds} s: ${why}`);
    return 1;
  } catch (error) {
    console.error(`run-editor-tests: FAILED: ${error.message}`);
    if (serverLog) console.error(`--- code-server output ---\n${serverLog}`);
    return 1;
  } finally {
    clearTimeout(deadline);
    if (browser) await browser.close().catch(() => {});
    server.kill();
    await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', resolve)));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`run-editor-tests: ${error.message}`);
    process.exit(1);
  },
);
