#!/usr/bin/env node
// Packages the built extension as policy-brief-<version>.vsix (or --out FILE) with @vscode/vsce.
// --no-dependencies: esbuild has bundled everything, so node_modules must not ship; .vscodeignore is the allow-list.
// --allow-missing-repository and --no-rewrite-relative-links: the project has no public repository URL to point links at.
// Run `npm run build` first (`npm run package` does).
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
const args = ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', ...process.argv.slice(2)];
const result = spawnSync(process.execPath, [vsce, ...args], { cwd: ROOT, stdio: 'inherit' });
process.exit(result.status ?? 1);
