/** Rename on a note number: wherever the number is written — a marker, a note's own number, a "See footnote N". */
import { BriefModel, Position, Range, containsPosition } from '../model';
import { superscriptToNumber } from '../parse/text';
import { Draft } from './edits';
import { RenumberResult, renameNote } from './renumber';

export interface RenameTarget {
  number: number;
  /** The digits as written (for a superscript marker, the superscript run). */
  range: Range;
}

export function renameTargetAt(model: BriefModel, position: Position): RenameTarget | null {
  for (const marker of model.markers) if (marker.number !== null && containsPosition(marker.labelRange, position)) return { number: marker.number, range: marker.labelRange };
  for (const note of model.endnotes) {
    if (note.number !== null && containsPosition(note.numberRange, position)) return { number: note.number, range: note.numberRange };
    for (const ref of note.references) if (ref.kind === 'see' && ref.target !== null && containsPosition(ref.targetRange, position)) return { number: ref.target, range: ref.targetRange };
  }
  return null;
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
