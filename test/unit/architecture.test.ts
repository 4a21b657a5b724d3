/**
 * Invariants of the design (ARCHITECTURE.md): the core under server/src/brief never
 * touches the editor, the disk, processes or the network; every rule is registered
 * once, documented in the README and exercised by a fixture.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES, Rule } from '../../server/src/brief/rules';
import { ExpectedDiagnostic, FIXTURES, ROOT, readText } from '../helpers';

const CORE = path.join(ROOT, 'server', 'src', 'brief');
const RULES_DIR = path.join(CORE, 'rules');
const SEVERITIES = ['error', 'warning', 'information', 'hint'];

/** Modules the pure core must not load: the editor and LSP libraries, the file system, processes, the network. */
const FORBIDDEN = /^(?:vscode|vscode-languageserver.*|vscode-languageclient.*|vscode-jsonrpc.*|(?:node:)?(?:fs|fs\/promises|child_process|http|https|http2|net|tls|dgram|worker_threads|cluster))$/;

const IMPORT = /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{},\s]+?\s+from\s+)?['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function typeScriptFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('architecture: the pure core', () => {
  it('recognises every form of import it must police', () => {
    const sample = [
      "import * as fs from 'fs';",
      'import { spawn } from "node:child_process";',
      "import type { Diagnostic } from 'vscode-languageserver';",
      "export { x } from './model';",
      "import 'vscode';",
      "const https = require('https');",
      "const net = await import('net');",
      "import {\n  a,\n  b,\n} from 'vscode-languageserver-textdocument';",
    ].join('\n');
    const found = importsOf(sample);
    assert.deepStrictEqual(found, ['fs', 'node:child_process', 'vscode-languageserver', './model', 'vscode', 'https', 'net', 'vscode-languageserver-textdocument']);
    assert.deepStrictEqual(found.filter((m) => FORBIDDEN.test(m)), ['fs', 'node:child_process', 'vscode-languageserver', 'vscode', 'https', 'net', 'vscode-languageserver-textdocument']);
  });

  it('imports nothing from vscode, the language server libraries, fs, child_process or the network', () => {
    const files = typeScriptFiles(CORE);
    assert.ok(files.length > 20, 'the core is there');
    const offences = files.flatMap((file) =>
      importsOf(readText(file))
        .filter((m) => FORBIDDEN.test(m))
        .map((m) => `${path.relative(ROOT, file)} imports ${m}`),
    );
    assert.deepStrictEqual(offences, []);
    assert.ok(importsOf(readText(path.join(CORE, 'analyze.ts'))).includes('./config'), 'the scan sees the core’s own imports');
  });
});

describe('architecture: the rule registry', () => {
  const fixtureCodes = new Set(
    fs
      .readdirSync(path.join(FIXTURES, 'rules'))
      .filter((name) => name.endsWith('.expected.json'))
      .flatMap((name) => (JSON.parse(readText(path.join(FIXTURES, 'rules', name))) as ExpectedDiagnostic[]).map((d) => d.code)),
  );
  const readme = readText(path.join(ROOT, 'README.md'));

  it('holds each rule once, under a stable kebab-case code', () => {
    const codes = RULES.map((rule) => rule.code);
    assert.deepStrictEqual(codes, [...new Set(codes)]);
    for (const code of codes) assert.match(code, /^[a-z]+(?:-[a-z]+)*$/);
  });

  it('registers every rule file in server/src/brief/rules, under the file’s name', () => {
    const ruleFiles = fs.readdirSync(RULES_DIR).filter((name) => name.endsWith('.ts') && name !== 'index.ts' && name !== 'rule.ts');
    for (const name of ruleFiles) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = Object.values(require(path.join(ROOT, 'out', 'server', 'src', 'brief', 'rules', name.replace(/\.ts$/, '.js'))) as Record<string, unknown>);
      const rules = exported.filter((value): value is Rule => !!value && typeof value === 'object' && typeof (value as Rule).check === 'function');
      assert.deepStrictEqual(rules.map((rule) => rule.code), [name.replace(/\.ts$/, '')], `${name} exports one rule named after the file`);
      assert.ok(RULES.includes(rules[0]), `${name} is in the registry`);
    }
    assert.strictEqual(ruleFiles.length, RULES.length);
  });

  for (const rule of RULES) {
    describe(rule.code, () => {
      it('has a description and a default severity', () => {
        assert.ok(rule.description.trim().length > 10, 'description');
        assert.ok(SEVERITIES.includes(rule.defaultSeverity), `severity ${rule.defaultSeverity}`);
        assert.strictEqual(typeof rule.fixable, 'boolean');
      });

      it(`has a "### ${rule.code}" section in README.md`, () => {
        assert.ok(readme.split('\n').includes(`### ${rule.code}`), `README.md lacks "### ${rule.code}"`);
      });

      it('is hit by at least one rule fixture', () => {
        assert.ok(fixtureCodes.has(rule.code), `no test/fixtures/rules/*.expected.json contains ${rule.code}`);
      });
    });
  }
});
