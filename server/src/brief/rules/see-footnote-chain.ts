/**
 * see-footnote-chain — a "See footnote N" whose note N is itself only a "See footnote M".
 * Bad:  `41 See footnote 33.` while note 33 says `See footnote 12.`
 * Good: `41 See footnote 12.` — the note that holds the source (a quick fix does this).
 * Ibid. after a see-note is reported by ibid-misuse; loops by see-footnote-cycle.
 */
import { chainEnd, isInCycle, notesByNumber, textAt } from '../query';
import { Finding, Rule } from './rule';

export const seeFootnoteChain: Rule = {
  code: 'see-footnote-chain',
  description: 'A "See footnote N" points at a note that is itself a reference to another note.',
  defaultSeverity: 'warning',
  fixable: true,
  check(model) {
    const byNumber = notesByNumber(model);
    const findings: Finding[] = [];
    for (const note of model.endnotes) {
      const ref = note.seeNote;
      if (!ref || ref.kind !== 'see' || ref.target === null || ref.target === note.number) continue;
      const target = byNumber.get(ref.target)?.[0];
      if (!target?.seeNote || isInCycle(note, byNumber)) continue;
      const chain = chainEnd(target, byNumber);
      const says = `Note ${note.label} says “${textAt(model, ref.range)}”, but note ${target.label} only says “${textAt(model, target.seeNote.range)}”`;
      const message =
        chain.status === 'source' && chain.root
          ? `${says}: point note ${note.label} at note ${chain.root.label}, which holds the source.`
          : chain.status === 'cycle'
            ? `${says}, and that chain runs in a loop: point note ${note.label} at the note that holds the source.`
            : `${says}, and that chain ends at a missing note: point note ${note.label} at the note that holds the source.`;
      findings.push({ range: note.range, message, related: [{ range: target.range, message: `Note ${target.label}` }] });
    }
    return findings;
  },
};
