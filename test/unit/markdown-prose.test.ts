/**
 * Prose paragraphs, plain footnote definitions, numbered notes and headings are not
 * given to remark (parse/markdown.ts proseParagraphs, plainDefinitions,
 * plainListItems, plainHeadings): their facts are read off the lines and remark parses a thematic break and spaces in their place. These tests pin
 * which blocks qualify, and check on random chunks built from every kind of block that
 * the facts read this way are exactly those remark gives.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { plainDefinitions, plainHeadings, plainListItems, proseParagraphs, treeFacts } from '../../server/src/brief/parse/markdown';
import { LineIndex } from '../../server/src/brief/parse/text';
import { generateBrief } from '../../bench/generate';

/** The text of each prose paragraph found in `text`. */
const prose = (text: string) => proseParagraphs(new LineIndex(text)).map((p) => text.slice(p.start, p.end));

/**
 * On `runs` random chunks (lines and their endings), skipping what remark need not see
 * gives the facts remark gives; and `skipped` found something in at least `atLeast` of them.
 */
function assertSameFactsOn(chunks: fc.Arbitrary<[string, string][]>, runs: number, atLeast: number, skipped: (index: LineIndex) => unknown[] = proseParagraphs): void {
  let skipping = 0;
  fc.assert(
    fc.property(chunks, (pieces) => {
      const text = pieces.map(([content, end]) => content + end).join('');
      if (skipped(new LineIndex(text)).length) skipping++;
      assert.deepStrictEqual(treeFacts(text), treeFacts(text, false), JSON.stringify(text));
    }),
    { numRuns: runs, seed: 20261123 },
  );
  // The property says something only if blocks were skipped often enough.
  assert.ok(skipping >= atLeast, `blocks skipped in ${skipping} of ${runs} chunks`);
}

/** Random chunks of notes, each opened by `opening`, with the content, continuation lines and other lines notes are found among. */
function notesChunks(opening: fc.Arbitrary<string>): fc.Arbitrary<[string, string][]> {
  const plainContent = fc.constantFrom(
    'Author, “Title,” Outlet, 2021, <https://example.org/a_b>.',
    'See footnote 3.',
    'Ibid., 12.',
    'Two spaces at the end  ',
    'Words, [a link](#) and <http://example.org/q?a=1;b=(2)> later.',
    'Words, www.example.org later.',
    'Bad <https://exa mple.org> autolink.',
    'Escaped \\<https://example.org> autolink, <mailto:a@example.org> too.',
    'Entity <https://example.org/a&amp;b> in an autolink.',
    '*Emphasis* first',
    '**Strong** first',
    '_Italic_ first',
    '<https://example.org> first',
    '<www.example.org> first',
    '\u00a0no-break space',
  );
  const blockContent = fc.constantFrom(
    '# a heading', '> a quote', '- a list', '* a list', '*', '**', '_', '* * *', '***', '___', '1. a list', '2) a list', '1990. a year',
    '`code` first', '[ref]: https://example.org/ref', '[a link](#) first', '<div>', '<span>', '',
  );
  const continuation = fc.constantFrom(
    'continues the note', '   indented continuation', '    code-deep continuation', '        deeper still', '\u00a0', '*emphasis* continues', '  <https://example.org>', '*', '* item', '***',
  );
  const otherLine = fc.constantFrom('[^note]: A word label.', '====', '----', '- a list', '2. a list', '> a quote', '# a heading', '[ref]: https://example.org/ref', '| a | b |', '    indented after a blank');
  // Rarer: any of these leaves every definition in the chunk to remark.
  const callOrRunOn = fc.constantFrom('A call[^1] to a note.', '[^9] opens the line', '[^1]: ```fenced', '```', '    ```', '- ~~~', '[^2]: <!-- comment', '<pre>');
  const line = fc.oneof(
    { arbitrary: fc.tuple(opening, fc.oneof({ arbitrary: plainContent, weight: 4 }, { arbitrary: blockContent, weight: 1 })).map(([a, b]) => a + b), weight: 16 },
    { arbitrary: fc.constantFrom('', '', '  '), weight: 10 },
    { arbitrary: continuation, weight: 3 },
    { arbitrary: otherLine, weight: 2 },
    { arbitrary: callOrRunOn, weight: 1 },
  );
  const ending = fc.constantFrom('\n', '\n', '\r\n', '\r');
  return fc.array(fc.tuple(line, ending), { minLength: 1, maxLength: 10 });
}

describe('Markdown prose paragraphs', () => {
  it('are the paragraphs of plain words at the left margin, between blocks at the left margin', () => {
    const text = [
      '## Findings',
      '',
      'Water prices rose.¹ Rates',
      'doubled in “real” terms — 2021 (est.).',
      '',
      '- a list item',
      '',
      'Prose after a list closes it.',
      '',
      'Prose before an indented line.',
      '',
      '  indented continuation of nothing',
      '',
      'Emphasis *here*.',
      '',
      'Links: see www.example.org for more.',
      '',
      'Numbers open a list',
      '1. here',
      '',
      'Last words.',
    ].join('\n');
    assert.deepStrictEqual(prose(text), ['Water prices rose.¹ Rates\ndoubled in “real” terms — 2021 (est.).', 'Prose after a list closes it.', 'Last words.']);
  });

  it('may carry note markers, but not a call that is the text of a link or one that opens the line', () => {
    const text = ['Rates rose.[^1] Prices<sup>2</sup> too.', '', 'Rates[^3](https://example.org/x) fell.', '', '[^4] opens this line.', '', 'Words[^5].'].join('\n');
    assert.deepStrictEqual(prose(text), ['Rates rose.[^1] Prices<sup>2</sup> too.', 'Words[^5].']);
  });

  it('may carry inline links with plain text and target, whose facts are read off the line', () => {
    const text = ['See [the report](https://www.example.org/a_b.pdf) and [data](#).', '', 'A [text](<https://example.org>) in angle brackets.', '', 'An ![image](https://example.org/i.png).', '', 'A [www.example.org](https://example.org) text.'].join('\n');
    const paragraphs = proseParagraphs(new LineIndex(text));
    assert.deepStrictEqual(
      paragraphs.map((p) => p.links),
      [
        [
          { text: 'the report', target: 'https://www.example.org/a_b.pdf', start: 4, end: 49, textEnd: 15 },
          { text: 'data', target: '#', start: 54, end: 63, textEnd: 59 },
        ],
      ],
    );
    assert.deepStrictEqual(treeFacts(text), treeFacts(text, false));
  });

  it('may open with emphasis and carry links with a title, but not be set entirely in emphasis (a byline)', () => {
    const text = ['*Emphasis* opens this one.', '', '**By Jane Doe**', '', '_Italic_ here,', 'and *here*', '', 'A [report](https://example.org/r "The report") and [data](# "").', '', '* a list item', '', '***'].join('\n');
    assert.deepStrictEqual(prose(text), ['*Emphasis* opens this one.', 'A [report](https://example.org/r "The report") and [data](# "").']);
    assert.deepStrictEqual(
      proseParagraphs(new LineIndex(text))[1].links.map((l) => [l.text, l.target, text.slice(l.start, l.end)]),
      [
        ['report', 'https://example.org/r', '[report](https://example.org/r "The report")'],
        ['data', '#', '[data](# "")'],
      ],
    );
    assert.deepStrictEqual(treeFacts(text), treeFacts(text, false));
  });

  it('may carry code spans between single backticks, in which nothing is a link or a call', () => {
    const text = ['Set `code`, `[^3]` and `[a](#)` in code, then [a link](#)[^4].', '', 'A [text with `code`](#) link.', '', 'Code `across', 'lines` here.', '', 'Double ``code`` here.'].join('\n');
    const [paragraph, ...others] = proseParagraphs(new LineIndex(text));
    assert.deepStrictEqual(others, []);
    assert.deepStrictEqual(
      paragraph.code.map(([start, end]) => text.slice(start, end)),
      ['`code`', '`[^3]`', '`[a](#)`'],
    );
    assert.deepStrictEqual(
      paragraph.links.map((l) => text.slice(l.start, l.end)),
      ['[a link](#)'],
    );
    assert.deepStrictEqual(treeFacts(text), treeFacts(text, false));
  });

  it('are none in a chunk with fenced code or an HTML block, which can run past blank lines', () => {
    assert.deepStrictEqual(prose('Words.\n\n```\ncode\n\nmore code\n```\n\nWords.'), []);
    assert.deepStrictEqual(prose('Words.\n\n<!-- a comment\n\nstill the comment -->\n\nWords.'), []);
    assert.deepStrictEqual(prose('Words.\n\nMore words.'), ['Words.', 'More words.']);
  });

  it('leave out what indented code before them would take in, and end lines as remark does (CR, CRLF; a no-break space is text)', () => {
    assert.deepStrictEqual(prose('    code\n\nProse.\n\nMore.'), ['More.']);
    // Code in a list item, opened on the marker's line: spaces in the prose's place would run into it.
    const codeInItem = '1.     code\n\nWords after the list.\n';
    assert.deepStrictEqual(prose(codeInItem), ['Words after the list.']);
    assert.deepStrictEqual(treeFacts(codeInItem), treeFacts(codeInItem, false));
    assert.deepStrictEqual(prose('First line  \r\nsecond line \r\n\r\nNext.'), ['First line  \r\nsecond line ', 'Next.']);
    assert.deepStrictEqual(prose('One\r\u00a0\rtwo\r\rThree'), ['One\r\u00a0\rtwo', 'Three']);
  });

  for (const markup of [false, true]) {
    it(`leave the model of a generated brief${markup ? ' with inline and block markup' : ''} as a parse of everything by remark has it`, () => {
      const text = generateBrief('markdown', 40_000, 5, { markup });
      assert.ok(prose(text).length > 20, 'the generated brief has prose paragraphs to skip');
      const skipped = treeFacts(text);
      const whole = treeFacts(text, false);
      assert.ok(skipped && whole);
      assert.deepStrictEqual(skipped, whole);
    });
  }

  it('leave footnote definitions with a number for a label and content that opens no block to be read off the lines', () => {
    const text = [
      '[^1]: Author, “Title,” Outlet, 2021, <https://example.org/a_b>.',
      '[^2]:Wrapped *note*',
      '   continues here  ',
      '',
      '[^3]: # A heading in the note',
      '',
      '[^4]: `code` first',
      '',
      '[^5]: [ref]: https://example.org/r',
      '',
      '[^note]: A word for a label.',
      '',
      '[^6]:',
      '',
      '[^7]: A note',
      '1. with a list below',
      '',
      '[^8]:\t Last note.',
    ].join('\n');
    const definitions = plainDefinitions(new LineIndex(text));
    assert.deepStrictEqual(
      definitions.map((d) => [d.label, text.slice(d.start, d.end), text.slice(d.contentStart, d.end)]),
      [
        ['1', text.split('\n')[0], 'Author, “Title,” Outlet, 2021, <https://example.org/a_b>.'],
        ['2', '[^2]:Wrapped *note*\n   continues here  ', 'Wrapped *note*\n   continues here  '],
        ['8', '[^8]:\t Last note.', 'Last note.'],
      ],
    );
    assert.deepStrictEqual(treeFacts(text), treeFacts(text, false));
    // remark resolves a call only against the definitions it parses; code still open in a list item takes the blank line before a definition.
    assert.deepStrictEqual(plainDefinitions(new LineIndex('A call[^1](https://example.org).\n\n[^1]: A note.')), []);
    assert.deepStrictEqual(plainDefinitions(new LineIndex('- ```\n\n[^1]: A note.')), []);
  });

  it('leave ordered list items of prose to be read off the lines, with their links and autolinks', () => {
    const text = [
      '1. Author, “Title,” Outlet, 2021, <https://example.org/a_b>.',
      '',
      '10)    Four spaces before the text.',
      '',
      '2. *Report*, [data](https://example.org/d) and <http://example.org/q?a=1>.',
      '   continued on an indented line',
      '',
      '3.     Five spaces make code.',
      '',
      '4. `code` first',
      '',
      '5. See www.example.org.',
    ].join('\n');
    const items = plainListItems(new LineIndex(text));
    assert.deepStrictEqual(
      items.map((item) => [text.slice(item.start, item.end).split('\n')[0], item.links.map((l) => [l.text, l.target, text.slice(l.start, l.end)])]),
      [
        ['1. Author, “Title,” Outlet, 2021, <https://example.org/a_b>.', [['https://example.org/a_b', 'https://example.org/a_b', '<https://example.org/a_b>']]],
        ['10)    Four spaces before the text.', []],
        [
          '2. *Report*, [data](https://example.org/d) and <http://example.org/q?a=1>.',
          [
            ['data', 'https://example.org/d', '[data](https://example.org/d)'],
            ['http://example.org/q?a=1', 'http://example.org/q?a=1', '<http://example.org/q?a=1>'],
          ],
        ],
      ],
    );
    assert.deepStrictEqual(treeFacts(text), treeFacts(text, false));
  });

  it('leave ATX headings of plain text at the left margin to be read off the lines', () => {
    const text = ['# Water Policy¹', '', '##   Findings and  Costs ##', 'Words.', '### A *styled* heading', '## See www.example.org', '  ## Indented', '## Costs #2', '#### Last\t '].join('\n');
    const headings = plainHeadings(new LineIndex(text));
    assert.deepStrictEqual(
      headings.map((h) => [h.depth, h.title, text.slice(h.start, h.end), text.slice(h.textStart, h.textEnd)]),
      [
        [1, 'Water Policy¹', '# Water Policy¹', 'Water Policy¹'],
        [4, 'Last', '#### Last\t ', 'Last'],
      ],
    );
    assert.deepStrictEqual(treeFacts(text), treeFacts(text, false));
    assert.deepStrictEqual(plainHeadings(new LineIndex('# Title\n\n<div>\n\n# Heading')), []);
  });

  it('give the facts remark gives, on random chunks of every kind of block', () => {
    const proseLine = fc.constantFrom(
      'Plain words here.',
      'Plain words, two spaces at the end  ',
      'More plain words¹ with a marker.',
      '\u00a0',
      'Wrapped 2021 line (est.).',
      'A call[^7] and another[^12].',
      'Marked<sup>3</sup> in HTML, twice<sup>4</sup>.',
      'See [the report](https://www.example.org/r_1.pdf) and [data](#).',
      'Linked [two  words](https://example.org/a(b)) oddly.',
      'Spaced [ words ](#) and [\t](#) and [](#) links.',
      'Some *emphasis*, __strong__ and ~~struck~~ words, snake_case too.',
      'Prices rose \\$3.2 billion, AT&T &amp; others > 5 | 6.',
      'The 20<sup>th</sup> century and H<sub>2</sub>O.',
      '[A link](#) opens the line.',
      'Text **bold [link](#)** more, *[a](b)* and *[c](d*)* too.',
      'Text \\*not emphasis\\* here.',
      'Escaped \\[not a link](#) here.',
      'A [link](#)[^3] with a call.',
      'See <https://example.org/a_b> and [data](#) for more.',
      'Autolinks <http://example.org/q?a=1;b=(2)><https://example.org/>.',
      '*Emphasis* opens a sentence here.',
      '__Strong lead.__ A [link](https://example.org/x "A title") follows.',
      'Titled [link](https://example.org "with (parens) inside") and [another](# "").',
      'Odd [titles](https://example.org  "two spaces") and [here](# \'single\') and [there](# "a"b).',
      '_Italic_ start, then words, *ending*',
      'Set `code` in a line, and `[^3]` and `x¹` inside code[^4].',
      '`code` opens the line, `[link](#)` in code and [a link](#) after.',
      'A [text with `code`](#) and a [title](# "with `code`").',
      'Odd `backtick, ``double`` and escaped \\`not code` here.',
      'Code `a` and <https://example.org> together.',
      'Code across `two',
      'lines` here.',
    );
    const blankLine = fc.constantFrom('', '', '   ', '        ', '\t');
    const otherLine = fc.constantFrom(
      '  indented words',
      '    indented code',
      '\tcode after a tab',
      '1.     code in a list item',
      '-     code in a list item',
      '      deeper words',
      '- list item',
      '  - nested item',
      '1. numbered item',
      '2) another',
      '   continued item text',
      '> quoted words',
      '>',
      '[^1]: A footnote definition.',
      '    continued definition',
      '[ref]: https://example.org/ref',
      'See [ref] and [a link](https://example.org).',
      'A call[^1] in prose.',
      '[^7]: A definition the calls can find.',
      '[^7] opens the line.',
      'A call[^7](https://example.org/x) that is a link.',
      'A call[^7][ref] that is a reference.',
      'A [^word] label.',
      'An odd <sup>x</sup> tag.',
      'A [www.example.org](https://example.org) text.',
      '*emphasis* opens the line',
      '_emphasis_ opens the line',
      '~~struck~~ opens the line',
      '|---|---|',
      'a | b',
      '--- | ---',
      '\\* \\* \\*',
      '[^2]: A definition at the margin.',
      'A [text](<https://example.org>) in angle brackets.',
      'A [text](https://example.org "title") with a title.',
      'An ![image](https://example.org/i.png).',
      'Visit https://www.example.org/r_1.pdf bare.',
      'Text <sup>3</sup> inline.',
      '# Heading',
      '## Heading two  ',
      '### Heading ###',
      '#\tTabbed  heading',
      '## Heading¹ with a marker',
      '## Heading with www.example.org',
      '## Heading *styled*',
      '## 1. Numbered heading',
      '####### Seven is text',
      '##',
      '## \u00a0no-break space',
      '## Heading\u00a0',
      '  ## Indented heading',
      '====',
      '----',
      '***',
      '| a | b |',
      '| - | - |',
      ':--',
      'Visit www.example.org today.',
      'Mail someone@example.org now.',
      'Bad <https://exa mple.org> autolink.',
      'Escaped \\<https://example.org> autolink.',
      'Entity <https://example.org/a&amp;b> in an autolink.',
      '<https://example.org> opens the line.',
      'Text <mailto:a@example.org> mail.',
      '1. A numbered note, <https://example.org/n_1>.',
      '2) A numbered [note](#) with a link.',
      '10.    Four spaces.',
      '*Emphasis* <https://example.org> text.',
      '**By Jane Doe**',
      '*emphasis* only',
      '* list item',
      '** not a break',
      '_*mixed*_ openers',
      'Escaped \\* star.',
      'AT&amp;T and &copy;',
    );
    // Rarer: any of these leaves the whole chunk to remark.
    const blockThatRunsOn = fc.constantFrom('<sup>2</sup> at the start', '<div>', '</div>', '<!-- comment', 'end of comment -->', '```', '~~~');
    const line = fc.oneof({ arbitrary: proseLine, weight: 6 }, { arbitrary: blankLine, weight: 4 }, { arbitrary: otherLine, weight: 4 }, { arbitrary: blockThatRunsOn, weight: 1 });
    const ending = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
    assertSameFactsOn(fc.array(fc.tuple(line, ending), { minLength: 1, maxLength: 14 }), 4000, 1000);
  });

  it('give the facts remark gives, on random chunks of footnote definitions', () => {
    const opening = fc.constantFrom('[^1]: ', '[^2]:', '[^3]:\t', '[^04]:     ', '[^5]: ', '[^1]:  \t ');
    assertSameFactsOn(notesChunks(opening), 4000, 1500, plainDefinitions);
  });

  it('give the facts remark gives, on random chunks of numbered notes', () => {
    // Code after five spaces, a tab, no space, ten digits: rarer, as they leave the item to remark.
    const opening = fc.oneof({ arbitrary: fc.constantFrom('1. ', '2) ', '10.    ', '123456789. '), weight: 4 }, { arbitrary: fc.constantFrom('3.     ', '4.\t', '5.', '1234567890. '), weight: 1 });
    assertSameFactsOn(notesChunks(opening), 4000, 750, plainListItems);
  });

  it('give the facts remark gives, on random lines of words and inline syntax', () => {
    const words = fc.constantFrom('words', 'more words', ' ', '  ', '¹', '2021');
    const syntax = fc.constantFrom(
      '\t', '*', '**', '_', '__', '~', '~~', '[^1]', '[^2]:', '[a](b)', '[c d](https://x.org/e_f)', '[', ']', '(', ')', '](',
      '\\', '\\[', '\\*', '&amp;', '&', '<sup>', '</sup>', '<https://x.org/a_b>', '<http://x.org>', '\\<', '<sub>2</sub>', '<b>', '!', '#', '|', '-', ':', '>', 'www.x.org', 'http://x.org', 'a@b.org', '`', '1.', '^',
    );
    const token = fc.oneof({ arbitrary: words, weight: 4 }, { arbitrary: syntax, weight: 1 });
    const line = fc.array(token, { maxLength: 10 }).map((tokens) => tokens.join(''));
    const ending = fc.constantFrom('\n', '\n', '\n\n', '\r\n');
    assertSameFactsOn(fc.array(fc.tuple(line, ending), { minLength: 1, maxLength: 8 }), 3000, 500);
  });
});
