/**
 * ibid-misuse — "Ibid." where there is no preceding source to repeat.
 * Bad:  the first note says `Ibid.`; or `Ibid.` follows `See footnote 5.`
 * Good: write the source out, or say `See footnote 5.` directly.
 */
import { chainEnd, notesByNumber, textAt } from '../query';
import { Finding, Rule } from './rule';

export const ibidMisuse: Rule = {
  code: 'ibid-misuse',
  description: '"Ibid." has no source note directly before it.',
  defaultSeverity: 'warning',
  fixable: false,
  check(model) {
    const byNumber = notesByNumber(model);
    const findings: Finding[] = [];
    model.endnotes.forEach((note, i) => {
      const ref = note.seeNote;
      if (!ref || ref.kind !== 'ibid') return;
      const previous = model.endnotes[i - 1];
      if (!previous) {
        findings.push({ range: ref.range, message: `Note ${note.label} says “Ibid.”, but no note comes before it: write the source out.` });
      } else if (previous.seeNote) {
        const chain = chainEnd(previous, byNumber);
        const advice = chain.root ? `write “See footnote ${chain.root.label}.” instead` : 'write the source out';
        findings.push({
          range: ref.range,
          message: `Note ${note.label} says “Ibid.”, but note ${previous.label} before it is itself a reference (“${textAt(model, previous.seeNote.range)}”): ${advice}.`,
        });
      }
    });
    return findings;
  },
};
