import * as assert from 'assert';
import { analyze } from '../../server/src/brief';

function noteNumbers(notes: string[]): (number | null)[] {
  const text = ['A Long Report', '', 'By A. Writer', '', 'Endnotes', '', ...notes.flatMap((n) => [n, ''])].join('\n');
  return analyze(text, undefined, { format: 'plaintext' }).model.endnotes.map((n) => n.number);
}

describe('numbered notes past 999', () => {
  it('keeps a note after a gap in four-digit numbering as its own note', () => {
    assert.deepStrictEqual(noteNumbers(['998 Source Z, 2019.', '999 Source Y, 2019.', '1000 Source A, 2020.', '1001 Source B, 2021.', '1003 Source C, 2022.']), [998, 999, 1000, 1001, 1003]);
  });
  it('still joins a wrapped line that starts with a year to its note', () => {
    assert.deepStrictEqual(noteNumbers(['999 Source Y, 2019.', '1000 Source A, “A Title,” Outlet, March 3,', '2021 edition, p. 4.', '1001 Source B, 2021.']), [999, 1000, 1001]);
  });
});
