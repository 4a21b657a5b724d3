/** Renumber Footnotes on the real plain-text draft (skipped when ../shared/seeds is absent). */
import * as assert from 'assert';
import { parseBrief } from '../../server/src/brief';
import { draftOf } from '../../server/src/brief/fixes/edits';
import { renumber } from '../../server/src/brief/fixes/renumber';
import { PLAINTEXT_SEED, readText, seedsPresent } from '../helpers';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (n: number) => String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]);

(seedsPresent() ? describe : describe.skip)('renumber: plain-text seed', () => {
  const text = seedsPresent() ? readText(PLAINTEXT_SEED) : ''; // a skipped describe still runs its body
  const model = parseBrief(text, 'plaintext');

  it('changes nothing: the draft is already numbered by first appearance', () => {
    const result = renumber(draftOf(text, model));
    assert.ok(result.ok);
    assert.deepStrictEqual(result.edits, []);
    assert.strictEqual(result.lines.join('\n'), text);
  });

  it('gives a new source cited between ¹¹ and ¹² the number 12 and shifts 12–62, markers, notes and "See footnote" alike', () => {
    const lines = model.lines.slice();
    const eleven = model.markers.find((m) => m.number === 11)!;
    const line = eleven.range.start.line;
    lines[line] = lines[line].slice(0, eleven.range.end.character) + ' A new claim.⁶³' + lines[line].slice(eleven.range.end.character);
    lines.push('63 A. New, “A source added late,” 2024.');
    const result = renumber(draftOf(lines.join('\n'), parseBrief(lines.join('\n'), 'plaintext')));
    assert.ok(result.ok, !result.ok ? result.reason : '');
    const after = parseBrief(result.lines.join('\n'), 'plaintext');

    const shift = (n: number) => (n <= 11 ? n : n + 1);
    const expectedMarkers = model.markers.map((m) => shift(m.number!));
    expectedMarkers.splice(model.markers.indexOf(eleven) + 1, 0, 12);
    assert.deepStrictEqual(after.markers.map((m) => m.number), expectedMarkers);
    assert.strictEqual(after.lines[line].slice(eleven.range.start.character, eleven.range.end.character + 15), `${sup(11)} A new claim.${sup(12)}`);

    const expectedNotes = model.endnotes.map((n) => ({ number: shift(n.number!), text: n.text.replace(/(See footnote )(\d+)/, (_, see, m) => see + shift(Number(m))) }));
    expectedNotes.splice(11, 0, { number: 12, text: 'A. New, “A source added late,” 2024.' });
    assert.deepStrictEqual(after.endnotes.map((n) => ({ number: n.number, text: n.text })), expectedNotes);
    assert.strictEqual(after.endnotes.find((n) => n.number === 59)!.text, 'See footnote 15.');
    assert.deepStrictEqual(
      after.endnotes.filter((n) => n.seeNote).map((n) => `${n.number}→${n.seeNote!.target}`),
      ['6→5', '19→18', '26→24', '29→28', '31→30', '35→34', '42→34', '45→44', '48→46', '49→46', '56→55', '59→15'],
    );
  });
});
