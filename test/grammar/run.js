#!/usr/bin/env node
// Runs the grammar fixtures (test/grammar/*.test.*) with vscode-tmgrammar-test. VS Code's own
// Markdown grammar (from tm-grammars) hosts the injection, as it does in the editor; our grammars
// come from package.json's contributes.grammars. vscode-textmate asks for every language Markdown
// can embed in a fenced block, none of which matters here, so those "grammar not found" warnings
// are dropped; everything else, and the exit code, passes through.
const { spawn } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const grammar = (name) => require.resolve(`tm-grammars/grammars/${name}.json`, { paths: [root] });
const args = [
  require.resolve('vscode-tmgrammar-test/dist/unit.js', { paths: [root] }),
  '--config', path.join(root, 'package.json'),
  ...['markdown', 'html-derivative', 'html'].flatMap((name) => ['-g', grammar(name)]),
  path.join('test', 'grammar', '*.test.*'),
];
const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
let pending = '';
child.stderr.setEncoding('utf8');
child.stderr.on('data', (chunk) => {
  const lines = (pending + chunk).split('\n');
  pending = lines.pop();
  for (const line of lines) if (!line.startsWith('grammar not found for')) process.stderr.write(line + '\n');
});
child.on('close', (code, signal) => {
  if (pending && !pending.startsWith('grammar not found for')) process.stderr.write(pending + '\n');
  process.exit(signal ? 1 : code);
});
