/**
 * numbering-gap — endnote numbers that skip or go backwards.
 * Bad:  notes 4, 6 (5 is missing); or 7 listed after 9.
 * Good: 4, 5, 6 … in order (Renumber Footnotes repairs order and gaps).
 * Numbering may start anywhere: a chapter whose notes run 67–86 is fine.
 */
import { Finding, Rule } from './rule';

export const numberingGap: Rule = {
  code: 'numbering-gap',
  description: 'Endnote numbers skip a number or are out of order.',
  defaultSeverity: 'warning',
  fixable: true,
  check(model) {
    const findings: Finding[] = [];
    let previous: number | null = null;
    for (const note of model.endnotes) {
      if (note.number === null) continue;
      if (previous !== null && note.number !== previous + 1 && note.number !== previous) {
        const missing = note.number === previous + 2 ? `note ${previous + 1} is missing. Add it` : `notes ${previous + 1}–${note.number - 1} are missing. Add them`;
        findings.push({
          range: note.numberRange,
          message:
            note.number > previous
              ? `Endnotes jump from ${previous} to ${note.number}: ${missing}, or renumber the footnotes.`
              : `Note ${note.number} comes after note ${previous}: endnotes must be in numerical order. Move it, or renumber the footnotes.`,
        });
      }
      previous = Math.max(previous ?? note.number, note.number);
    }
    return findings;
  },
};
