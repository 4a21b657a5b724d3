/**
 * missing-note-target — "See footnote N" where there is no note N.
 * Bad:  `14 See footnote 71.` in a brief with 62 notes.
 * Good: point it at the note that holds the source.
 */
import { notesByNumber, textAt } from '../query';
import { Finding, Rule } from './rule';

export const missingNoteTarget: Rule = {
  code: 'missing-note-target',
  description: 'A "See footnote N" points at a note that does not exist.',
  defaultSeverity: 'error',
  fixable: false,
  check(model) {
    const byNumber = notesByNumber(model);
    const findings: Finding[] = [];
    for (const note of model.endnotes) {
      for (const ref of note.references) {
        if (ref.kind !== 'see' || ref.target === null || ref.target === note.number || byNumber.has(ref.target)) continue;
        findings.push({
          range: ref.range,
          message: `Note ${note.label} says “${textAt(model, ref.range)}”, but there is no note ${ref.target}: point it at the note that holds the source.`,
        });
      }
    }
    return findings;
  },
};
