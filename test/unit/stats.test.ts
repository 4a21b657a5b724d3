/** Brief statistics (features/stats.ts) and `policy-brief stats`: words, markers and notes per section, sources by outlet and year. */
import * as assert from 'assert';
import * as path from 'path';
import { parseBrief } from '../../server/src/brief';
import { briefStats, countWords, formatStats, noteCounts, sectionCounts } from '../../server/src/brief/features/stats';
import { parseCitation } from '../../server/src/brief/citation';
import { generateBrief } from '../../bench/generate';
import { hoverAt } from '../../server/src/brief/features/hover';
import { main } from '../../server/src/cli';
import { FIXTURES, MARKDOWN_SEED, PLAINTEXT_SEED, seedsPresent } from '../helpers';

const PLAIN = [
  'Clean Air Zones in Small Cities', // 0 title
  '',
  'By Noor Haddad', // 2 byline
  '',
  'EXECUTIVE SUMMARY', // 4
  '',
  'Small cities copied the big ones.¹ Results were mixed.² See the annex.', // 6: 12 words
  '',
  'Findings', // 8
  '',
  'Traffic fell by 8% in year one.³ Shops did not lose trade.⁴', // 10: 12 words
  '',
  'RECOMMENDATIONS', // 12
  '',
  'Start with a zone around schools.⁵', // 14: 6 words
  '',
  'Endnotes', // 16
  '',
  '1 “Zones in Smaller Cities,” Air Quality Agency, March 2023, <https://example.org/aqa/zones>.',
  '2 See footnote 1.',
  '3 T. Marsh, “Traffic After the Zone,” Transport Letters, Vol. 7, No. 2, pp. 11-19.',
  '4 “High Street Takings 2022,” Retail Council, <https://example.org/retail/takings>.',
  '5 “Zones in Smaller Cities,” Air Quality Agency, March 2023, <https://example.org/aqa/zones>.',
  '',
].join('\n');

describe('stats: counting words', () => {
  it('counts whitespace-separated words that hold a letter or digit, as word processors do', () => {
    assert.strictEqual(countWords(''), 0);
    assert.strictEqual(countWords('  U.S. Army — War College, 2011–2023.  '), 5);
    assert.strictEqual(countWords('\\* \\* \\*'), 0);
    assert.strictEqual(countWords('Russia-Ukraine war\tin\n2024'), 4);
  });
});

describe('stats: a plain-text brief', () => {
  const stats = briefStats(parseBrief(PLAIN, 'plaintext'));

  it('counts body words per section, without title, byline, headings, markers or notes', () => {
    assert.deepStrictEqual(
      stats.sections.map((s) => [s.title, s.line, s.words, s.wordsWithSubsections, s.markers, s.endnotes]),
      [
        ['EXECUTIVE SUMMARY', 4, 12, 12, 2, 0],
        ['Findings', 8, 12, 12, 2, 0],
        ['RECOMMENDATIONS', 12, 6, 6, 1, 0],
        ['Endnotes', 16, 0, 0, 0, 5],
      ],
    );
    assert.deepStrictEqual(stats.preamble, { words: 0, markers: 0 });
    assert.strictEqual(stats.words, 30);
    assert.strictEqual(stats.markers, 5);
  });

  it('counts notes, see-notes, URLs and distinct sources by outlet and by year', () => {
    assert.strictEqual(stats.notes, 5);
    assert.strictEqual(stats.seeNotes, 1);
    assert.strictEqual(stats.sourceNotes, 4);
    assert.strictEqual(stats.sourceNotesWithUrl, 3);
    assert.strictEqual(stats.urlShare, 0.75);
    assert.strictEqual(stats.sources, 3, 'note 5 repeats note 1 and counts once');
    assert.deepStrictEqual(stats.sourcesByOutlet, [
      { outlet: 'Air Quality Agency', count: 1 },
      { outlet: 'Retail Council', count: 1 },
      { outlet: 'Transport Letters', count: 1 },
    ]);
    assert.deepStrictEqual(stats.sourcesByYear, [
      { year: 2023, count: 1 },
      { year: null, count: 2 },
    ]);
  });

  it('prints a report with the same numbers', () => {
    const text = formatStats(stats);
    assert.strictEqual(text[0], 'Words: 30 (body text: title, headings, markers and notes not counted)');
    assert.strictEqual(text[1], 'Notes: 5 (1 see-notes, 4 citing a source; 3 of those with a URL, 75%)');
    assert.ok(text.includes('Findings               12        2'), text.join('\n'));
    assert.ok(text.includes('Endnotes                0        0  (5 notes)'), text.join('\n'));
    assert.deepStrictEqual(text.slice(-9), ['', 'Sources by outlet:', '    1  Air Quality Agency', '    1  Retail Council', '    1  Transport Letters', '', 'Sources by year:', '    1  2023', '    2  (no year)']);
  });
});

describe('policy-brief stats', () => {
  function run(args: string[]): { code: number; out: string[]; err: string[] } {
    const out: string[] = [];
    const err: string[] = [];
    const code = main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out, err };
  }

  it('prints the report for a brief, and refuses without exactly one file', () => {
    const report = run(['stats', path.join(FIXTURES, 'rules', 'incomplete-citation.hit.txt')]);
    assert.strictEqual(report.code, 0);
    assert.deepStrictEqual(report.out.join('\n').split('\n').slice(0, 3), [
      'Words: 40 (body text: title, headings, markers and notes not counted)',
      'Notes: 4 (1 see-notes, 3 citing a source; 2 of those with a URL, 67%)',
      'Markers: 4   Distinct sources: 3',
    ]);
    // The JSON is a contract: its fields, in the order the README lists them.
    const json = run(['stats', '--json', path.join(FIXTURES, 'rules', 'incomplete-citation.hit.txt')]);
    assert.deepStrictEqual(Object.keys(JSON.parse(json.out.join('\n'))), [
      'words', 'preamble', 'sections', 'markers', 'notes', 'seeNotes', 'sourceNotes', 'sourceNotesWithUrl', 'urlShare', 'sources', 'sourcesByOutlet', 'sourcesByYear',
    ]);
    const usage = run(['stats']);
    assert.deepStrictEqual([usage.code, usage.out, usage.err[0]], [2, [], 'policy-brief: stats needs exactly one file (run "policy-brief --help" for usage)']);
  });
});

describe('stats: hover on a section heading', () => {
  const model = parseBrief(PLAIN, 'plaintext');

  it('shows the section’s words, its share of the brief and its markers', () => {
    assert.deepStrictEqual(hoverAt(model, { line: 8, character: 4 }), {
      range: { start: { line: 8, character: 0 }, end: { line: 8, character: 8 } },
      markdown: '**Findings**\n\n- 12 words (40% of the brief\'s 30)\n- 2 markers',
    });
  });

  it('shows the notes on the Endnotes heading, and nothing on body text', () => {
    assert.strictEqual(hoverAt(model, { line: 16, character: 0 })?.markdown, '**Endnotes**\n\n- 5 endnotes: 1 see-notes, 4 citing a source (3 with a URL)');
    assert.strictEqual(hoverAt(model, { line: 10, character: 3 }), null);
  });
});

describe('stats: once per model', () => {
  for (const format of ['markdown', 'plaintext'] as const) {
    it(`counts ${format} markers and notes per section as a count line by line would, and counts each model's sections once`, () => {
      // A marker in a heading sits on the line where one section ends and the next begins.
      const headingWithMarker = format === 'markdown' ? '## Costs of Delay[^2]' : 'Costs of Delay²';
      const generated = generateBrief(format, 60_000, 3).split('\n');
      const at = generated.findIndex((line, i) => i > 20 && line === '') + 1;
      const text = [...generated.slice(0, at), headingWithMarker, '', ...generated.slice(at)].join('\n');
      const model = parseBrief(text, format);
      assert.ok(model.sections.some((s) => s.headingRange.start.line === at && model.markers.some((m) => m.range.start.line === at)), 'a marker in a heading');
      const stats = briefStats(model);
      assert.ok(stats.sections.length > 30 && stats.markers > 80, 'a brief with many sections and markers');
      const heading = model.sections.map((s) => s.headingRange.start.line);
      const between = (lines: number[], from: number, to: number) => lines.filter((line) => line >= from && line < to).length;
      const markerLines = model.markers.map((m) => m.range.start.line);
      const noteLines = model.endnotes.map((n) => n.range.start.line);
      assert.deepStrictEqual(
        stats.sections.map((s) => [s.markers, s.endnotes]),
        heading.map((start, i) => {
          const next = heading[i + 1] ?? model.lines.length;
          return [between(markerLines, start, next), between(noteLines, start, next)];
        }),
      );
      assert.strictEqual(stats.preamble.markers, between(markerLines, 0, heading[0]));
      const counts = sectionCounts(model);
      assert.strictEqual(sectionCounts(model), counts);
      assert.deepStrictEqual([counts.words, counts.preamble, counts.sections], [stats.words, stats.preamble, stats.sections]);
      // The Endnotes heading's hover looks only for each note's URL: the same count as from the whole citation.
      const notes = noteCounts(model);
      assert.ok(notes.sourceNotesWithUrl > 0 && notes.sourceNotesWithUrl < notes.sourceNotes, 'notes with and without a URL');
      assert.deepStrictEqual(notes, {
        notes: model.endnotes.length,
        seeNotes: stats.seeNotes,
        sourceNotes: stats.sourceNotes,
        sourceNotesWithUrl: model.endnotes.filter((note) => !note.seeNote && parseCitation(note.text).url !== null).length,
        urlShare: stats.urlShare,
      });
    });
  }
});

describe('stats: Markdown', () => {
  it('nests subsections, skips link targets, HTML and GFM definitions, and counts text before the first heading', () => {
    const markdown = [
      'An opening paragraph set in the 21<sup>st</sup> century.', // 0: 8 words
      '',
      '## Context',
      '',
      'A [linked phrase](https://example.org/a/very/long/target) here.[^1]', // 4: 4 words
      '',
      '### Detail',
      '',
      'Three more words.', // 8
      '',
      '[^1]: Source Office, “A Report,” 2024, <https://example.org/report>.',
      '',
    ].join('\n');
    const stats = briefStats(parseBrief(markdown, 'markdown'));
    assert.deepStrictEqual(stats.preamble, { words: 8, markers: 0 });
    assert.deepStrictEqual(
      stats.sections.map((s) => [s.title, s.level, s.words, s.wordsWithSubsections, s.markers, s.endnotes]),
      [
        ['Context', 2, 4, 7, 1, 0],
        ['Detail', 3, 3, 3, 0, 1],
      ],
    );
    assert.strictEqual(stats.words, 15);
  });

  it('handles an empty document', () => {
    const stats = briefStats(parseBrief('', 'markdown'));
    assert.deepStrictEqual([stats.words, stats.notes, stats.sections.length, stats.urlShare], [0, 0, 0, null]);
  });
});

describe('stats: the real drafts', function () {
  before(function () {
    if (!seedsPresent()) this.skip();
  });

  function statsJson(file: string): ReturnType<typeof briefStats> {
    const out: string[] = [];
    const err: string[] = [];
    const code = main(['stats', file, '--json'], { out: (t) => out.push(t), err: (t) => err.push(t) });
    assert.deepStrictEqual([code, err], [0, []]);
    return JSON.parse(out.join('\n')) as ReturnType<typeof briefStats>;
  }

  function assertAddsUp(stats: ReturnType<typeof briefStats>): void {
    const sum = (pick: (s: (typeof stats.sections)[number]) => number) => stats.sections.reduce((total, s) => total + pick(s), 0);
    assert.strictEqual(stats.preamble.words + sum((s) => s.words), stats.words, 'words add up');
    assert.strictEqual(stats.preamble.markers + sum((s) => s.markers), stats.markers, 'markers add up');
    assert.strictEqual(sum((s) => s.endnotes), stats.notes, 'notes add up');
    assert.strictEqual(stats.sourcesByOutlet.reduce((t, o) => t + o.count, 0), stats.sources);
    assert.strictEqual(stats.sourcesByYear.reduce((t, y) => t + y.count, 0), stats.sources);
  }

  it('plain-text seed: 62 notes, 12 see-notes, and per-section counts that add up', () => {
    const stats = statsJson(PLAINTEXT_SEED);
    assert.strictEqual(stats.notes, 62);
    assert.strictEqual(stats.seeNotes, 12);
    assert.strictEqual(stats.sourceNotes, 50);
    assert.strictEqual(stats.markers, 62);
    assert.strictEqual(stats.sources, 49, 'note 31 repeats note 19');
    assert.strictEqual(stats.sourceNotesWithUrl, 46, 'notes 38, 39, 59 and 60 have no URL');
    assertAddsUp(stats);
    assert.strictEqual(stats.sections.length, 15);
    const summary = stats.sections[0];
    assert.deepStrictEqual([summary.title, summary.words, summary.markers], ['EXECUTIVE SUMMARY', 360, 1]);
    const endnotes = stats.sections[stats.sections.length - 1];
    assert.deepStrictEqual([endnotes.title, endnotes.words, endnotes.endnotes], ['Endnotes', 0, 62]);
    assert.deepStrictEqual(stats.sourcesByOutlet[0], { outlet: 'Reuters', count: 5 });
    assert.deepStrictEqual(stats.sourcesByYear[stats.sourcesByYear.length - 1], { year: null, count: 7 });
  });

  it('Markdown seed: works without notes', () => {
    const stats = statsJson(MARKDOWN_SEED);
    assert.deepStrictEqual([stats.notes, stats.seeNotes, stats.markers, stats.sources, stats.urlShare], [0, 0, 0, 0, null]);
    assertAddsUp(stats);
    assert.strictEqual(stats.sections.length, 10);
    assert.ok(stats.words > 5000, `${stats.words} words`);
    const last = stats.sections[stats.sections.length - 1];
    assert.deepStrictEqual([last.title, last.words], ['Implications and Recommendations', 1118]);
  });
});
