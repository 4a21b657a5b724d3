/** Document symbols (the outline), workspace symbols, and `policy-brief outline` printing the same tree. */
import * as assert from 'assert';
import { range } from '../../server/src/brief';
import { BriefSymbol, documentSymbols, firstWords, workspaceSymbols } from '../../server/src/brief/features/symbols';
import { main } from '../../server/src/cli';
import { MARKDOWN_SEED, PLAINTEXT_SEED, readText, seedsPresent } from '../helpers';
import { fixturePath, modelOf, modelOfText } from './features-support';

type Shape = [name: string, detail: string, kind: string, line: number, children: Shape[]];
const shape = (symbols: BriefSymbol[]): Shape[] => symbols.map((s) => [s.name, s.detail, s.kind, s.selectionRange.start.line, shape(s.children)]);

describe('document symbols', () => {
  it('plain text: top-level headings, parallel "… Pressures" headings nested, Endnotes with one child per note', () => {
    const model = modelOf(fixturePath('navigation.txt'));
    assert.deepStrictEqual(shape(documentSymbols(model)), [
      ['EXECUTIVE SUMMARY', '', 'section', 3, []],
      ['Background', '', 'section', 7, [['Political Pressures', '', 'section', 11, []], ['Economic Pressures', '', 'section', 15, []]]],
      ['Recommendations', '', 'section', 19, []],
      [
        'Endnotes',
        '',
        'section',
        23,
        [
          ['1', 'Jane Roe and Omar Sy, “Rain and Ruin…', 'note', 25, []],
          ['2', 'See footnote 1.', 'note', 27, []],
          ['3', 'See footnote 2.', 'note', 29, []],
          ['4', 'Paul Mensah, “Groundwater Across Borders: A Field Guide,”…', 'note', 31, []],
          ['5', 'Ibid.', 'note', 35, []],
          ['6', 'Lena Park, “Who Gets the Water?” Journal of…', 'note', 37, []],
          ['7', 'Sahel Water Atlas, www.example.org/atlas, 2022.', 'note', 39, []],
        ],
      ],
    ]);
  });

  it('gives each section its whole extent and its heading, and each note its extent and its number', () => {
    const [, background, , endnotes] = documentSymbols(modelOf(fixturePath('navigation.txt')));
    assert.deepStrictEqual([background.range, background.selectionRange], [range(7, 0, 17, 35), range(7, 0, 7, 10)]);
    assert.deepStrictEqual([endnotes.children[3].range, endnotes.children[3].selectionRange], [range(31, 0, 33, 21), range(31, 0, 31, 1)]);
  });

  it('Markdown: nests by heading level and keeps GFM definitions, word labels included, under Endnotes', () => {
    assert.deepStrictEqual(shape(documentSymbols(modelOf(fixturePath('navigation.md')))), [
      [
        'Roads to Recovery',
        '',
        'section',
        0,
        [
          ['Summary', '', 'section', 4, [['Funding', '', 'section', 8, []]]],
          [
            'Endnotes',
            '',
            'section',
            12,
            [
              ['1', 'Ana Ruiz, *Bridges in Decline*, Civic Press, 2020,…', 'note', 14, []],
              ['2', 'See footnote 1.', 'note', 15, []],
              ['tolls', 'Kim Lee, “Toll Roads Revisited,” Transport Quarterly, May…', 'note', 16, []],
              ['3', 'Audit Office, “Annual Audit,” 2023,…', 'note', 18, []],
            ],
          ],
        ],
      ],
    ]);
  });

  it('leaves a GFM definition written outside any section at the top level, in document order', () => {
    const model = modelOfText('A claim.[^a]\n\n[^a]: A source, 2020.\n\n## Later\n\nText.\n', 'brief.md');
    assert.deepStrictEqual(shape(documentSymbols(model)), [
      ['a', 'A source, 2020.', 'note', 2, []],
      ['Later', '', 'section', 4, []],
    ]);
  });

  it('cuts details at a word and marks the cut', () => {
    assert.strictEqual(firstWords('one two three'), 'one two three');
    assert.strictEqual(firstWords('one two three four five six seven eight nine'), 'one two three four five six seven eight…');
    assert.strictEqual(firstWords('x'.repeat(70)), `${'x'.repeat(60)}…`);
    assert.strictEqual(firstWords('x'.repeat(5_000_000)), `${'x'.repeat(60)}…`);
    assert.strictEqual(firstWords(`${'word '.repeat(100_000)}`), 'word word word word word word word word…');
  });

  (seedsPresent() ? describe : describe.skip)('seeds', () => {
    it('seed 000: the four "… Support"-style headings under "China\'s Response to the Russia-Ukraine War", the three "… Lessons" under "What is China Learning from the Ukraine War?", 62 notes under Endnotes', () => {
      const symbols = documentSymbols(modelOf(PLAINTEXT_SEED));
      const byName = (name: string) => symbols.find((s) => s.name === name)!;
      const response = byName("China's Response to the Russia-Ukraine War");
      assert.strictEqual(response.children.length, 4);
      assert.deepStrictEqual(response.children.map((c) => c.kind), ['section', 'section', 'section', 'section']);
      assert.ok(response.children.filter((c) => c.name.endsWith('Support')).length >= 3);
      const learning = byName('What is China Learning from the Ukraine War?');
      assert.strictEqual(learning.children.length, 3);
      assert.ok(learning.children.every((c) => /^\w+ Lessons: /.test(c.name)));
      const notes = byName('Endnotes').children;
      assert.deepStrictEqual(notes.map((n) => n.name), Array.from({ length: 62 }, (_, i) => String(i + 1)));
      assert.ok(notes.every((n) => n.kind === 'note' && n.children.length === 0));
      assert.ok(symbols.every((s) => s.kind === 'section'));
    });

    it('seed 004: the outline is exactly its ##/### structure', () => {
      const lines = readText(MARKDOWN_SEED).split(/\r\n|\r|\n/);
      const expected: Shape[] = [];
      lines.forEach((line, i) => {
        const heading = /^(#{2,3}) (.+?)\s*$/.exec(line);
        if (!heading) return;
        const node: Shape = [heading[2], '', 'section', i, []];
        if (heading[1] === '##') expected.push(node);
        else expected[expected.length - 1][4].push(node);
      });
      assert.ok(expected.length >= 3);
      assert.deepStrictEqual(shape(documentSymbols(modelOf(MARKDOWN_SEED))), expected);
    });
  });
});

describe('workspace symbols', () => {
  const model = modelOf(fixturePath('navigation.txt'));

  it('matches section titles, any case, with the section above as container', () => {
    assert.deepStrictEqual(workspaceSymbols(model, 'PRESSURES'), [
      { name: 'Political Pressures', kind: 'section', container: 'Background', range: range(11, 0, 11, 19) },
      { name: 'Economic Pressures', kind: 'section', container: 'Background', range: range(15, 0, 15, 18) },
    ]);
  });

  it('matches notes by the words of their text, every query word required', () => {
    assert.deepStrictEqual(workspaceSymbols(model, 'groundwater field'), [
      { name: 'Note 4: Paul Mensah, “Groundwater Across Borders: A Field Guide,” Water Policy Institute, June 2019,…', kind: 'note', container: 'Endnotes', range: range(31, 0, 31, 1) },
    ]);
    assert.deepStrictEqual(workspaceSymbols(model, 'groundwater atlas'), []);
  });

  it('lists every section and note for an empty query', () => {
    assert.strictEqual(workspaceSymbols(model, '').length, 6 + 7);
  });
});

describe('policy-brief outline', () => {
  it('prints the editor’s tree: sections indented by level, each note under Endnotes with its first words', () => {
    const out: string[] = [];
    const code = main(['outline', fixturePath('navigation.txt')], { out: (t) => out.push(t), err: (t) => out.push(`stderr: ${t}`) });
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(out.join('\n').split('\n'), [
      'EXECUTIVE SUMMARY  (line 4)',
      'Background  (line 8)',
      '  Political Pressures  (line 12)',
      '  Economic Pressures  (line 16)',
      'Recommendations  (line 20)',
      'Endnotes  (line 24)',
      '  1  Jane Roe and Omar Sy, “Rain and Ruin…  (line 26)',
      '  2  See footnote 1.  (line 28)',
      '  3  See footnote 2.  (line 30)',
      '  4  Paul Mensah, “Groundwater Across Borders: A Field Guide,”…  (line 32)',
      '  5  Ibid.  (line 36)',
      '  6  Lena Park, “Who Gets the Water?” Journal of…  (line 38)',
      '  7  Sahel Water Atlas, www.example.org/atlas, 2022.  (line 40)',
    ]);
  });
});
