/**
 * self-reference — a note that says "See footnote" with its own number.
 * Bad:  `6 See footnote 6.`
 * Good: `6 See footnote 5.` (the note with the source), or the source itself.
 */
import { textAt } from '../query';
import { Finding, Rule } from './rule';

export const selfReference: Rule = {
  code: 'self-reference',
  description: 'A note refers to itself.',
  defaultSeverity: 'error',
  fixable: false,
  check(model) {
    const findings: Finding[] = [];
    for (const note of model.endnotes) {
      for (const ref of note.references) {
        if (ref.kind === 'see' && ref.target !== null && ref.target === note.number) {
          findings.push({
            range: ref.range,
            message: `Note ${note.label} says “${textAt(model, ref.range)}”, which is itself: point it at the note that holds the source, or write the source out.`,
          });
        }
      }
    }
    return findings;
  },
};
