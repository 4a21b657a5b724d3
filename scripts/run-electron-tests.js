#!/usr/bin/env node
// Runs the same in-editor suite through @vscode/test-electron, for machines that can download VS Code
// (this one cannot: there `npm test` uses scripts/run-editor-tests.js with code-server instead).
//
//   node scripts/run-electron-tests.js [VERSION]     (default: 1.100.3, the release code-server 4.100.3 bundles)
'use strict';
const fs = require('fs');
const { runTests, TestRunFailedError } = require('@vscode/test-electron');
const harness = require('./editor-harness');

async function main() {
  if (!fs.existsSync(harness.SHIM)) throw new Error(`${harness.SHIM} does not exist: run \`npm run build\` first`);
  const dirs = harness.prepareRun();
  try {
    const exitCode = await runTests({
      version: process.argv[2] ?? '1.100.3',
      extensionDevelopmentPath: harness.ROOT,
      extensionTestsPath: harness.SHIM,
      extensionTestsEnv: { POLICY_BRIEF_EDITOR_RESULT: dirs.record, POLICY_BRIEF_EXPECT_EXTENSION_PATH: harness.ROOT },
      launchArgs: [dirs.workspace, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--disable-workspace-trust', '--skip-welcome'],
    }).catch((error) => {
      // A failed suite is a verdict to report; any other error (VS Code could not be downloaded) is not.
      if (error instanceof TestRunFailedError) return error.code ?? 1;
      throw error;
    });
    const result = harness.verdict(exitCode, dirs.record);
    if (result.passed) {
      console.log('run-electron-tests: passed');
      return 0;
    }
    console.error(`run-electron-tests: FAILED: ${result.why}`);
    return 1;
  } finally {
    fs.rmSync(dirs.tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`run-electron-tests: ${error.message ?? error}`);
    process.exit(1);
  },
);
