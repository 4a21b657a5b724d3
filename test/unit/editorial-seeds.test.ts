/** Issue 9's Done-when on the two real drafts: editorial rules, the note-format fix, and length limits (skipped without ../shared/seeds). */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, resolveConfig, BriefConfig } from '../../server/src/brief';
import { briefStats } from '../../server/src/brief/features/stats';
import { noteFormatEdits } from '../../server/src/brief/fixes/note-format';
import { surveyNotes } from '../../server/src/brief/rules/inconsistent-note-format';
import { MARKDOWN_SEED, PLAINTEXT_SEED, readText, seedsPresent } from '../helpers';

const EDITORIAL = ['inconsistent-note-format', 'incomplete-citation', 'section-length', 'brief-length'];

function configWith(settings: object): BriefConfig {
  const { config, problems } = resolveConfig(settings);
  assert.deepStrictEqual(problems, []);
  return config;
}

function findings(text: string, fileName: string, config?: BriefConfig) {
  return analyze(text, config, { fileName })
    .diagnostics.filter((d) => EDITORIAL.includes(d.code))
    .map((d) => ({ code: d.code, line: d.range.start.line, message: d.message }));
}

describe('editorial checks on the real drafts', function () {
  let plain: string;
  let markdown: string;
  before(function () {
    if (!seedsPresent()) this.skip();
    plain = readText(PLAINTEXT_SEED);
    markdown = readText(MARKDOWN_SEED);
  });

  describe('plain-text seed (000)', () => {
    it('reports one inconsistent-note-format, on note 21, where `- N` gives way to `N`', () => {
      const { model, diagnostics } = analyze(plain, undefined, { fileName: PLAINTEXT_SEED });
      const found = diagnostics.filter((d) => d.code === 'inconsistent-note-format');
      assert.strictEqual(found.length, 1);
      const note21 = model.endnotes.find((n) => n.number === 21)!;
      assert.deepStrictEqual(found[0].range, { start: note21.range.start, end: note21.numberRange.end });
      assert.deepStrictEqual(found[0].range.start, { line: 185, character: 0 });
      assert.strictEqual(found[0].severity, 'warning');
      assert.strictEqual(found[0].message, 'Notes 1–20 are written `- N`, notes 21–62 `N`. Write them all as `N`, the style most of them use.');
    });

    it('the fix writes every note as `N`, changing nothing but the twenty `- ` prefixes', () => {
      const before = analyze(plain, undefined, { fileName: PLAINTEXT_SEED });
      const edits = noteFormatEdits(before.model);
      assert.strictEqual(edits.length, 20);
      const fixed = TextDocument.applyEdits(TextDocument.create('file:///seed.txt', 'plaintext', 1, plain), edits);

      const oldLines = plain.split('\n');
      const newLines = fixed.split('\n');
      assert.strictEqual(newLines.length, oldLines.length);
      const noteLines = new Set(before.model.endnotes.filter((n) => n.number! <= 20).map((n) => n.range.start.line));
      oldLines.forEach((line, i) => {
        if (noteLines.has(i)) assert.strictEqual(line, `- ${newLines[i]}`, `line ${i + 1} loses only its "- "`);
        else assert.strictEqual(newLines[i], line, `line ${i + 1} is unchanged`);
      });

      const after = analyze(fixed, undefined, { fileName: PLAINTEXT_SEED });
      assert.deepStrictEqual(new Set(surveyNotes(after.model).items.map((item) => item.style)), new Set(['N']));
      assert.deepStrictEqual(
        after.model.endnotes.map((n) => [n.number, n.text, n.seeNote?.target ?? null]),
        before.model.endnotes.map((n) => [n.number, n.text, n.seeNote?.target ?? null]),
      );
      const rest = (a: typeof before) => a.diagnostics.filter((d) => d.code !== 'inconsistent-note-format').map((d) => [d.code, d.range.start.line, d.message]);
      assert.deepStrictEqual(rest(after), rest(before), 'every other diagnostic stays');
      assert.deepStrictEqual(noteFormatEdits(after.model), [], 'a second fix changes nothing');
    });

    it('incomplete-citation fires only on notes that really lack a date or a locator', () => {
      const found = findings(plain, PLAINTEXT_SEED).filter((f) => f.code === 'incomplete-citation');
      const date = (n: number) => `Note ${n} lacks a date (a year at least): a reader needs it to find the source.`;
      assert.deepStrictEqual(
        found.map((f) => f.message),
        [date(3), date(8), date(19), date(26), date(31), date(49), 'Note 59 lacks a locator (a URL, a DOI, or volume and pages): a reader needs it to find the source.'],
      );
    });

    it('keeps the journal notes (volume, issue and pages, no URL), the author-date note and the book chapter complete', () => {
      const flagged = new Set(findings(plain, PLAINTEXT_SEED).map((f) => f.message.match(/^Note (\d+)/)?.[1]));
      for (const complete of ['2', '38', '39', '60', '61']) assert.ok(!flagged.has(complete), `note ${complete}`);
    });

    it('section-length: the 360-word Executive Summary fits the default 400, and is reported against a lower limit', () => {
      assert.deepStrictEqual(findings(plain, PLAINTEXT_SEED).filter((f) => f.code === 'section-length'), []);
      assert.deepStrictEqual(findings(plain, PLAINTEXT_SEED, configWith({ sectionLimits: { 'Executive Summary': 300 } })).filter((f) => f.code === 'section-length'), [
        { code: 'section-length', line: 8, message: 'Section “EXECUTIVE SUMMARY” has 360 words; the limit for Executive Summary is 300. Cut 60 words.' },
      ]);
    });
  });

  describe('Markdown seed (004), which has no notes', () => {
    it('raises no editorial finding with the default settings', () => {
      assert.deepStrictEqual(findings(markdown, MARKDOWN_SEED), []);
    });

    it('section-length applies a Recommendations limit to “Implications and Recommendations”', () => {
      const config = configWith({ sectionLimits: { Recommendations: 1000 } });
      assert.deepStrictEqual(findings(markdown, MARKDOWN_SEED, config), [
        { code: 'section-length', line: 92, message: 'Section “Implications and Recommendations” has 1118 words; the limit for Recommendations is 1000. Cut 118 words.' },
      ]);
    });

    it('brief-length counts the same words as stats', () => {
      const { model } = analyze(markdown, undefined, { fileName: MARKDOWN_SEED });
      const words = briefStats(model).words;
      assert.deepStrictEqual(findings(markdown, MARKDOWN_SEED, configWith({ briefLength: words })), []);
      assert.deepStrictEqual(findings(markdown, MARKDOWN_SEED, configWith({ briefLength: words - 1 })), [
        { code: 'brief-length', line: 2, message: `The brief has ${words} words without its notes; the limit is ${words - 1}. Cut 1 word.` },
      ]);
    });
  });
});
