/**
 * What a position in a brief points at — a marker, a "See footnote N" (or Ibid.), or
 * an endnote's own number — and go to definition from there to the endnote.
 * Hover and references start from the same `noteTargetAt`, so all three agree on
 * what the cursor is on.
 */
import { BriefModel, Endnote, Marker, Position, Range, SeeAlsoReference, containsPosition } from '../model';
import { notesByNumber, textAt } from '../query';

/** The name a note is cited by: its number, or a GFM word label when it has none. */
export interface NoteKey {
  number: number | null;
  label: string;
}

export type NoteTarget =
  | { kind: 'marker'; range: Range; key: NoteKey; marker: Marker }
  | { kind: 'see'; range: Range; key: NoteKey; reference: SeeAlsoReference; inNote: Endnote }
  | { kind: 'note'; range: Range; key: NoteKey; note: Endnote };

/** The span a marker occupies for navigation: its digits when one `<sup>` holds several numbers (`<sup>3, 4</sup>`), else the whole marker. */
export function markerSpan(model: BriefModel, marker: Marker): Range {
  return marker.style === 'sup-html' && textAt(model, marker.range).includes(',') ? marker.labelRange : marker.range;
}

/**
 * The marker, cross-reference or endnote number at a position, or null. Ranges
 * include their end, so a cursor just after `⁴¹` still counts as on it. An Ibid.
 * with no note before it names nothing and is not a target.
 */
export function noteTargetAt(model: BriefModel, position: Position): NoteTarget | null {
  let marker: Marker | undefined;
  for (const candidate of model.markers) {
    if (candidate.range.start.line > position.line) break;
    if (!containsPosition(candidate.range, position)) continue;
    marker ??= candidate;
    if (containsPosition(candidate.labelRange, position)) {
      marker = candidate;
      break;
    }
  }
  if (marker) return { kind: 'marker', range: markerSpan(model, marker), key: { number: marker.number, label: marker.label }, marker };

  for (const note of model.endnotes) {
    if (note.range.start.line > position.line) break;
    if (note.range.end.line < position.line) continue;
    if (containsPosition(note.numberRange, position)) return { kind: 'note', range: note.numberRange, key: keyOf(note), note };
    for (const reference of note.references) {
      if (reference.target === null || !containsPosition(reference.range, position)) continue;
      return { kind: 'see', range: reference.range, key: { number: reference.target, label: String(reference.target) }, reference, inNote: note };
    }
  }
  return null;
}

export function keyOf(note: Endnote): NoteKey {
  return { number: note.number, label: note.label };
}

/** Every note cited by this key: usually one; several when a number is used twice (duplicate-endnote). */
export function notesFor(model: BriefModel, key: NoteKey, byNumber = notesByNumber(model)): readonly Endnote[] {
  if (key.number !== null) return byNumber.get(key.number) ?? [];
  return model.endnotes.filter((note) => note.number === null && note.label === key.label);
}

export interface DefinitionTarget {
  /** What the cursor was on. */
  origin: Range;
  /** The whole endnote. */
  range: Range;
  /** The endnote's number, where the cursor lands. */
  selectionRange: Range;
}

/**
 * From a marker or a "See footnote N" to the note it names. On an endnote's own
 * number the answer is the note itself, which lets an editor offer its references
 * instead (VS Code does this when a definition is its own origin).
 */
export function definitionAt(model: BriefModel, position: Position): DefinitionTarget[] {
  const target = noteTargetAt(model, position);
  if (!target) return [];
  const notes = target.kind === 'note' ? [target.note] : notesFor(model, target.key);
  return notes.map((note) => ({ origin: target.range, range: note.range, selectionRange: note.numberRange }));
}
