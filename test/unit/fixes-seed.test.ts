/** Quick fixes and fix-all on the real plain-text draft (skipped when ../shared/seeds is absent). */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG, analyze } from '../../server/src/brief';
import { draftOf } from '../../server/src/brief/fixes/edits';
import { fixAll } from '../../server/src/brief/fixes/fixall';
import { fixesFor } from '../../server/src/brief/fixes/quickfix';
import { MARKDOWN_SEED, PLAINTEXT_SEED, readText, seedsPresent } from '../helpers';

(seedsPresent() ? describe : describe.skip)('quick fixes: plain-text seed', () => {
  const text = seedsPresent() ? readText(PLAINTEXT_SEED) : ''; // a skipped describe still runs its body
  const analysis = analyze(text, DEFAULT_CONFIG, { format: 'plaintext' });
  const draft = draftOf(text, analysis.model);
  const apply = (edits: { range: any; newText: string }[]) => TextDocument.applyEdits(TextDocument.create('file:///seed.txt', 'plaintext', 1, text), edits);
  const noteLine = (after: string, number: number) => after.split('\n').find((line) => new RegExp(`^(- )?${number} `).test(line));
  const fixFor = (code: string, note: number) => {
    const diagnostic = analysis.diagnostics.find((d) => d.code === code && new RegExp(`\\bnote ${note}\\b`, 'i').test(d.message))!;
    const [fix] = fixesFor(draft, diagnostic, DEFAULT_CONFIG);
    return apply(fix.edits);
  };

  it('duplicate-source on note 31 yields “See footnote 19.” and touches nothing else', () => {
    const after = fixFor('duplicate-source', 31);
    assert.strictEqual(noteLine(after, 31), '31 See footnote 19.');
    const removed = text.split('\n').find((line) => line.startsWith('31 '))!;
    assert.strictEqual(after, text.replace(removed, '31 See footnote 19.'));
  });

  it('split-url on note 32 (<…/> then the rest) writes <…/rest>.', () => {
    const after = fixFor('split-url', 32);
    assert.strictEqual(noteLine(after, 32), '32 “Taiwan and Ukraine not comparable situation,” China Daily, March 9, 2022, <http://epaper.chinadaily.com.cn/a/202203/09/WS6227f4e0a3109375516ea65a.html>.');
    assert.strictEqual(after.split('\n').length, text.split('\n').length - 2);
  });

  it('split-url on note 20 (<…>. then the rest) moves the closing >. after the rest, losing no other character', () => {
    const after = fixFor('split-url', 20);
    const line = noteLine(after, 20)!;
    assert.ok(line.endsWith('<https://securingdemocracy.gmfus.org/a-year-of-disinformation-russia-and-chinas-influencecampaigns-during-the-war-in-ukraine/>.'), line);
    assert.strictEqual(after.replace(/\s/g, '').length, text.replace(/\s/g, '').length - 1, 'only the doubled full stop goes');
  });

  it('fix all joins both URLs, replaces note 31, writes notes 1–20 like the other 42 (no “- ”), as the quick fixes do, and renumbers nothing', () => {
    const lines = text.split('\n');
    const replaceNote = (number: number, joined: string, extraLines: number) => {
      const at = lines.findIndex((line) => new RegExp(`^(- )?${number} `).test(line));
      lines.splice(at, 1 + extraLines, joined);
    };
    replaceNote(20, noteLine(fixFor('split-url', 20), 20)!, 2);
    replaceNote(31, '31 See footnote 19.', 0);
    replaceNote(32, noteLine(fixFor('split-url', 32), 32)!, 2);
    lines.forEach((line, i) => (lines[i] = line.replace(/^- (\d+ )/, '$1')));
    assert.strictEqual(apply(fixAll(draft, DEFAULT_CONFIG)), lines.join('\n'));
  });
});

(seedsPresent() ? describe : describe.skip)('quick fixes: Markdown seed', () => {
  const text = seedsPresent() ? readText(MARKDOWN_SEED) : ''; // a skipped describe still runs its body
  const analysis = analyze(text, DEFAULT_CONFIG, { format: 'markdown' });
  const draft = draftOf(text, analysis.model);

  it('missing-section puts “## Executive Summary” between the bold byline and the abstract, with a blank line after it', () => {
    const [fix] = fixesFor(draft, analysis.diagnostics.find((d) => d.code === 'missing-section')!, DEFAULT_CONFIG);
    const lines = text.split('\n');
    const byline = analysis.model.byline!.range.start.line;
    lines.splice(byline + 2, 0, '## Executive Summary', '');
    assert.strictEqual(TextDocument.applyEdits(TextDocument.create('file:///seed.md', 'markdown', 1, text), fix.edits), lines.join('\n'));
  });

  it('has no fix for its 94 empty link targets, and nothing for fix all to do', () => {
    const empty = analysis.diagnostics.filter((d) => d.code === 'empty-link-target');
    assert.strictEqual(empty.length, 94);
    assert.deepStrictEqual(empty.flatMap((d) => fixesFor(draft, d, DEFAULT_CONFIG)), []);
    assert.deepStrictEqual(fixAll(draft, DEFAULT_CONFIG), []);
  });
});
