/**
 * Hostile documents: what a writer can paste or half-type. Each test has a time bound
 * (this.timeout) far above what the analysis needs, so that a hang fails the test
 * instead of stalling the suite, and asserts what the model and diagnostics say.
 */
import * as assert from 'assert';
import { Analysis, BriefFormat, analyze } from '../../server/src/brief';
import { random } from '../fuzz/fuzz';

const FORMATS: BriefFormat[] = ['markdown', 'plaintext'];
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (n: number) => String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]);

/** Every diagnostic range (and related range) lies inside the document and runs forward. */
function assertRangesInside(analysis: Analysis): void {
  const lines = analysis.model.lines;
  const inside = (p: { line: number; character: number }) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  for (const d of analysis.diagnostics) {
    for (const r of [d.range, ...(d.related ?? []).map((x) => x.range)]) {
      assert.ok(inside(r.start) && inside(r.end), `${d.code} range ${JSON.stringify(r)} is outside the document`);
      assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${d.code} range runs backwards`);
    }
  }
}

function both(text: string): Analysis[] {
  return FORMATS.map((format) => {
    const analysis = analyze(text, undefined, { format });
    assert.deepStrictEqual(analysis.ruleFailures, [], `${format}: a rule threw`);
    assertRangesInside(analysis);
    return analysis;
  });
}

/** Deterministic pseudo-random bytes, so a failure reproduces. */
function randomBytes(length: number, seed: number): Uint8Array {
  const next = random(seed);
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

describe('hostile documents', () => {
  it('an empty document has one empty line, no markers, no notes, and a diagnostic list', function () {
    this.timeout(2000);
    for (const analysis of both('')) {
      assert.deepStrictEqual(analysis.model.lines, ['']);
      assert.deepStrictEqual(analysis.model.markers, []);
      assert.deepStrictEqual(analysis.model.endnotes, []);
      assert.ok(Array.isArray(analysis.diagnostics));
      assert.strictEqual(analysis.model.title, null);
    }
  });

  it('a document that is only a BOM is as empty as an empty one', function () {
    this.timeout(2000);
    for (const analysis of both('\uFEFF')) {
      assert.strictEqual(analysis.model.lines.length, 1);
      assert.deepStrictEqual(analysis.model.markers, []);
      assert.deepStrictEqual(analysis.model.sections, []);
    }
  });

  it('random binary bytes (latin-1 and UTF-8 with replacement) parse, with every range inside the document', function () {
    this.timeout(20000);
    for (const seed of [1, 2, 3]) {
      const bytes = randomBytes(64 * 1024, seed);
      for (const text of [Buffer.from(bytes).toString('latin1'), new TextDecoder('utf-8').decode(bytes)]) {
        for (const analysis of both(text)) {
          assert.strictEqual(analysis.model.lines.join('').length <= text.length, true);
          for (const marker of analysis.model.markers) assert.ok(marker.range.start.line < analysis.model.lines.length);
        }
      }
    }
  });

  it('NUL characters are text: the marker after one is found where it is', function () {
    this.timeout(2000);
    for (const analysis of both('Title\0\n\nA claim\0.³\0 more\0\n')) {
      assert.deepStrictEqual(
        analysis.model.markers.map((m) => [m.number, m.range.start.line, m.range.start.character]),
        [[3, 2, 9]],
      );
    }
  });

  it('a 100 KB line keeps its markers at their exact columns', function () {
    this.timeout(10000);
    const unit = 'word '.repeat(199) + 'end.⁷ ';
    const line = unit.repeat(Math.ceil(100_000 / unit.length));
    for (const analysis of both(`Title\n\n${line}\n`)) {
      assert.strictEqual(analysis.model.markers.length, Math.ceil(100_000 / unit.length));
      assert.deepStrictEqual(analysis.model.markers[1].range.start, { line: 2, character: unit.length + unit.indexOf('⁷') });
      assert.ok(analysis.model.markers.every((m) => m.number === 7));
    }
  });

  it('a 5 MB line still finds every marker, and reports each as an orphan', function () {
    this.timeout(60000);
    const unit = 'word '.repeat(200) + 'claim.¹²³ ';
    const count = Math.ceil(5_000_000 / unit.length);
    const line = unit.repeat(count);
    for (const analysis of both(line)) {
      assert.strictEqual(analysis.model.markers.length, count);
      const last = analysis.model.markers[count - 1];
      assert.deepStrictEqual([last.number, last.range.start.line, last.range.start.character], [123, 0, (count - 1) * unit.length + unit.indexOf('¹')]);
      assert.strictEqual(analysis.diagnostics.filter((d) => d.code === 'orphan-marker').length, count);
    }
  });

  it('CR, LF and CRLF mixed: lines break at each, as the editor counts them', function () {
    this.timeout(2000);
    const text = 'Title\r\nBy Ann Author\rExecutive Summary\n\r\nA claim.¹\r\rEndnotes\r\n1 A source, 2024.\n';
    const [markdown, plaintext] = both(text);
    assert.deepStrictEqual(markdown.model.lines, ['Title', 'By Ann Author', 'Executive Summary', '', 'A claim.¹', '', 'Endnotes', '1 A source, 2024.', '']);
    assert.deepStrictEqual(plaintext.model.markers.map((m) => m.range), [{ start: { line: 4, character: 8 }, end: { line: 4, character: 9 } }]);
    assert.deepStrictEqual(plaintext.model.endnotes.map((n) => [n.number, n.range.start.line, n.text]), [[1, 7, 'A source, 2024.']]);
    assert.deepStrictEqual(plaintext.diagnostics.filter((d) => d.code === 'orphan-marker' || d.code === 'unreferenced-endnote'), []);
  });

  it('10,000 notes, each cited once: all matched, none orphaned or unreferenced', function () {
    this.timeout(60000);
    const n = 10_000;
    const body = Array.from({ length: n }, (_, i) => `Claim ${i + 1}.${sup(i + 1)}`).join('\n');
    const notes = Array.from({ length: n }, (_, i) => `${i + 1}. Source number ${i + 1}, 2024.`).join('\n');
    const analysis = analyze(`Title\n\nBy Ann Author\n\nExecutive Summary\n\n${body}\n\nRecommendations\n\nAct.\n\nEndnotes\n\n${notes}\n`, undefined, { format: 'plaintext' });
    assert.deepStrictEqual(analysis.ruleFailures, []);
    assertRangesInside(analysis);
    assert.strictEqual(analysis.model.markers.length, n);
    assert.strictEqual(analysis.model.endnotes.length, n);
    assert.strictEqual(analysis.model.endnotes[n - 1].text, `Source number ${n}, 2024.`);
    assert.deepStrictEqual(
      analysis.diagnostics.filter((d) => ['orphan-marker', 'unreferenced-endnote', 'numbering-gap', 'marker-order'].includes(d.code)),
      [],
    );
  });

  it('10,000 markers with no notes: 10,000 orphan-marker errors, in reading order', function () {
    this.timeout(60000);
    const n = 10_000;
    const text = `# Title\n\n${Array.from({ length: n }, (_, i) => `Claim.[^${i + 1}]`).join(' ')}\n`;
    const analysis = analyze(text, undefined, { format: 'markdown' });
    assertRangesInside(analysis);
    const orphans = analysis.diagnostics.filter((d) => d.code === 'orphan-marker');
    assert.strictEqual(orphans.length, n);
    assert.deepStrictEqual(orphans[n - 1].range.start, { line: 2, character: text.split('\n')[2].lastIndexOf('[^') });
    assert.strictEqual(orphans[0].message, 'Marker [^1] cites note 1, but there is no note 1: add it to the Endnotes, or remove the marker.');
  });

  it('lists nested 2,000 deep and 10,000 nested blockquotes: no stack overflow, markers and the next heading survive', function () {
    this.timeout(30000);
    const lists = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i * 2)}- item${i === 1999 ? '.⁴' : ''}`).join('\n');
    const quotes = `${'>'.repeat(10_000)} quoted.⁵`;
    const quoteLines = Array.from({ length: 1000 }, (_, i) => `${'>'.repeat(i + 1)} level ${i}${i === 999 ? '.⁶' : ''}`).join('\n');
    for (const deep of [lists, quotes, quoteLines]) {
      const analysis = analyze(`# Title\n\n${deep}\n\n## Endnotes\n\n4. A.\n5. B.\n6. C.\n`, undefined, { format: 'markdown' });
      assert.deepStrictEqual(analysis.ruleFailures, []);
      assertRangesInside(analysis);
      assert.deepStrictEqual(
        analysis.model.sections.map((s) => s.title),
        ['Title', 'Endnotes'],
      );
      assert.strictEqual(analysis.model.markers.length, 1);
      assert.deepStrictEqual(analysis.model.endnotes.map((n) => n.number), [4, 5, 6]);
    }
  });

  it('10,000 notes each pointing at the next ("See footnote N+1"), and 10,000 "Ibid." notes: chains resolved once', function () {
    this.timeout(30000);
    const n = 10_000;
    const chain = analyze(`Endnotes\n\n${Array.from({ length: n }, (_, i) => `${i + 1}. See footnote ${i + 2}.`).join('\n')}\n${n + 1}. A source, 2024.\n`, undefined, { format: 'plaintext' });
    const chained = chain.diagnostics.filter((d) => d.code === 'see-footnote-chain');
    assert.strictEqual(chained.length, n - 1);
    assert.strictEqual(chained[0].message, `Note 1 says “See footnote 2”, but note 2 only says “See footnote 3”: point note 1 at note ${n + 1}, which holds the source.`);
    const ibid = analyze(`Endnotes\n\n1. A source, 2024.\n${Array.from({ length: n }, (_, i) => `${i + 2}. Ibid.`).join('\n')}\n`, undefined, { format: 'plaintext' });
    const misused = ibid.diagnostics.filter((d) => d.code === 'ibid-misuse');
    assert.strictEqual(misused.length, n - 1);
    assert.strictEqual(misused[0].message, 'Note 3 says “Ibid.”, but note 2 before it is itself a reference (“Ibid”): write “See footnote 1.” instead.');
  });

  it('a loop of 10,000 "See footnote" notes: each reported once, the loop shortened in the message', function () {
    this.timeout(30000);
    const n = 10_000;
    const loop = analyze(`Endnotes\n\n${Array.from({ length: n }, (_, i) => `${i + 1}. See footnote ${(i + 1) % n + 1}.`).join('\n')}\n`, undefined, { format: 'plaintext' });
    const cycles = loop.diagnostics.filter((d) => d.code === 'see-footnote-cycle');
    assert.strictEqual(cycles.length, n);
    assert.strictEqual(
      cycles[0].message,
      'Notes 1 → 2 → 3 → 4 → 5 → 6 → 7 → 8 → 9 → 10 → 11 → 12 → … → 1 point at each other in a loop, so none of them leads to a source: write the source out in one of them and point the others at it.',
    );
  });

  it('20,000 bare-line headings in plain text: each a section, runs of parallel headings nested', function () {
    this.timeout(30000);
    const headings = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? `Region ${i} Support` : `Topic ${i}`));
    const analysis = analyze(`Title\n\n${headings.join('\n\n')}\n`, undefined, { format: 'plaintext' });
    assert.strictEqual(analysis.model.sections.length, 20_000);
    assert.deepStrictEqual(analysis.model.sections.slice(0, 4).map((s) => [s.title, s.level]), [['Topic 0', 1], ['Region 1 Support', 2], ['Topic 2', 2], ['Region 3 Support', 2]]);
  });

  describe('long runs built to trip backtracking', () => {
    const RUNS: [string, string][] = [
      ['[^', '[^'.repeat(100_000)],
      ['¹ after a letter', `a${'¹'.repeat(100_000)}`],
      ['See footnote ', `Endnotes\n\n1 ${'See footnote '.repeat(20_000)}`],
      ['<sup>', '<sup>'.repeat(50_000)],
      ['<sup>1 unclosed', '<sup>1'.repeat(50_000)],
      ['((((', '(((('.repeat(50_000)],
      ['*a', '*a'.repeat(50_000)],
      ['[a](b', '[a](b'.repeat(30_000)],
      ['[ then ](', `${'['.repeat(50_000)}${']('.repeat(20_000)}`],
      ['http://', `Endnotes\n\n1 ${'http://'.repeat(30_000)} x\n\nhttp://a`],
      ['www.', `Endnotes\n\n1 ${'www.'.repeat(50_000)} x`],
      ['<a', '<a'.repeat(50_000)],
      ['- (list items opened on one line)', `${'- '.repeat(20_000)}[a](https://ex.org)`],
      ['1. (ordered items opened on one line)', `${'1. '.repeat(20_000)}x`],
    ];
    for (const [name, text] of RUNS) {
      it(`a run of ${name} (${Math.round(text.length / 1000)} K characters)`, function () {
        this.timeout(20000);
        const analyses = both(text);
        for (const analysis of analyses) assert.strictEqual(analysis.model.lines.length, text.split(/\r\n|\r|\n/).length);
        if (name === '¹ after a letter') {
          for (const analysis of analyses) {
            assert.deepStrictEqual(analysis.model.markers.map((m) => [m.range.start.character, m.range.end.character]), [[1, 100_001]]);
          }
        }
        if (name === '[^' || name === '<sup>' || name === '((((') for (const analysis of analyses) assert.deepStrictEqual(analysis.model.markers, []);
        if (name === 'See footnote ') {
          const note = analyses[1].model.endnotes[0];
          assert.strictEqual(note.number, 1);
          assert.deepStrictEqual(note.references, []);
        }
      });
    }
  });
});
