/**
 * Insert Footnote: a marker at the cursor in the brief's own form, a stub note
 * beside the notes cited before it (in their style), and — when the brief was
 * numbered by first appearance — every later marker, note and "See footnote"
 * moved up by one. A brief that was out of order keeps its numbers and the new
 * note takes the next free one (marker-order then offers Renumber), so one
 * keystroke never reshuffles notes the writer did not touch.
 */
import { Position, Range, comparePositions } from '../model';
import { Draft, TextEdit, applyLineEdits, editsBetween } from './edits';
import { STUB_TEXT, markerFor, markerInsertionPoint, markerStyleOf, stubNote } from './notes';
import { Refusal, inFirstAppearanceOrder, rewriteNotes } from './renumber';

export interface FootnoteInsertion {
  ok: true;
  edits: TextEdit[];
  /** The new note's number. */
  number: number;
  /** The stub's placeholder text in the edited document, for the editor to select. */
  selection: Range;
}

export function insertFootnote(draft: Draft, cursor: Position): FootnoteInsertion | Refusal {
  const { model, lineBreak } = draft;
  const point = markerInsertionPoint(model, cursor);
  if ('reason' in point) return { ok: false, reason: point.reason };
  const { at } = point;
  const notes = model.endnotes.filter((n) => n.number !== null);

  let number = 0;
  let lines: string[] | null = null;
  if (inFirstAppearanceOrder(model)) {
    // In order: the new note follows the notes first cited before the cursor, and everything from its number on moves up one.
    const start = notes.reduce((lowest, n) => Math.min(lowest, n.number as number), Infinity);
    const citedBefore = new Set(model.markers.filter((m) => m.number !== null && comparePositions(m.range.start, at) < 0).map((m) => m.number));
    number = (Number.isFinite(start) ? start : 1) + citedBefore.size;
    const shifted = new Map(notes.filter((n) => (n.number as number) >= number).map((n) => [n.number as number, (n.number as number) + 1]));
    const rewritten = rewriteNotes(draft, shifted, notes);
    if (rewritten.ok) lines = rewritten.lines;
  }
  const inPlace = lines !== null;
  if (!lines) {
    // A number nothing uses yet, so the new marker and note pair with each other only.
    number = 1;
    for (const note of model.endnotes) for (const n of [note.number, ...note.references.map((r) => r.target)]) number = Math.max(number, (n ?? 0) + 1);
    for (const marker of model.markers) number = Math.max(number, (marker.number ?? 0) + 1);
    lines = model.lines.slice();
  }
  const key = { number, label: String(number) };
  const style = markerStyleOf(model);
  // Markers before the cursor keep their numbers, so the cursor's column is still right in the renumbered line.
  lines[at.line] = lines[at.line].slice(0, at.character) + markerFor(style, key) + lines[at.line].slice(at.character);
  const stub = stubNote(model, key, style, inPlace ? number - 0.5 : number);
  const offset = stub.lines.findIndex((line) => line.endsWith(STUB_TEXT));
  const stubLine = stub.lines[offset];
  const line = stub.from + offset;
  return {
    ok: true,
    edits: editsBetween(model.lines, applyLineEdits(lines, [stub]), lineBreak),
    number,
    selection: { start: { line, character: stubLine.length - STUB_TEXT.length }, end: { line, character: stubLine.length } },
  };
}
