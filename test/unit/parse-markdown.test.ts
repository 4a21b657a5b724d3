/** The Markdown parser on the edge cases briefs throw at it: what is a heading, a marker, a note — and what is not. */
import * as assert from 'assert';
import fc from 'fast-check';
import { analyze, detectFormat, parseBrief } from '../../server/src/brief';
import { inspectModel } from '../../server/src/cli';

const lines = (...text: string[]) => text.join('\n');
const inspect = (text: string) => inspectModel(parseBrief(text, 'markdown'));
const codes = (text: string) => analyze(text, undefined, { format: 'markdown' }).diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);

describe('Markdown parser', () => {
  it('reads setext headings as sections and GFM definitions under them as notes', () => {
    const model = inspect(lines('Water Brief', '===========', '', 'Summary', '-------', '', 'Claim.[^1]', '', 'Notes', '-----', '', '[^1]: Water Board, “Prices,” 2020.', ''));
    assert.strictEqual(model.title, 'Water Brief');
    assert.deepStrictEqual(model.sections, [
      { title: 'Water Brief', level: 1, line: 0 },
      { title: 'Summary', level: 2, line: 3 },
      { title: 'Notes', level: 2, line: 8 },
    ]);
    assert.deepStrictEqual(model.markers, [{ number: 1, line: 6, character: 6 }]);
    assert.deepStrictEqual(model.endnotes, [{ number: 1, line: 11, text: 'Water Board, “Prices,” 2020.', refersTo: null }]);
  });

  it('sees no heading, marker or note inside fenced code, inline code, HTML comments or link targets', () => {
    const model = inspect(
      lines(
        '# Brief',
        '',
        'Text.¹ In code: `[^2]` and `<sup>3</sup>`. <!-- TODO cite [^4] --> See [the data](https://example.org/table⁵).',
        '',
        '```markdown',
        '## Not a heading',
        'A claim.[^6] and ⁷',
        '```',
        '',
        '~~~',
        '# Still code',
        '~~~',
        '',
        '## Endnotes',
        '',
        '1. Water Board, “Prices,” 2020.',
        '',
      ),
    );
    assert.deepStrictEqual(model.sections, [
      { title: 'Brief', level: 1, line: 0 },
      { title: 'Endnotes', level: 2, line: 13 },
    ]);
    assert.deepStrictEqual(model.markers, [{ number: 1, line: 2, character: 5 }]);
    assert.deepStrictEqual(model.endnotes.map((n) => n.number), [1]);
  });

  it('reads word labels [^label] as markers and notes matched by label', () => {
    const text = lines('# Brief', '', '## Summary', '', 'Prices rose.[^board] Costs fell.[^lee-2022] Again.[^board]', '', '[^board]: Water Board, “Prices,” 2020.', '[^lee-2022]: R. Lee, “Costs,” 2022.', '');
    const model = parseBrief(text, 'markdown');
    assert.deepStrictEqual(model.markers.map((m) => [m.number, m.label, m.style]), [[null, 'board', 'gfm'], [null, 'lee-2022', 'gfm'], [null, 'board', 'gfm']]);
    assert.deepStrictEqual(model.endnotes.map((n) => [n.number, n.label, n.style, n.text]), [
      [null, 'board', 'gfm', 'Water Board, “Prices,” 2020.'],
      [null, 'lee-2022', 'gfm', 'R. Lee, “Costs,” 2022.'],
    ]);
    assert.deepStrictEqual(model.markers[1].labelRange, { start: { line: 4, character: 34 }, end: { line: 4, character: 42 } });
    assert.deepStrictEqual(codes(text).filter((c) => /marker|endnote/.test(c)), []);
  });

  it('reads <sup>1,2</sup> as two markers and <sup>th</sup>, <sup>st</sup> as ordinals', () => {
    const model = parseBrief(lines('In the 21<sup>st</sup> century and the 19<sup>th</sup>,', 'prices doubled.<sup>1, 2</sup> Then<sup>3</sup>', ''), 'markdown');
    assert.deepStrictEqual(
      model.markers.map((m) => [m.number, m.style, m.range.start.character, m.range.end.character, m.labelRange.start.character]),
      [
        [1, 'sup-html', 15, 30, 20],
        [2, 'sup-html', 15, 30, 23],
        [3, 'sup-html', 35, 47, 40],
      ],
    );
  });

  it('reads superscript digits after closing quotes, brackets and full stops, but not units or powers of ten', () => {
    const model = parseBrief(lines('He called it “no limits.”¹² Ties (old ones)³ grew, in 2022.⁴', 'Depots hold 40 m² each, or 3×10⁹ litres in all.', ''), 'markdown');
    assert.deepStrictEqual(model.markers.map((m) => [m.number, m.range.start.line, m.range.start.character]), [[12, 0, 25], [3, 0, 43], [4, 0, 59]]);
  });

  it('takes numbered lines as notes only under the Endnotes heading, and stops at the next heading', () => {
    const model = inspect(
      lines(
        '# Brief',
        '',
        'Prices rose.¹ Fell.²',
        '',
        '1. First point of a list, not a note.',
        '2. Second point.',
        '',
        '## Endnotes',
        '',
        '1. Water Board, “Prices,” 2020,',
        '   <https://example.org/prices>.',
        '- 2 R. Lee, “Costs,” 2022.',
        '',
        '## About the Author',
        '',
        '3 cats and 2 dogs live with the author.',
        '',
      ),
    );
    assert.deepStrictEqual(model.endnotes, [
      { number: 1, line: 9, text: 'Water Board, “Prices,” 2020, <https://example.org/prices>.', refersTo: null },
      { number: 2, line: 11, text: 'R. Lee, “Costs,” 2022.', refersTo: null },
    ]);
    assert.deepStrictEqual(model.sections.map((s) => s.title), ['Brief', 'Endnotes', 'About the Author']);
  });

  it('keeps ranges true to the text after a byte-order mark', () => {
    const model = parseBrief('\uFEFFIntro [the data](#) here.¹\n\n# Title\n', 'markdown');
    assert.deepStrictEqual(model.links.map((l) => [l.range.start.character, l.range.end.character]), [[7, 20]]);
    assert.deepStrictEqual(model.markers.map((m) => m.range.start.character), [26]);
  });

  it('places a bare URL that GFM finds only after parsing where it is written, each time it is written', () => {
    // After an unclosed `[`, GFM's literal-autolink transform makes these links, with no position of their own.
    const text = ['# Title', '', '## Findings', '', 'Costs rose [in the end', '(https://www.example.org/costs). Then https://www.example.org/costs again.', ''].join('\n');
    assert.deepStrictEqual(
      parseBrief(text, 'markdown').links.map((l) => [l.target, l.range.start.line, l.range.start.character, l.range.end.character]),
      [
        ['https://www.example.org/costs', 5, 1, 30],
        ['https://www.example.org/costs', 5, 38, 67],
      ],
    );
  });

  it('reads CRLF line endings as single line breaks', () => {
    const model = inspect('# Brief\r\n\r\n## Summary\r\n\r\nClaim.[^1]\r\n\r\n[^1]: Water Board, “Prices,” 2020.\r\n');
    assert.deepStrictEqual(model.sections.map((s) => s.line), [0, 2]);
    assert.deepStrictEqual(model.markers, [{ number: 1, line: 4, character: 6 }]);
    assert.deepStrictEqual(model.endnotes.map((n) => [n.line, n.text]), [[6, 'Water Board, “Prices,” 2020.']]);
  });

  it('does not take an opening sentence that starts with "By the …" for a byline', () => {
    const model = parseBrief(lines('# Water Prices', '', 'By the end of the decade, prices had doubled.', ''), 'markdown');
    assert.strictEqual(model.byline, null);
    assert.strictEqual(model.firstParagraph?.text, 'By the end of the decade, prices had doubled.');
    assert.strictEqual(parseBrief(lines('# Water Prices', '', 'By Jane Doe', ''), 'markdown').byline?.text, 'By Jane Doe');
  });

  it('finds the title, a bold byline and the opening paragraph of a brief with no H1', () => {
    const model = parseBrief(lines('', '## The Partnership', '', '**A. Author**', '', 'This report argues that', 'ties will last.', '', '## Background', '', 'Text.', ''), 'markdown');
    assert.strictEqual(model.title?.text, 'The Partnership');
    assert.strictEqual(model.byline?.text, '**A. Author**');
    assert.deepStrictEqual([model.firstParagraph?.text, model.firstParagraph?.range.start.line], ['This report argues that ties will last.', 5]);
  });
});

describe('format detection', () => {
  it('reads .md and .markdown as Markdown whatever they hold', () => {
    assert.strictEqual(detectFormat('Plain words only.', 'brief.md'), 'markdown');
    assert.strictEqual(detectFormat('Plain words only.', 'brief.MARKDOWN'), 'markdown');
  });

  it('reads a .txt, .brief or untitled file as Markdown only when it plainly is', () => {
    assert.strictEqual(detectFormat('## Summary\n\n**By A. Author**\n\nText.', 'brief.txt'), 'markdown');
    assert.strictEqual(detectFormat('# Brief\n\n## Summary\n\nText.', 'brief.brief'), 'markdown');
    assert.strictEqual(detectFormat('# Brief\n\nSee [the data](https://example.org).'), 'markdown');
    assert.strictEqual(detectFormat('EXECUTIVE SUMMARY\n\nText with **stars** but no heading.', 'brief.txt'), 'plaintext');
    assert.strictEqual(detectFormat('#1 priority: water.\n\nEndnotes\n\n1 Source.', 'brief.txt'), 'plaintext');
  });

  it('counts ATX headings as a multiline pattern would, wherever the # and the line breaks fall', () => {
    const byPattern = (text: string) => {
      const count = text.match(/^ {0,3}#{1,6}[ \t]+\S/gm)?.length ?? 0;
      if (count === 0) return 'plaintext';
      return count >= 2 || /\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\n]*\)|^\s*[-*] \S|^\s*> |^```/m.test(text) ? 'markdown' : 'plaintext';
    };
    const piece = fc.constantFrom('#', '##', '#######', ' ', '  ', '   ', '    ', '   # T', '    # T', ' ###\tT', '\t', 'a', 'Title', '\n', '\r', '\r\n', '\u2028', '**b**', '- x', '#tag');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        const text = pieces.join('');
        assert.strictEqual(detectFormat(text, 'brief.txt'), byPattern(text), JSON.stringify(text));
      }),
      { numRuns: 2000, seed: 20261123 },
    );
  });
});
