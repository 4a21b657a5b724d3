/**
 * Fix all (`source.fixAll.policyBrief`): every fix that is safe to apply without
 * asking — joining split URLs, "See footnote N" for a repeated citation, pointing
 * a chained "See footnote" at its source, one style for all notes and markers — and then renumbering when markers or
 * notes are out of order. Stubs, removals and new headings need the writer, so
 * they stay one-at-a-time quick fixes. Rules turned off are not fixed.
 *
 * Each re-check parses only what the fixes changed: the passes share one reuse,
 * forked from the document's session when there is one.
 */
import { parseBrief, severityFor } from '../analyze';
import { BriefConfig } from '../config';
import { RULES } from '../rules';
import { Draft, LineEdit, TextEdit, applyLineEdits, editsBetween } from './edits';
import { ParseReuse } from '../parse/reuse';
import { findingsOf, lineFixesFor } from './quickfix';
import { renumber } from './renumber';

/** In this order: a joined URL can reveal a repeated citation, which can become the root of a chain. */
const SAFE_CODES = ['split-url', 'duplicate-source', 'see-footnote-chain', 'inconsistent-note-format'];
const RENUMBER_CODES = ['marker-order', 'numbering-gap'];
/** Several splits in one note are joined one per pass; no real note has more. */
const MAX_PASSES = 20;

function nonOverlapping(edits: LineEdit[]): LineEdit[] {
  const kept: LineEdit[] = [];
  for (const edit of [...edits].sort((a, b) => a.from - b.from)) {
    const last = kept[kept.length - 1];
    if (!last || edit.from >= last.to + (last.from === last.to ? 1 : 0)) kept.push(edit);
  }
  return kept;
}

/** `reuse` is used up by the re-checks: a fork of the document session's (ParseReuse.fork), never the session's own. */
export function fixAll(draft: Draft, config: BriefConfig, reuse = new ParseReuse()): TextEdit[] {
  const enabled = (code: string) => RULES.some((rule) => rule.code === code && severityFor(rule, config) !== 'off');
  let current = draft;
  for (const code of SAFE_CODES.filter(enabled)) {
    const rule = RULES.find((r) => r.code === code)!;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const fixes = findingsOf(rule, current.model, config).flatMap((finding) => lineFixesFor(current, { code, ...finding }, config).filter((fix) => fix.preferred));
      if (!fixes.length) break;
      const lines = applyLineEdits(current.model.lines, nonOverlapping(fixes.flatMap((fix) => fix.lineEdits)));
      current = { model: parseBrief(lines.join(draft.lineBreak), draft.model.format, reuse), lineBreak: draft.lineBreak };
    }
  }
  const outOfOrder = RULES.some((rule) => RENUMBER_CODES.includes(rule.code) && enabled(rule.code) && rule.check(current.model, config).length > 0);
  const renumbered = outOfOrder ? renumber(current) : null;
  const lines = renumbered?.ok ? renumbered.lines : current.model.lines;
  return editsBetween(draft.model.lines, lines, draft.lineBreak);
}
