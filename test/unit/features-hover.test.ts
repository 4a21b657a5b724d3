/** Hover: source previews on markers and "See footnote N", citations of a note, and escaping of everything taken from the document. */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { BriefModel, range } from '../../server/src/brief';
import { escapeMarkdown, hoverAt, safeLink } from '../../server/src/brief/features/hover';
import { PLAINTEXT_SEED, seedsPresent } from '../helpers';
import { at, fixturePath, markerPosition, modelOf, modelOfText, notePosition, render } from './features-support';

describe('hover', () => {
  const txt = modelOf(fixturePath('navigation.txt'));
  const md = modelOf(fixturePath('navigation.md'));

  it('on a marker whose note points on ("See footnote 2" → "See footnote 1") shows the source at the end of the chain, the path and the citation', () => {
    const hover = hoverAt(txt, markerPosition(txt, '3'))!;
    assert.deepStrictEqual(hover.range, range(5, 101, 5, 102));
    assert.strictEqual(
      hover.markdown,
      [
        '**Note 3:** See footnote 2\\.',
        '**Source: note 1** (3 → 2 → 1)',
        'Jane Roe and Omar Sy\\, “Rain and Ruin in the Sahel\\,” Sahel Review\\, March 3\\, 2021\\, \\<https\\:\\/\\/example\\.org\\/sahel\\/rain\\-and\\-ruin\\>\\.',
        '---',
        [
          '- Author: Jane Roe and Omar Sy',
          '- Title: Rain and Ruin in the Sahel',
          '- Outlet: Sahel Review',
          '- Date: March 3\\, 2021',
          '- URL: [https\\:\\/\\/example\\.org\\/sahel\\/rain\\-and\\-ruin](https://example.org/sahel/rain-and-ruin)',
        ].join('\n'),
      ].join('\n\n'),
    );
  });

  it('follows Ibid. to the note before it, and links a split URL by its visible first part', () => {
    const hover = hoverAt(txt, markerPosition(txt, '5'))!;
    const rendered = render(hover.markdown);
    assert.deepStrictEqual(rendered.blocks.slice(0, 2), ['Note 5: Ibid.', 'Source: note 4 (5 → 4)']);
    assert.deepStrictEqual(rendered.blocks.slice(-5), [
      '- Author: Paul Mensah',
      '- Title: Groundwater Across Borders: A Field Guide',
      '- Outlet: Water Policy Institute',
      '- Date: June 2019',
      '- URL: https://example.org/reports/groundwater-across-',
    ]);
  });

  it('shows a journal article’s volume, issue and pages, and no date or URL it does not have', () => {
    const rendered = render(hoverAt(txt, markerPosition(txt, '6'))!.markdown);
    assert.deepStrictEqual(rendered.blocks, [
      'Note 6',
      'Lena Park, “Who Gets the Water?” Journal of Arid Studies, Vol. 7, No. 2, pp. 45-67.',
      '---',
      '- Author: Lena Park',
      '- Title: Who Gets the Water?',
      '- Outlet: Journal of Arid Studies',
      '- Volume: vol. 7, no. 2, pp. 45-67',
    ]);
    assert.deepStrictEqual(rendered.links, []);
  });

  it('on "See footnote 1" shows note 1 with the path from the note it stands in, over the whole phrase', () => {
    const hover = hoverAt(txt, at(txt, 27, '1'))!;
    assert.deepStrictEqual(hover.range, range(27, 2, 27, 16));
    assert.deepStrictEqual(render(hover.markdown).blocks.slice(0, 2), [
      'Note 1 (2 → 1)',
      'Jane Roe and Omar Sy, “Rain and Ruin in the Sahel,” Sahel Review, March 3, 2021, <https://example.org/sahel/rain-and-ruin>.',
    ]);
  });

  it('on a marker with no note says so', () => {
    assert.strictEqual(hoverAt(txt, markerPosition(txt, '9'))!.markdown, '**Marker ⁹** cites note 9, but there is no note 9.');
  });

  it('on an endnote’s number lists where it is cited: count and the first lines', () => {
    const hover = hoverAt(txt, notePosition(txt, '4'))!;
    assert.deepStrictEqual(hover.range, range(31, 0, 31, 1));
    assert.strictEqual(
      hover.markdown,
      '**Note 4** is cited 3 times:\n\n- line 10: Three pressures stand out\\.⁴\n- line 22: Fund shared monitoring\\.⁴\n- line 36, note 5: Ibid\\.',
    );
  });

  it('cuts long cited lines at a word and lists at most five citations', () => {
    const body = Array.from({ length: 7 }, (_, i) => `${'word '.repeat(30)}claim ${i}.¹`).join('\n\n');
    const model = modelOfText(`${body}\n\nEndnotes\n\n1 A source, 2020.\n`);
    const blocks = render(hoverAt(model, notePosition(model, '1'))!.markdown).blocks;
    assert.strictEqual(blocks[0], 'Note 1 is cited 7 times:');
    assert.strictEqual(blocks[1], `- line 1: …${'word '.repeat(14)}claim 0.¹`);
    assert.strictEqual(blocks.length, 7);
    assert.strictEqual(blocks[6], '- and 2 more');
  });

  it('says when a note is cited nowhere, when a chain loops, when it ends at a missing note, and when a number is used twice', () => {
    const uncited = modelOfText('Text.\n\nEndnotes\n\n1 A source, 2020.\n');
    assert.strictEqual(hoverAt(uncited, notePosition(uncited, '1'))!.markdown, '**Note 1** is not cited anywhere in the brief.');

    const loop = modelOfText('A.¹ B.²\n\nEndnotes\n\n1 See footnote 2.\n\n2 See footnote 1.\n');
    assert.deepStrictEqual(render(hoverAt(loop, markerPosition(loop, '1'))!.markdown).blocks, [
      'Note 1: See footnote 2.',
      'The “See footnote” chain loops without reaching a source: 1 → 2 → 1.',
    ]);

    const missing = modelOfText('A.¹\n\nEndnotes\n\n1 See footnote 8.\n');
    assert.deepStrictEqual(render(hoverAt(missing, markerPosition(missing, '1'))!.markdown).blocks, [
      'Note 1: See footnote 8.',
      'The chain 1 → 8 ends at note 8, which does not exist.',
    ]);

    const twice = modelOfText('A.¹\n\nEndnotes\n\n1 First source, 2020.\n\n1 Second source, 2021.\n');
    assert.deepStrictEqual(render(hoverAt(twice, markerPosition(twice, '1'))!.markdown).blocks.slice(0, 3), [
      '2 notes are numbered 1; this is the first.',
      'Note 1',
      'First source, 2020.',
    ]);
  });

  it('starts the path at a note with a word label, escaped', () => {
    const model = modelOfText('A claim.[^*smith*] More.[^1]\n\n[^1]: Ann Smith, “A Title,” Outlet, 2020.\n[^*smith*]: See footnote 1.\n', 'brief.md');
    assert.deepStrictEqual(render(hoverAt(model, markerPosition(model, '*smith*'))!.markdown).blocks.slice(0, 2), ['Note *smith*: See footnote 1.', 'Source: note 1 (*smith* → 1)']);
    assert.deepStrictEqual(render(hoverAt(model, at(model, 3, 'See'))!.markdown).blocks[0], 'Note 1 (*smith* → 1)');
  });

  it('works on every marker form: <sup>N</sup>, [^label] and a superscript in Markdown', () => {
    const sup = hoverAt(md, markerPosition(md, '2'))!;
    assert.deepStrictEqual(sup.range, range(6, 55, 6, 67));
    assert.deepStrictEqual(render(sup.markdown).blocks.slice(0, 3), ['Note 2: See footnote 1.', 'Source: note 1 (2 → 1)', 'Ana Ruiz, *Bridges in Decline*, Civic Press, 2020, <https://example.com/bridges>.']);
    assert.ok(render(sup.markdown).blocks.includes('- Title: Bridges in Decline'));

    const word = hoverAt(md, markerPosition(md, 'tolls'))!;
    assert.deepStrictEqual(word.range, range(10, 17, 10, 25));
    assert.deepStrictEqual(render(word.markdown).blocks.slice(-1), ['- URL: https://example.com/tolls?a=1&b=2']);
  });

  it('never makes a command: link, even when the note holds one', () => {
    const rendered = render(hoverAt(md, markerPosition(md, '3'))!.markdown);
    assert.strictEqual(rendered.blocks[1], 'Audit Office, “Annual Audit,” 2023, [terminal](command:workbench.action.terminal.new).');
    assert.deepStrictEqual(rendered.links, []);
  });

  it('is null away from markers, cross-references and note numbers', () => {
    assert.strictEqual(hoverAt(txt, at(txt, 5, 'Rainfall')), null);
    assert.strictEqual(hoverAt(txt, at(txt, 25, 'Jane')), null);
  });

  describe('a hostile note (fixture hostile.md)', () => {
    const hostile = modelOf(fixturePath('hostile.md'));

    it('renders <script>, command: links, backticks, emphasis, tables, backslashes and entities as the literal text', () => {
      const note = hostile.endnotes[0];
      const rendered = render(hoverAt(hostile, markerPosition(hostile, '1'))!.markdown);
      assert.strictEqual(rendered.blocks[1], note.text);
      assert.deepStrictEqual(rendered.html, []);
      assert.deepStrictEqual(rendered.links, []);
    });

    it('links only the http(s) source, with parentheses encoded so the link cannot end early', () => {
      const hover = hoverAt(hostile, markerPosition(hostile, '2'))!;
      const rendered = render(hover.markdown);
      assert.deepStrictEqual(rendered.html, []);
      assert.ok(rendered.links.every((link) => /^https:\/\//.test(link.url)));
      assert.ok(hover.markdown.endsWith('- URL: [https\\:\\/\\/example\\.org\\/a\\_\\(b\\)\\*c\\*](https://example.org/a_%28b%29*c*)'));
      assert.strictEqual(rendered.blocks[rendered.blocks.length - 1], '- URL: https://example.org/a_(b)*c*');
      assert.strictEqual(rendered.blocks[rendered.blocks.length - 4], '- Title: A (Title) with *stars*');
    });
  });

  describe('escapeMarkdown', () => {
    it('renders any text as exactly that text, with no HTML and no links but http(s) autolinks of the same text', () => {
      const alphabet = [...'ab1 <>[]()*_`\\|#!&;:/.-+~{}"\'=$^%@?,', 'é', '¹', '□', '😀', 'https://', 'www.', 'command:', '&amp;', '<script>', '\t'];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (pieces) => {
          const text = pieces.join('').trim();
          const rendered = render(escapeMarkdown(text));
          assert.deepStrictEqual(rendered.blocks, text === '' ? [] : [text]);
          assert.deepStrictEqual(rendered.html, []);
          for (const link of rendered.links) assert.match(link.url, /^https?:\/\//);
        }),
        { numRuns: 500 },
      );
    });

    it('turns line breaks into spaces so no heading, list or table can start', () => {
      assert.deepStrictEqual(render(escapeMarkdown('a\n# b\r\n- c\n| d |')).blocks, ['a # b - c | d |']);
    });
  });

  describe('safeLink', () => {
    it('links http and https (and www. as http), and leaves every other scheme as text', () => {
      assert.strictEqual(safeLink('https://example.org/a b'), '[https\\:\\/\\/example\\.org\\/a\\%20b](https://example.org/a%20b)');
      assert.strictEqual(safeLink('www.example.org'), '[http\\:\\/\\/www\\.example\\.org\\/](http://www.example.org/)');
      for (const url of ['command:workbench.action.terminal.new', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url']) {
        assert.deepStrictEqual(render(safeLink(url)).links, [], url);
        assert.deepStrictEqual(render(safeLink(url)).blocks, [url]);
      }
    });
  });

  (seedsPresent() ? describe : describe.skip)('seed 000 (plain text)', () => {
    // Read in a hook: a skipped describe still runs its body, and the seed may be absent.
    let seed: BriefModel;
    before(() => {
      seed = modelOf(PLAINTEXT_SEED);
    });
    const hoverOn = (label: string) => render(hoverAt(seed, markerPosition(seed, label))!.markdown).blocks;

    it('hover on ⁶ shows note 5’s SIPRI source and the path 6 → 5', () => {
      const blocks = hoverOn('6');
      assert.strictEqual(blocks[0], 'Note 6: See footnote 5.');
      assert.strictEqual(blocks[1], 'Source: note 5 (6 → 5)');
      assert.strictEqual(blocks[2], seed.endnotes.find((n) => n.number === 5)!.text);
      assert.ok(blocks.includes('- Outlet: Stockholm International Peace Research Institute'));
      assert.ok(blocks.some((b) => b.startsWith('- URL: https://www.sipri.org/')));
    });

    it('hover on ⁴¹ shows note 33’s source', () => {
      const blocks = hoverOn('41');
      assert.strictEqual(blocks[0], 'Note 41: See footnote 33.');
      assert.strictEqual(blocks[1], 'Source: note 33 (41 → 33)');
      assert.strictEqual(blocks[2], seed.endnotes.find((n) => n.number === 33)!.text);
      assert.ok(blocks.includes('- Outlet: The Diplomat'));
    });
  });
});
