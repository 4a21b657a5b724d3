/** Go to definition, find references and document highlight: markers, "See footnote N" and endnote numbers. */
import * as assert from 'assert';
import { BriefModel, range } from '../../server/src/brief';
import { definitionAt, noteTargetAt } from '../../server/src/brief/features/definition';
import { highlightsAt, referenceRanges } from '../../server/src/brief/features/references';
import { notesByNumber } from '../../server/src/brief/query';
import { PLAINTEXT_SEED, seedsPresent } from '../helpers';
import { at, fixturePath, markerPosition, modelOf, modelOfText, notePosition } from './features-support';

describe('definition', () => {
  const txt = modelOf(fixturePath('navigation.txt'));
  const md = modelOf(fixturePath('navigation.md'));

  it('goes from a superscript marker to its note: the whole note, landing on its number', () => {
    assert.deepStrictEqual(definitionAt(txt, markerPosition(txt, '3')), [{ origin: range(5, 101, 5, 102), range: range(29, 0, 29, 17), selectionRange: range(29, 0, 29, 1) }]);
  });

  it('goes from the number of "See footnote 1" (anywhere in the phrase) to note 1', () => {
    const expected = [{ origin: range(27, 2, 27, 16), range: range(25, 0, 25, 125), selectionRange: range(25, 0, 25, 1) }];
    assert.deepStrictEqual(definitionAt(txt, at(txt, 27, '1')), expected);
    assert.deepStrictEqual(definitionAt(txt, at(txt, 27, 'See')), expected);
  });

  it('goes from Ibid. to the note before', () => {
    assert.deepStrictEqual(definitionAt(txt, at(txt, 35, 'Ibid')), [{ origin: range(35, 2, 35, 6), range: range(31, 0, 33, 21), selectionRange: range(31, 0, 31, 1) }]);
  });

  it('answers the note itself on a note’s number, nothing for a marker without a note, nothing in plain prose', () => {
    assert.deepStrictEqual(definitionAt(txt, notePosition(txt, '6')), [{ origin: range(37, 0, 37, 1), range: range(37, 0, 37, 85), selectionRange: range(37, 0, 37, 1) }]);
    assert.deepStrictEqual(definitionAt(txt, markerPosition(txt, '9')), []);
    assert.deepStrictEqual(definitionAt(txt, at(txt, 5, 'Rainfall')), []);
  });

  it('counts a cursor just after a marker as on it', () => {
    assert.deepStrictEqual(noteTargetAt(txt, { line: 5, character: 102 })?.range, range(5, 101, 5, 102));
  });

  it('goes from [^1], <sup>2</sup> and [^tolls] in Markdown to their definitions', () => {
    assert.deepStrictEqual(definitionAt(md, markerPosition(md, '1')).map((d) => d.selectionRange), [range(14, 2, 14, 3)]);
    assert.deepStrictEqual(definitionAt(md, { line: 6, character: 61 }), [{ origin: range(6, 55, 6, 67), range: range(15, 0, 15, 21), selectionRange: range(15, 2, 15, 3) }]);
    assert.deepStrictEqual(definitionAt(md, markerPosition(md, 'tolls')), [{ origin: range(10, 17, 10, 25), range: range(16, 0, 17, 48), selectionRange: range(16, 2, 16, 7) }]);
  });

  it('offers every note when a number is used twice, and narrows <sup>3, 4</sup> to the number under the cursor', () => {
    const model = modelOfText('# T\n\nA.<sup>1, 2</sup>\n\n## Notes\n\n1. One, 2020.\n2. Two, 2021.\n2. Again, 2022.\n', 'brief.md');
    assert.deepStrictEqual(definitionAt(model, { line: 2, character: 7 }), [{ origin: range(2, 7, 2, 8), range: range(6, 0, 6, 13), selectionRange: range(6, 0, 6, 1) }]);
    assert.deepStrictEqual(
      definitionAt(model, { line: 2, character: 10 }).map((d) => [d.origin, d.selectionRange]),
      [
        [range(2, 10, 2, 11), range(7, 0, 7, 1)],
        [range(2, 10, 2, 11), range(8, 0, 8, 1)],
      ],
    );
  });
});

describe('notes by number', () => {
  it('groups a model’s notes by number once, and each model gets its own', () => {
    const text = '# T\n\nA.<sup>1, 2</sup>\n\n## Notes\n\n1. One, 2020.\n2. Two, 2021.\n2. Again, 2022.\n';
    const model = modelOfText(text, 'brief.md');
    const byNumber = notesByNumber(model);
    assert.deepStrictEqual([...byNumber].map(([number, notes]) => [number, notes.map((note) => note.text)]), [
      [1, ['One, 2020.']],
      [2, ['Two, 2021.', 'Again, 2022.']],
    ]);
    assert.strictEqual(notesByNumber(model), byNumber);
    const other = modelOfText(text.replace('2. Again', '3. Again'), 'brief.md');
    assert.deepStrictEqual([...notesByNumber(other).keys()], [1, 2, 3]);
  });
});

describe('references and highlights', () => {
  const txt = modelOf(fixturePath('navigation.txt'));
  const md = modelOf(fixturePath('navigation.md'));

  it('from a note’s number: the note, every marker and every Ibid./"See footnote" citing it', () => {
    assert.deepStrictEqual(referenceRanges(txt, notePosition(txt, '4'), true), [range(31, 0, 31, 1), range(9, 26, 9, 27), range(21, 23, 21, 24), range(35, 2, 35, 6)]);
    assert.deepStrictEqual(referenceRanges(txt, notePosition(txt, '4'), false), [range(9, 26, 9, 27), range(21, 23, 21, 24), range(35, 2, 35, 6)]);
  });

  it('from a marker: the same set as from its note; from prose: nothing', () => {
    assert.deepStrictEqual(referenceRanges(txt, markerPosition(txt, '1'), false), [range(5, 42, 5, 43), range(27, 15, 27, 16)]);
    assert.deepStrictEqual(referenceRanges(txt, markerPosition(txt, '9'), true), [range(17, 34, 17, 35)], 'a marker without a note still finds itself');
    assert.deepStrictEqual(referenceRanges(txt, at(txt, 5, 'Rainfall'), true), []);
  });

  it('in Markdown: both [^1] markers and the "See footnote 1" in note 2; a word label has no see-notes', () => {
    assert.deepStrictEqual(referenceRanges(md, { line: 15, character: 19 }, true), [range(14, 2, 14, 3), range(6, 39, 6, 43), range(6, 83, 6, 87), range(15, 19, 15, 20)]);
    assert.deepStrictEqual(referenceRanges(md, notePosition(md, 'tolls'), true), [range(16, 2, 16, 7), range(10, 17, 10, 25)]);
  });

  it('highlights the note’s number as written and each citation as read', () => {
    assert.deepStrictEqual(highlightsAt(txt, markerPosition(txt, '1')), [
      { range: range(25, 0, 25, 1), kind: 'write' },
      { range: range(5, 42, 5, 43), kind: 'read' },
      { range: range(27, 15, 27, 16), kind: 'read' },
    ]);
  });

  (seedsPresent() ? describe : describe.skip)('seed 000 (plain text)', () => {
    // Read in a hook: a skipped describe still runs its body, and the seed may be absent.
    let seed: BriefModel;
    before(() => {
      seed = modelOf(PLAINTEXT_SEED);
    });
    const note = (n: number) => seed.endnotes.find((e) => e.number === n)!;

    it('definition from ⁵⁸ lands on note 58, and from the "14" of "See footnote 14" on note 14', () => {
      assert.deepStrictEqual(definitionAt(seed, markerPosition(seed, '58')).map((d) => d.selectionRange), [note(58).numberRange]);
      const fourteen = note(58).seeNote!.targetRange;
      assert.strictEqual(seed.lines[fourteen.start.line].slice(fourteen.start.character, fourteen.end.character), '14');
      assert.deepStrictEqual(definitionAt(seed, fourteen.start).map((d) => d.selectionRange), [note(14).numberRange]);
    });

    it('references from note 45 are marker ⁴⁵ and the see-notes 47 and 48', () => {
      const found = referenceRanges(seed, note(45).numberRange.start, true);
      const marker = seed.markers.find((m) => m.number === 45)!;
      assert.deepStrictEqual(found, [note(45).numberRange, marker.range, note(47).seeNote!.targetRange, note(48).seeNote!.targetRange]);
    });
  });
});
