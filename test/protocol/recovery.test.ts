/**
 * Recovery: a rule that throws is isolated (reported once, the other rules still
 * publish), superseded versions are never published after newer ones, and a long
 * request stops when the client cancels it.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { DEFAULT_CONFIG, RULES, Rule, parseBrief, runRules } from '../../server/src/brief';
import { tempFolderPerSuite } from '../helpers';
import { LspSession, startServer } from '../lsp-client';

const CYCLE = ['# A Brief', '', '## Executive Summary', '', 'A claim.¹ Another.² A third.⁹', '', '## Recommendations', '', 'Act.', '', '## Endnotes', '', '1. See footnote 2.', '2. See footnote 1.', ''].join('\n');
const THROWING: Rule = {
  code: 'always-throws',
  description: 'A rule that fails, to check isolation.',
  defaultSeverity: 'error',
  fixable: false,
  check() {
    throw new TypeError('boom');
  },
};

describe('recovery', () => {
  it('runRules isolates a throwing rule: it is reported as a failure and the other rules’ diagnostics are unchanged', () => {
    const model = parseBrief(CYCLE, 'markdown');
    const clean = runRules(model, DEFAULT_CONFIG, RULES);
    const withFailure = runRules(model, DEFAULT_CONFIG, [RULES[0], THROWING, ...RULES.slice(1)]);
    assert.deepStrictEqual(withFailure.diagnostics, clean.diagnostics);
    assert.deepStrictEqual(withFailure.ruleFailures.map((f) => [f.code, (f.error as Error).message]), [['always-throws', 'boom']]);
    assert.deepStrictEqual(clean.diagnostics.map((d) => d.code).sort(), ['orphan-marker', 'see-footnote-cycle', 'see-footnote-cycle']);
  });

  describe('in the server', () => {
    let session: LspSession;
    before(async () => {
      session = await startServer({ settings: { debounceMs: 0 }, execArgv: ['--require', path.join(__dirname, 'throwing-rule.js')] });
    });
    after(async () => session.stop());

    it('a rule that throws is logged once and the other rules still publish, version after version', async () => {
      const uri = 'file:///tmp/policy-brief-recovery/cycle.md';
      session.open(uri, CYCLE, 'markdown', 1);
      const first = await session.diagnostics(uri, 1);
      assert.deepStrictEqual(first.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['orphan-marker', 4, 28]]);
      session.change(uri, 2, [{ range: { start: { line: 4, character: 29 }, end: { line: 4, character: 29 } }, text: ' More.⁸' }]);
      const second = await session.diagnostics(uri, 2);
      assert.deepStrictEqual(second.diagnostics.map((d) => [d.code, d.range.start.character]), [['orphan-marker', 28], ['marker-order', 35], ['orphan-marker', 35]]);
      const failures = session.logs.filter((line) => line.includes('rule see-footnote-cycle failed and was skipped'));
      assert.strictEqual(failures.length, 1, session.logs.join('\n'));
      assert.match(failures[0], /injected failure/);
      assert.strictEqual(session.process.exitCode, null);
    });

    it('after a burst of 30 edits, versions are published in increasing order and the last matches the last text', async () => {
      const uri = 'file:///tmp/policy-brief-recovery/burst.md';
      session.open(uri, CYCLE.replace(' A third.⁹', ''), 'markdown', 1);
      await session.diagnostics(uri, 1);
      for (let version = 2; version <= 31; version++) {
        session.change(uri, version, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: version % 2 ? 'x' : 'y³' }]);
      }
      const last = await session.diagnostics(uri, 31);
      assert.strictEqual(last.version, 31);
      const versions = session.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
      assert.deepStrictEqual(versions, [...versions].sort((a, b) => a - b));
      assert.strictEqual(new Set(versions).size, versions.length, 'no version published twice');
      assert.strictEqual(last.diagnostics.filter((d) => d.code === 'orphan-marker').length, 15);
    });
  });

  describe('cancellation', () => {
    const dir = tempFolderPerSuite('policy-brief-cancel-');
    let session: LspSession;
    before(async () => {
      session = await startServer({ settings: { debounceMs: 0, detection: 'always' } });
    });
    after(() => session.stop());

    it('a checkFiles request over 400 files stops early when cancelled', async () => {
      const uris: string[] = [];
      for (let i = 0; i < 400; i++) {
        const file = path.join(dir.path, `brief-${i}.md`);
        fs.writeFileSync(file, CYCLE.repeat(20));
        uris.push(pathToFileURL(file).toString());
      }
      const source = new CancellationTokenSource();
      const result = session.connection.sendRequest<{ files: unknown[] }>('policyBrief/checkFiles', { uris }, source.token);
      await session.diagnostics(uris[0]);
      source.cancel();
      const outcome = await result.then(
        (value) => ({ files: value.files.length }),
        (error: Error) => ({ error: error.message }),
      );
      const published = new Set(session.published.map((p) => p.uri));
      assert.ok(published.size < uris.length, `all ${uris.length} files were checked despite the cancellation (${JSON.stringify(outcome)})`);
      assert.ok(!('files' in outcome) || outcome.files < uris.length, JSON.stringify(outcome));
    });
  });
});
