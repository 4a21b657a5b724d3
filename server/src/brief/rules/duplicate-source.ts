/**
 * duplicate-source — a note that repeats, word for word, the source of an earlier note.
 * Bad:  note 31 repeats note 19's citation in full.
 * Good: `31 See footnote 19.` (the quick fix writes this).
 * Citations are compared ignoring case, quotes, spacing, trailing punctuation and the URL's scheme and angle brackets.
 */
import { Endnote } from '../model';
import { Finding, Rule } from './rule';

export function normalizeCitation(text: string): string {
  return text
    .toLowerCase()
    .replace(/[“”„"‘’'`«»]/g, '')
    .replace(/<|>/g, ' ')
    .replace(/https?:\/\/(?:www\.)?|(?<![\w.])www\./g, '')
    .replace(/\/(?=[\s.,;]|$)/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;]+$/, '')
    .trim();
}

export const duplicateSource: Rule = {
  code: 'duplicate-source',
  description: 'A note repeats the full citation of an earlier note.',
  defaultSeverity: 'warning',
  fixable: true,
  check(model, _config, memory) {
    const keyOf = memory ? memory.remember(normalizeCitation) : normalizeCitation;
    const firstBySource = new Map<string, Endnote>();
    const findings: Finding[] = [];
    for (const note of model.endnotes) {
      if (note.seeNote) continue;
      const key = keyOf(note.text);
      if (key.length < 20) continue;
      const earlier = firstBySource.get(key);
      if (!earlier) {
        firstBySource.set(key, note);
        continue;
      }
      findings.push({
        range: note.range,
        message: `Note ${note.label} cites the same source as note ${earlier.label}: replace it with “See footnote ${earlier.label}.”`,
        related: [{ range: earlier.range, message: `Note ${earlier.label}` }],
      });
    }
    return findings;
  },
};
