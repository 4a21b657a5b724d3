/**
 * duplicate-endnote — two endnotes with the same number or label.
 * Bad:  `12 Smith, …` and later `12 Jones, …`.
 * Good: give each source its own number (then Renumber Footnotes).
 */
import { Finding, Rule } from './rule';

export const duplicateEndnote: Rule = {
  code: 'duplicate-endnote',
  description: 'Two endnotes share one number.',
  defaultSeverity: 'error',
  fixable: false,
  check(model) {
    const first = new Map<string, (typeof model.endnotes)[number]>();
    const findings: Finding[] = [];
    for (const note of model.endnotes) {
      const key = note.number !== null ? `#${note.number}` : note.label;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, note);
        continue;
      }
      findings.push({
        range: note.numberRange,
        message: `Note ${note.label} is numbered twice (also on line ${earlier.range.start.line + 1}): give this source its own number, then renumber the footnotes.`,
        related: [{ range: earlier.numberRange, message: `First note ${note.label}` }],
      });
    }
    return findings;
  },
};
