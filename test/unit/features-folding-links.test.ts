/** Folding ranges (sections, multi-line notes) and document links (URLs in notes, http/https only, split URLs by their first part). */
import * as assert from 'assert';
import { BriefModel, range } from '../../server/src/brief';
import { foldingRanges } from '../../server/src/brief/features/folding';
import { BriefLink, documentLinks } from '../../server/src/brief/features/links';
import { findSplitUrls } from '../../server/src/brief/rules/split-url';
import { PLAINTEXT_SEED, seedsPresent } from '../helpers';
import { fixturePath, modelOf, modelOfText } from './features-support';

describe('folding ranges', () => {
  it('plain text: each section from its heading to its last line (subsections inside), and each note longer than a line', () => {
    assert.deepStrictEqual(foldingRanges(modelOf(fixturePath('navigation.txt'))), [
      { startLine: 3, endLine: 5, kind: 'section' },
      { startLine: 7, endLine: 17, kind: 'section' },
      { startLine: 11, endLine: 13, kind: 'section' },
      { startLine: 15, endLine: 17, kind: 'section' },
      { startLine: 19, endLine: 21, kind: 'section' },
      { startLine: 23, endLine: 39, kind: 'section' },
      { startLine: 31, endLine: 33, kind: 'note' },
    ]);
  });

  it('Markdown: the title section holds the rest; a GFM definition with a continuation line folds', () => {
    assert.deepStrictEqual(foldingRanges(modelOf(fixturePath('navigation.md'))), [
      { startLine: 0, endLine: 18, kind: 'section' },
      { startLine: 4, endLine: 10, kind: 'section' },
      { startLine: 8, endLine: 10, kind: 'section' },
      { startLine: 12, endLine: 18, kind: 'section' },
      { startLine: 16, endLine: 17, kind: 'note' },
    ]);
  });

  it('does not fold a heading with nothing under it', () => {
    assert.deepStrictEqual(foldingRanges(modelOfText('# A\n\n## B\n', 'brief.md')), [{ startLine: 0, endLine: 2, kind: 'section' }]);
  });
});

describe('document links', () => {
  it('links every URL in the notes — <…>, bare www. (as http) — but not URLs in the body, and a split URL by its first part only', () => {
    assert.deepStrictEqual(documentLinks(modelOf(fixturePath('navigation.txt'))), [
      { range: range(25, 84, 25, 123), target: 'https://example.org/sahel/rain-and-ruin' },
      { range: range(31, 96, 31, 143), target: 'https://example.org/reports/groundwater-across-' },
      { range: range(39, 21, 39, 42), target: 'http://www.example.org/atlas' },
    ]);
  });

  it('Markdown: links <…> and link targets in definitions, never a command: target', () => {
    assert.deepStrictEqual(documentLinks(modelOf(fixturePath('navigation.md'))), [
      { range: range(14, 58, 14, 85), target: 'https://example.com/bridges' },
      { range: range(17, 13, 17, 46), target: 'https://example.com/tolls?a=1&b=2' },
    ]);
  });

  it('stops a <…> URL at the next angle bracket', () => {
    assert.deepStrictEqual(documentLinks(modelOf(fixturePath('hostile.md'))), [{ range: range(9, 58, 9, 86), target: 'https://example.org/a_(b)*c*' }]);
  });

  (seedsPresent() ? describe : describe.skip)('seed 000 (plain text)', () => {
    // Read in a hook: a skipped describe still runs its body, and the seed may be absent.
    let seed: BriefModel;
    let links: BriefLink[];
    before(() => {
      seed = modelOf(PLAINTEXT_SEED);
      links = documentLinks(seed);
    });

    it('links one URL per note that has one, each on one line, all http(s)', () => {
      const notesWithUrl = seed.endnotes.filter((n) => /https?:\/\//.test(n.text));
      assert.strictEqual(links.length, notesWithUrl.length);
      assert.ok(links.every((l) => l.range.start.line === l.range.end.line && /^https?:\/\//.test(l.target)));
    });

    it('links each split URL as the part visible on its first line', () => {
      const splits = seed.endnotes.flatMap((n) => findSplitUrls(n));
      assert.ok(splits.length >= 2);
      for (const split of splits) {
        const link = links.find((l) => l.range.start.line === split.first.start.line)!;
        assert.ok(split.firstText.includes(seed.lines[link.range.start.line].slice(link.range.start.character, link.range.end.character)));
        assert.ok(!links.some((l) => l.range.start.line === split.rest.start.line));
      }
    });
  });
});
