/** Rename on a note number: wherever the number is written — a marker, a note's own number, a "See footnote N". */
import { BriefModel, Position, Range, containsPosition } from '../model';
import { noteTargetAt } from '../features/definition';
import { superscriptToNumber } from '../parse/text';
import { Draft } from './edits';
import { RenumberResult, renameNote } from './renumber';

export interface RenameTarget {
  number: number;
  /** The digits as written (for a superscript marker, the superscript run). */
  range: Range;
}

/** What navigation finds at the cursor, narrowed to where a number is written: a marker's digits, a note's number, the N of "See footnote N". */
export function renameTargetAt(model: BriefModel, position: Position): RenameTarget | null {
  const target = noteTargetAt(model, position);
  if (!target || target.key.number === null) return null;
  const range =
    target.kind === 'marker' ? target.marker.labelRange : target.kind === 'note' ? target.note.numberRange : target.reference.kind === 'see' ? target.reference.targetRange : null;
  return range && containsPosition(range, position) ? { number: target.key.number, range } : null;
}

/** The new number as typed: `12` or `¹²`. */
export function parseNoteNumber(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d{1,5}$/.test(trimmed)) return Number(trimmed);
  if (/^[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,5}$/.test(trimmed)) return superscriptToNumber(trimmed);
  return null;
}

export function renameAt(draft: Draft, position: Position, newName: string): RenumberResult {
  const target = renameTargetAt(draft.model, position);
  if (!target) return { ok: false, reason: 'Place the cursor on a footnote marker, a note’s number or the number in “See footnote N”.' };
  const to = parseNoteNumber(newName);
  if (to === null) return { ok: false, reason: `“${newName}” is not a note number: use a whole number such as 12.` };
  return renameNote(draft, target.number, to);
}
