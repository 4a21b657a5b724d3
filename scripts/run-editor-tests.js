#!/usr/bin/env node
// Runs the in-editor suite (out/test/editor) inside a real VS Code 1.100, offline: code-server serves the workbench,
// headless Chromium (through playwright-core) opens it, and the workbench's test hooks report the result (GUIDE §4).
//
//   node scripts/run-editor-tests.js [--vsix FILE] [--extension DIR] [--tests FILE] [--workspace DIR] [--timeout SECONDS] [--verbose]
//
// --vsix       install this packaged extension and run the suite against it instead of the sources
// --extension  the extension folder to develop (default: the repository); tests use it to run a deliberately broken copy
// --tests      the extensionTestsPath module (default: out/test/editor/shim.js)
// --workspace  the folder to copy and open (default: test/editor/fixtures)
// --verbose    also print the workbench's own log lines
// Exit 0 only when VS Code reports exit code 0 and the shim recorded a passing suite; 1 otherwise; 2 on bad usage.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const harness = require('./editor-harness');

// The workbench's start-up chatter, which arrives on the same channel as the suite's output; --verbose shows it.
const WORKBENCH_CHATTER = [/^Resolv(ing|ed) connection token/, /^Creating a socket/, /^Ignoring fetching additional builtin extensions/, /^Updating additional builtin extensions cache/, /^\[Service Worker\]/, /^ChatSessionStore:/, /^Creation of workbench contribution/];

function parseArgs(argv) {
  const options = { vsix: null, extension: harness.ROOT, tests: harness.SHIM, workspace: undefined, timeout: 180, verbose: false };
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

async function main() {
  const options = parseArgs(process.argv.slice(2));
  harness.ensureDependencies();
  if (!fs.existsSync(options.tests)) usage(`${options.tests} does not exist: run \`npm run build\` first`);

  const dirs = harness.prepareRun(options.workspace);
  const env = { ...process.env, POLICY_BRIEF_EDITOR_RESULT: dirs.record };
  let server;
  let browser;
  let deadline;
  const started = Date.now();
  try {
    // A host started for the sources can only be told apart from the installed .vsix by the folder it runs from.
    let developmentPath = options.extension;
    if (options.vsix) {
      env.POLICY_BRIEF_EXPECT_EXTENSION_PATH = harness.installVsix(options.vsix, dirs, env);
      // VS Code runs extension tests only beside a development extension: an empty one, so the .vsix supplies the real one.
      developmentPath = path.join(dirs.tmp, 'host');
      fs.mkdirSync(developmentPath);
      fs.writeFileSync(path.join(developmentPath, 'package.json'), JSON.stringify({ name: 'test-host', publisher: 'policy-brief-tests', version: '0.0.0', engines: { vscode: '*' } }));
    } else {
      env.POLICY_BRIEF_EXPECT_EXTENSION_PATH = developmentPath;
    }
    server = await harness.startCodeServer(dirs, env);
    browser = await harness.launchChromium();
    const page = await browser.newPage();
    let finished = false;
    let settle;
    const exit = new Promise((resolve, reject) => {
      settle = resolve;
      deadline = setTimeout(() => reject(new Error(`no result from the editor within ${options.timeout} s`)), options.timeout * 1000);
    });
    // Awaited below; until then a deadline that fires during start-up must not count as unhandled.
    exit.catch(() => {});
    await page.exposeFunction('codeAutomationExit', (code) => {
      finished = true;
      settle(code);
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...args);
      // After the exit the workbench still reports its own shutdown (a lost extension host, reconnects): not the suite's.
      if (!options.verbose && (finished || (type !== 'error' && WORKBENCH_CHATTER.some((pattern) => pattern.test(line))))) return;
      (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    await page.goto(harness.workbenchUrl(server.url, dirs.workspace, { extensionDevelopmentPath: developmentPath, extensionTestsPath: options.tests, skipWelcome: 'true' }));
    const result = harness.verdict(await exit, dirs.record);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.passed) {
      console.log(`run-editor-tests: passed in ${seconds} s (${options.vsix ? `installed ${path.basename(options.vsix)}` : 'extension from sources'})`);
      return 0;
    }
    console.error(`run-editor-tests: FAILED after ${seconds} s: ${result.why}`);
    return 1;
  } catch (error) {
    console.error(`run-editor-tests: FAILED: ${error.message}`);
    if (server) console.error(`--- code-server output ---\n${server.output()}`);
    return 1;
  } finally {
    clearTimeout(deadline);
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
    fs.rmSync(dirs.tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`run-editor-tests: ${error.message}`);
    process.exit(1);
  },
);
