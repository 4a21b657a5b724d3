/**
 * Quick-fix fixtures: every `test/fixtures/fixes/CODE[.case].(md|txt)` has exactly one
 * diagnostic with that code, and its first quick fix must turn the brief into
 * `CODE[.case].after.(md|txt)`, character for character, after which the diagnostic is gone.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG, RULES, analyze } from '../../server/src/brief';
import { draftOf } from '../../server/src/brief/fixes/edits';
import { fixesFor } from '../../server/src/brief/fixes/quickfix';
import { FIXTURES, readText } from '../helpers';

const DIR = path.join(FIXTURES, 'fixes');

function applyFirstFix(file: string) {
  const text = readText(file);
  const code = path.basename(file).split('.')[0];
  const analysis = analyze(text, DEFAULT_CONFIG, { fileName: file });
  const diagnostics = analysis.diagnostics.filter((d) => d.code === code);
  assert.strictEqual(diagnostics.length, 1, `one ${code} diagnostic in ${path.basename(file)}`);
  const fixes = fixesFor(draftOf(text, analysis.model), diagnostics[0], DEFAULT_CONFIG);
  assert.ok(fixes.length > 0, `a quick fix for ${code}`);
  return { code, fixed: TextDocument.applyEdits(TextDocument.create('file:///b', 'plaintext', 1, text), fixes[0].edits) };
}

describe('quick-fix fixtures', () => {
  const briefs = fs.readdirSync(DIR).filter((name) => /\.(md|txt)$/.test(name) && !name.includes('.after.'));
  for (const name of briefs) {
    it(name, () => {
      const file = path.join(DIR, name);
      const { code, fixed } = applyFirstFix(file);
      assert.strictEqual(fixed, readText(file.replace(/\.(md|txt)$/, '.after.$1')));
      const after = analyze(fixed, DEFAULT_CONFIG, { fileName: file });
      assert.deepStrictEqual(after.diagnostics.filter((d) => d.code === code), [], `no ${code} left after the fix`);
    });
  }

  it('covers every rule marked fixable', () => {
    const covered = new Set(briefs.map((name) => name.split('.')[0]));
    const fixable = RULES.filter((rule) => rule.fixable).map((rule) => rule.code);
    assert.deepStrictEqual(fixable.filter((code) => !covered.has(code)), []);
  });
});
