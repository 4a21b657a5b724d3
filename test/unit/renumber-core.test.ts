/** Renumber Footnotes and Rename on small briefs, with the exact text expected, and every refusal's message. */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BriefFormat, parseBrief } from '../../server/src/brief';
import { draftOf } from '../../server/src/brief/fixes/edits';
import { RenumberResult, renameNote, renumber } from '../../server/src/brief/fixes/renumber';

function run(lines: string[], format: BriefFormat, op: (text: string) => RenumberResult = (text) => renumber(draftOf(text, parseBrief(text, format))), lineBreak = '\n') {
  const text = lines.join(lineBreak);
  const result = op(text);
  if (!result.ok) return { refused: result.reason };
  const applied = TextDocument.applyEdits(TextDocument.create('file:///b', 'plaintext', 1, text), result.edits);
  assert.strictEqual(applied, result.lines.join(lineBreak));
  return { text: applied, changes: Object.fromEntries(result.changes) };
}

const rename = (format: BriefFormat, from: number, to: number) => (text: string) => renameNote(draftOf(text, parseBrief(text, format)), from, to);

describe('renumber', () => {
  it('numbers plain-text notes by first citation, moves notes whole and rewrites "See footnote"', () => {
    const result = run(
      [
        'Title', '', 'By A. Writer', '', 'EXECUTIVE SUMMARY', '',
        'First claim.³ Second claim.¹ Third claim.³ Fourth.²', '',
        'Endnotes', '',
        '1 Smith, “One,” 2020.', '',
        '2 See footnote 3.', '',
        '3 Jones, “Three,” wrapped', 'over two lines, 2021.', '',
      ],
      'plaintext',
    );
    assert.deepStrictEqual(result, {
      text: [
        'Title', '', 'By A. Writer', '', 'EXECUTIVE SUMMARY', '',
        'First claim.¹ Second claim.² Third claim.¹ Fourth.³', '',
        'Endnotes', '',
        '1 Jones, “Three,” wrapped', 'over two lines, 2021.', '',
        '2 Smith, “One,” 2020.', '',
        '3 See footnote 1.', '',
      ].join('\n'),
      changes: { 1: 2, 2: 3, 3: 1 },
    });
  });

  it('keeps each marker form, GFM definitions and word labels in Markdown, starting from the brief’s own first number', () => {
    const result = run(
      [
        '# Brief', '',
        'Alpha.[^68] Beta.<sup>67</sup> Gamma.⁶⁹ Named.[^smith] Again.[^68]', '',
        '## Endnotes', '',
        '[^67]: Source B, 2019.', '',
        '[^smith]: Smith, named source.', '',
        '[^68]: Source A, 2018.', '',
        '[^69]: See note 68.', '',
      ],
      'markdown',
    );
    assert.deepStrictEqual(result, {
      text: [
        '# Brief', '',
        'Alpha.[^67] Beta.<sup>68</sup> Gamma.⁶⁹ Named.[^smith] Again.[^67]', '',
        '## Endnotes', '',
        '[^67]: Source A, 2018.', '',
        '[^smith]: Smith, named source.', '',
        '[^68]: Source B, 2019.', '',
        '[^69]: See note 67.', '',
      ].join('\n'),
      changes: { 67: 68, 68: 67 },
    });
  });

  it('puts notes no marker cites after the cited ones, and keeps CRLF line breaks', () => {
    const result = run(['A.², B.³', '', 'Endnotes', '', '- 1 Uncited source.', '- 2 Two.', '- 3 Three.', ''], 'plaintext', undefined, '\r\n');
    assert.deepStrictEqual(result, { text: ['A.¹, B.²', '', 'Endnotes', '', '- 1 Two.', '- 2 Three.', '- 3 Uncited source.', ''].join('\r\n'), changes: { 1: 3, 2: 1, 3: 2 } });
  });

  it('changes nothing on a brief already in order', () => {
    assert.deepStrictEqual(run(['A.¹ B.² A again.¹', '', 'Endnotes', '', '1. One.', '2. Two.'], 'plaintext'), {
      text: ['A.¹ B.² A again.¹', '', 'Endnotes', '', '1. One.', '2. Two.'].join('\n'),
      changes: {},
    });
  });

  describe('refuses, changing nothing, when the result would be a guess', () => {
    it('two notes with one number', () => {
      assert.deepStrictEqual(run(['A.¹', '', 'Endnotes', '', '1 One.', '', '1 Other.'], 'plaintext'), {
        refused: 'Cannot renumber: there are 2 notes numbered 1 (lines 5 and 7), so markers citing 1 could mean either. Give each note its own number first.',
      });
    });
    it('a marker with no note', () => {
      assert.deepStrictEqual(run(['A.¹ B.⁴', '', 'Endnotes', '', '1 One.'], 'plaintext'), {
        refused: 'Cannot renumber: marker ⁴ on line 1 cites note 4, which does not exist. Add the note or remove the marker first.',
      });
    });
    it('a "See footnote" to a missing note', () => {
      assert.deepStrictEqual(run(['A.¹ B.²', '', 'Endnotes', '', '1 One.', '2 See footnote 9.'], 'plaintext'), {
        refused: 'Cannot renumber: note 2 says “See footnote 9”, but there is no note 9. Correct the reference first.',
      });
    });
    it('an "Ibid." that would follow a different note', () => {
      assert.deepStrictEqual(run(['A.² B.¹ C.³', '', 'Endnotes', '', '1 One.', '2 Two.', '3 Ibid.'], 'plaintext'), {
        refused: 'Cannot renumber: note 3 says “Ibid”, which means the note just before it, and renumbering would put a different note there. First replace it with “See footnote 2.”',
      });
    });
  });
});

describe('rename a note number', () => {
  const brief = ['Claim.¹ Other.² Third.³', '', 'Endnotes', '', '1 One.', '', '2 Two, see note 1.', '', '3 See footnote 1.', ''];

  it('moves the note to its numerical place and rewrites its markers and references', () => {
    assert.deepStrictEqual(run(brief, 'plaintext', rename('plaintext', 1, 7)), {
      text: ['Claim.⁷ Other.² Third.³', '', 'Endnotes', '', '2 Two, see note 7.', '', '3 See footnote 7.', '', '7 One.', ''].join('\n'),
      changes: { 1: 7 },
    });
  });

  it('refuses a number that is taken', () => {
    assert.deepStrictEqual(run(brief, 'plaintext', rename('plaintext', 1, 3)), {
      refused: 'Note number 3 is already taken: there is a note 3. Choose a free number, or renumber all footnotes.',
    });
  });
});
