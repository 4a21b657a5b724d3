/**
 * Issue 3's "Done when" for the two real drafts in ../shared/seeds, asserted through
 * the same data `policy-brief inspect` prints and through `analyze`. Expected headings
 * and notes are located by line and read back from the draft, so no draft text is
 * copied here. Skipped when the seeds are absent (a fresh clone without ../shared).
 */
import * as assert from 'assert';
import { analyze, BriefDiagnostic } from '../../server/src/brief';
import { collapseWhitespace } from '../../server/src/brief/parse/text';
import { inspectModel } from '../../server/src/cli';
import { MARKDOWN_SEED, PLAINTEXT_SEED, readText, seedsPresent } from '../helpers';

/** The rules issue 3 defines; later rules may add their own findings to the drafts. */
const ISSUE_3_CODES = new Set([
  'orphan-marker', 'unreferenced-endnote', 'duplicate-endnote', 'numbering-gap', 'marker-order', 'missing-note-target',
  'see-footnote-chain', 'see-footnote-cycle', 'self-reference', 'ibid-misuse', 'missing-section', 'section-order',
  'empty-section', 'empty-link-target', 'split-url', 'duplicate-source', 'unrenderable-glyph',
]);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function ofCode(diagnostics: BriefDiagnostic[], code: string): BriefDiagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

(seedsPresent() ? describe : describe.skip)('the real drafts (../shared/seeds)', () => {
  describe('000: a plain-text brief pasted from a PDF', () => {
    const text = seedsPresent() ? readText(PLAINTEXT_SEED) : '';
    const lines = text.split(/\r\n|\r|\n/);
    const analysis = analyze(text, undefined, { fileName: PLAINTEXT_SEED });
    const inspected = inspectModel(analysis.model);
    const note = (n: number) => {
      const found = analysis.model.endnotes.filter((e) => e.number === n);
      assert.strictEqual(found.length, 1, `note ${n} once`);
      return found[0];
    };

    it('is plain text, titled by the line above its byline', () => {
      assert.strictEqual(inspected.format, 'plaintext');
      assert.match(lines[6], /^By /);
      assert.strictEqual(inspected.title, lines[4].trim());
      assert.strictEqual(analysis.model.byline?.text, lines[6].trim());
    });

    it('finds EXECUTIVE SUMMARY and every bare-line heading up to Endnotes, with parallel headings nested', () => {
      // [0-based line, level]: parallel "… Support" and "… Lessons: …" runs sit under the heading before them.
      const expected: [number, number][] = [
        [8, 1], [16, 1], [26, 1], [38, 1], [44, 2], [50, 2], [60, 2], [66, 2], [76, 1], [92, 2], [106, 2], [120, 2], [130, 1], [144, 1], [160, 1],
      ];
      assert.deepStrictEqual(
        inspected.sections,
        expected.map(([line, level]) => ({ title: lines[line].trim(), level, line })),
      );
      assert.strictEqual(inspected.sections[0].title, 'EXECUTIVE SUMMARY');
      assert.strictEqual(inspected.sections[inspected.sections.length - 1].title, 'Endnotes');
    });

    it('does not take the paragraph fragment `wartime.⁵⁰` for a heading', () => {
      const fragment = lines.findIndex((line) => line.trim() === 'wartime.⁵⁰');
      assert.ok(fragment > 0, 'the fragment is in the draft');
      assert.ok(!inspected.sections.some((s) => s.line === fragment));
      assert.ok(inspected.markers.some((m) => m.number === 50 && m.line === fragment));
    });

    it('finds markers 1–62, each once, in reading order', () => {
      assert.deepStrictEqual(inspected.markers.map((m) => m.number), range(1, 62));
      const positions = inspected.markers.map((m) => m.line * 1e6 + m.character);
      assert.deepStrictEqual(positions, [...positions].sort((a, b) => a - b));
    });

    it('finds endnotes 1–62, each once, in order, all inside the Endnotes section', () => {
      assert.deepStrictEqual(inspected.endnotes.map((n) => n.number), range(1, 62));
      assert.ok(inspected.endnotes.every((n) => n.line > 160));
    });

    it('resolves exactly the twelve "See footnote N" notes', () => {
      const refersTo = Object.fromEntries(inspected.endnotes.filter((n) => n.refersTo !== null).map((n) => [n.number, n.refersTo]));
      assert.deepStrictEqual(refersTo, { 6: 5, 18: 17, 25: 23, 28: 27, 30: 29, 34: 33, 41: 33, 44: 43, 47: 45, 48: 45, 55: 54, 58: 14 });
    });

    it('joins notes 20, 32, 45 and 60 back together across the blank lines that break them', () => {
      for (const [n, firstLine, lastLine] of [[20, 181, 183], [32, 207, 209], [45, 235, 237], [60, 267, 269]]) {
        const whole = note(n);
        assert.deepStrictEqual([whole.range.start.line, whole.range.end.line], [firstLine, lastLine], `note ${n} spans its lines`);
        assert.deepStrictEqual(whole.segments.map((s) => s.range.start.line), [firstLine, lastLine], `note ${n} has two parts`);
        const written = collapseWhitespace(`${lines[firstLine].replace(/^\s*-?\s*\d+\s+/, '')} ${lines[lastLine]}`);
        assert.strictEqual(whole.text, written, `note ${n} text`);
        assert.strictEqual(inspected.endnotes.find((e) => e.number === n)?.text, written);
      }
    });

    it('reports split URLs in notes 20 and 32, the repeated source of note 31, and lost glyphs in notes 42, 43, 45, 51 — nothing else', () => {
      const found = analysis.diagnostics.filter((d) => ISSUE_3_CODES.has(d.code)).map((d) => [d.code, d.range.start.line]);
      assert.deepStrictEqual(found, [
        ['split-url', note(20).range.start.line],
        ['duplicate-source', note(31).range.start.line],
        ['split-url', note(32).range.start.line],
        ['unrenderable-glyph', note(42).range.start.line],
        ['unrenderable-glyph', note(43).range.start.line],
        ['unrenderable-glyph', note(45).range.start.line],
        ['unrenderable-glyph', note(51).range.start.line],
      ]);
    });

    it('names note 19 as the earlier source of note 31', () => {
      const [duplicate] = ofCode(analysis.diagnostics, 'duplicate-source');
      assert.strictEqual(duplicate.message, 'Note 31 cites the same source as note 19: replace it with “See footnote 19.”');
      assert.deepStrictEqual(duplicate.related?.map((r) => r.range.start.line), [note(19).range.start.line]);
    });

    it('flags lost glyphs on exactly the notes whose text holds □ or �', () => {
      const withLostGlyphs = analysis.model.endnotes.filter((n) => /[□�]/.test(n.text)).map((n) => n.number);
      const flagged = ofCode(analysis.diagnostics, 'unrenderable-glyph').map(
        (d) => analysis.model.endnotes.find((n) => n.range.start.line <= d.range.start.line && d.range.start.line <= n.range.end.line)?.number,
      );
      assert.deepStrictEqual(flagged, withLostGlyphs);
      assert.deepStrictEqual(withLostGlyphs, [42, 43, 45, 51]);
    });

    it('points each split-url at the piece on a later line', () => {
      for (const [d, n] of ofCode(analysis.diagnostics, 'split-url').map((d, i) => [d, [20, 32][i]] as const)) {
        assert.deepStrictEqual(d.related?.map((r) => r.range.start.line), [note(n).range.end.line]);
        assert.match(d.message, new RegExp(`^The URL in note ${n} is split across lines: .* continues on line ${note(n).range.end.line + 1} as `));
      }
    });
  });

  describe('004: a Markdown brief saved as .txt', () => {
    const text = seedsPresent() ? readText(MARKDOWN_SEED) : '';
    const lines = text.split(/\r\n|\r|\n/);
    const analysis = analyze(text, undefined, { fileName: MARKDOWN_SEED });
    const inspected = inspectModel(analysis.model);

    it('is detected as Markdown although it is a .txt file', () => {
      assert.match(MARKDOWN_SEED, /\.txt$/);
      assert.strictEqual(inspected.format, 'markdown');
    });

    it('has exactly the sections of its ## and ### headings', () => {
      const expected = lines.flatMap((line, i) => {
        const heading = /^(#{2,3}) (.+)$/.exec(line);
        return heading ? [{ title: heading[2].trim(), level: heading[1].length, line: i }] : [];
      });
      assert.strictEqual(expected.length, 10);
      assert.deepStrictEqual(inspected.sections, expected);
    });

    it('has no markers: its <sup>th</sup> and <sup>st</sup> are ordinals', () => {
      assert.ok(/<sup>th<\/sup>/.test(text) && /<sup>st<\/sup>/.test(text));
      assert.deepStrictEqual(inspected.markers, []);
      assert.deepStrictEqual(inspected.endnotes, []);
    });

    it('reports the 94 links with an empty target (on 30 lines) and nothing else but the missing summary heading', () => {
      const empty = ofCode(analysis.diagnostics, 'empty-link-target');
      assert.strictEqual(empty.length, 94);
      assert.strictEqual(new Set(empty.map((d) => d.range.start.line)).size, 30);
      assert.ok(empty.every((d) => d.message.endsWith('has no target (“#”): add the source\'s URL, or cite it in a footnote.')));
      const others = analysis.diagnostics.filter((d) => ISSUE_3_CODES.has(d.code) && d.code !== 'empty-link-target').map((d) => d.code);
      assert.deepStrictEqual(others, ['missing-section']);
    });

    it('asks for an Executive Summary heading above the opening summary paragraph, and for nothing else', () => {
      const [missing] = ofCode(analysis.diagnostics, 'missing-section');
      const paragraph = analysis.model.firstParagraph!;
      assert.match(lines[paragraph.range.start.line - 2], /^\*\*.+\*\*$/, 'the paragraph follows the bold byline');
      assert.strictEqual(
        missing.message,
        `The brief has no Executive Summary section (or Summary, Abstract, Key Findings, Key Takeaways, Overview): add a heading “## Executive Summary” above the opening summary paragraph (line ${paragraph.range.start.line + 1}).`,
      );
      assert.strictEqual(paragraph.range.start.line + 1, 7);
    });
  });
});
