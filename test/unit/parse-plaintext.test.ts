/** The plain-text scanner on briefs pasted from PDFs: bare-line headings, title and byline, notes that wrap and break. */
import * as assert from 'assert';
import fc from 'fast-check';
import { analyze, parseBrief } from '../../server/src/brief';
import { inspectModel } from '../../server/src/cli';
import { collapseWhitespace } from '../../server/src/brief/parse/text';

const lines = (...text: string[]) => text.join('\n');
const inspect = (text: string) => inspectModel(parseBrief(text, 'plaintext'));

const BODY = ['EXECUTIVE SUMMARY', '', 'Prices rose.¹ Farmers paid most.² Councils were slow.³', '', 'RECOMMENDATIONS', '', 'Publish prices monthly.', ''];

describe('plain-text parser', () => {
  it('finds the title above a "By …" byline, and bare-line headings', () => {
    const model = parseBrief(lines('', 'Spring 2024 Policy Series', '', 'Water Prices in Dry Years', '', 'By Jane Doe', '', ...BODY, 'Endnotes', ''), 'plaintext');
    assert.strictEqual(model.title?.text, 'Water Prices in Dry Years');
    assert.strictEqual(model.byline?.text, 'By Jane Doe');
    assert.deepStrictEqual(model.sections.map((s) => [s.title, s.level, s.headingRange.start.line]), [
      ['EXECUTIVE SUMMARY', 1, 7],
      ['RECOMMENDATIONS', 1, 11],
      ['Endnotes', 1, 15],
    ]);
  });

  it('takes the first line as the title when there is no byline', () => {
    const model = parseBrief(lines('Water Prices in Dry Years', '', ...BODY), 'plaintext');
    assert.strictEqual(model.title?.text, 'Water Prices in Dry Years');
    assert.strictEqual(model.byline, null);
    assert.deepStrictEqual(model.sections.map((s) => s.title), ['EXECUTIVE SUMMARY', 'RECOMMENDATIONS']);
    assert.strictEqual(model.firstParagraph?.range.start.line, 4);
  });

  it('does not take a sentence that starts with "By the …" for a byline', () => {
    const model = parseBrief(lines('Water Prices', '', 'By the end of the decade, prices had doubled.', '', ...BODY), 'plaintext');
    assert.strictEqual(model.title?.text, 'Water Prices');
    assert.strictEqual(model.byline, null);
    assert.strictEqual(parseBrief(lines('Water Prices', '', 'BY JANE DOE', '', ...BODY), 'plaintext').byline?.text, 'BY JANE DOE');
  });

  it('does not take a sentence fragment, a lowercase line or a URL alone on its line for a heading', () => {
    const model = inspect(
      lines('Water Prices', '', 'By Jane Doe', '', 'Background', '', 'Farmers paid more during the', '', 'drought years.⁵', '', 'continued rising in', '', 'https://example.org/prices', '', 'What Councils Can Do', '', 'Act.', ''),
    );
    assert.deepStrictEqual(model.sections.map((s) => s.title), ['Background', 'What Councils Can Do']);
    assert.deepStrictEqual(model.markers.map((m) => [m.number, m.line]), [[5, 8]]);
    const shouted = inspect(lines('Water Prices', '', 'By Jane Doe', '', 'WHAT FARMERS SAID', '', 'PRICES MUST FALL.”¹', '', 'Text.', ''));
    assert.deepStrictEqual(shouted.sections.map((s) => s.title), ['WHAT FARMERS SAID']);
  });

  it('takes a line of up to 15 words and 120 characters for a heading, and no longer one', () => {
    const words = (count: number, word = 'Word') => Array.from({ length: count }, () => word).join(' ');
    const long = (length: number) => `A${'a'.repeat(length - 1)}`;
    const candidates = [words(15), words(16), `  ${words(14)}\t Word  `, ` ${words(15)}\t Word`, long(120), long(121), `ALL ${words(15, 'CAPS')}`, words(15, 'CAPS')];
    const model = inspect(lines('Water Prices', '', 'By Jane Doe', '', ...candidates.flatMap((line) => [line, '', 'Text.', ''])));
    assert.deepStrictEqual(model.sections.map((s) => s.title), [words(15), `${words(14)}\t Word`, long(120), words(15, 'CAPS')]);
  });

  it('nests a run of parallel headings under the heading before it', () => {
    const model = inspect(
      lines('Water Prices', '', 'By Jane Doe', '', 'How Farmers Coped', '', 'Text.', '', 'Political Support', '', 'Text.', '', 'Economic Support', '', 'Text.', '', 'Military Support', '', 'Text.', '', 'RECOMMENDATIONS', '', 'Act.', ''),
    );
    assert.deepStrictEqual(model.sections.map((s) => [s.title, s.level]), [
      ['How Farmers Coped', 1],
      ['Political Support', 2],
      ['Economic Support', 2],
      ['Military Support', 2],
      ['RECOMMENDATIONS', 1],
    ]);
  });

  it('reads `- N`, `N.`, `[N]` and bare `N` notes, joining wrapped lines and parts broken across blank lines', () => {
    const model = inspect(
      lines(
        'Water Prices',
        '',
        'By Jane Doe',
        '',
        ...BODY,
        'Endnotes',
        '',
        '- 1 Water Board, “Annual Report on',
        '',
        '2019 Prices,” 2020, <https://example.org/board>.',
        '2. R. Lee, “Costs,” Journal of Water 31, no.',
        '2 (2022): 4–19.',
        '',
        '[3] See footnote 1.',
        '4 Ibid.',
        '',
      ),
    );
    assert.deepStrictEqual(model.endnotes, [
      { number: 1, line: 14, text: 'Water Board, “Annual Report on 2019 Prices,” 2020, <https://example.org/board>.', refersTo: null },
      { number: 2, line: 17, text: 'R. Lee, “Costs,” Journal of Water 31, no. 2 (2022): 4–19.', refersTo: null },
      { number: 3, line: 20, text: 'See footnote 1.', refersTo: 1 },
      { number: 4, line: 21, text: 'Ibid.', refersTo: 3 },
    ]);
  });

  it('does not read the markers of the notes themselves as markers in the text', () => {
    const model = inspect(lines('Water Prices', '', 'By Jane Doe', '', ...BODY, 'Endnotes', '', '1 Board, “Prices,” 2020, m² prices¹ quoted.', '2 Lee, 2022.', '3 Ng, 2021.', ''));
    assert.deepStrictEqual(model.markers.map((m) => m.number), [1, 2, 3]);
  });

  it('ends the notes at "About the Author" or an appendix, whose numbered lines are not notes', () => {
    for (const back of ['About the Author', 'Appendix A: Survey Questions', 'ACKNOWLEDGEMENTS']) {
      const text = lines('Water Prices', '', 'By Jane Doe', '', ...BODY, 'Endnotes', '', '1 Board, “Prices,” 2020.', '2 Lee, “Costs,” 2022.', '3 Ng, “Councils,” 2021.', '', back, '', '1 How much do you pay?', '2 How often?', '');
      const model = inspect(text);
      assert.deepStrictEqual(model.sections.map((s) => s.title), ['EXECUTIVE SUMMARY', 'RECOMMENDATIONS', 'Endnotes', back], back);
      assert.deepStrictEqual(model.endnotes.map((n) => [n.number, n.text]), [[1, 'Board, “Prices,” 2020.'], [2, 'Lee, “Costs,” 2022.'], [3, 'Ng, “Councils,” 2021.']], back);
      assert.deepStrictEqual(analyze(text, undefined, { format: 'plaintext' }).diagnostics.filter((d) => d.code === 'duplicate-endnote'), [], back);
    }
  });

  it('accepts notes that start at 67, as a chapter’s do', () => {
    const model = inspect(lines('Chapter Five', '', 'By Ines Duarte', '', 'SUMMARY', '', 'Rivers ran dry.⁶⁷ Wells too.⁶⁸', '', 'Notes', '', '67 Board, “Rivers,” 2020.', '68 Lee, “Wells,” 2022.', ''));
    assert.deepStrictEqual(model.markers.map((m) => m.number), [67, 68]);
    assert.deepStrictEqual(model.endnotes.map((n) => n.number), [67, 68]);
  });

  it('keeps positions in UTF-16 code units on CRLF text with a byte-order mark', () => {
    const model = parseBrief('\uFEFFWater Prices\r\n\r\nBy Jane Doe\r\n\r\nEXECUTIVE SUMMARY\r\n\r\n𝐏rices rose.¹\r\n', 'plaintext');
    assert.strictEqual(model.title?.text, 'Water Prices');
    assert.deepStrictEqual(model.title?.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 13 } });
    assert.deepStrictEqual(model.markers.map((m) => m.range), [{ start: { line: 6, character: 13 }, end: { line: 6, character: 14 } }]);
  });
});

describe('collapseWhitespace', () => {
  it('gives what replacing every run of whitespace by one space and trimming gives', () => {
    const pieces = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\ufeff', 'a', 'bc', 'x y', '“', '');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')), (text) => assert.strictEqual(collapseWhitespace(text), text.replace(/\s+/g, ' ').trim())),
      { numRuns: 2000, seed: 20261123 },
    );
  });
});
