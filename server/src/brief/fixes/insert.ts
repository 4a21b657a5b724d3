/**
 * Insert Footnote: a marker at the cursor in the brief's own form, a stub note in
 * its place among the notes, and — when the brief was numbered by first appearance
 * — everything after it renumbered. A brief that was out of order keeps its numbers
 * and the new note takes the next free one (marker-order then offers Renumber), so
 * one keystroke never reshuffles notes the writer did not touch.
 */
import { parseBrief } from '../analyze';
import { Position, Range, comparePositions } from '../model';
import { Draft, TextEdit, applyLineEdits, editsBetween } from './edits';
import { STUB_TEXT, insertMarker, markerFor, markerInsertionPoint, markerStyleOf, stubNote } from './notes';
import { Refusal, renumber } from './renumber';

export interface FootnoteInsertion {
  ok: true;
  edits: TextEdit[];
  /** The new note's number. */
  number: number;
  /** The stub text in the edited document, for the editor to select (null if the parser does not read the stub back as a note). */
  selection: Range | null;
}

export function insertFootnote(draft: Draft, cursor: Position): FootnoteInsertion | Refusal {
  const { model, lineBreak } = draft;
  const point = markerInsertionPoint(model, cursor);
  if ('reason' in point) return { ok: false, reason: point.reason };
  const { at } = point;
  // A number nothing uses yet, so the inserted marker and note pair with each other only.
  let highest = 0;
  for (const note of model.endnotes) for (const n of [note.number, ...note.references.map((r) => r.target)]) highest = Math.max(highest, n ?? 0);
  for (const marker of model.markers) highest = Math.max(highest, marker.number ?? 0);
  const provisional = highest + 1;
  const key = { number: provisional, label: String(provisional) };
  const style = markerStyleOf(model);
  const before = renumber(draft);
  const wasInOrder = before.ok && before.changes.size === 0;
  // In order, the new note will follow the notes first cited before the cursor: put the stub there, beside them and in their style.
  const citedBefore = new Set(model.markers.filter((m) => m.number !== null && comparePositions(m.range.start, at) < 0).map((m) => m.number));
  const start = model.endnotes.reduce((lowest, n) => Math.min(lowest, n.number ?? Infinity), Infinity);
  const placeAs = wasInOrder && Number.isFinite(start) ? start + citedBefore.size - 0.5 : provisional;
  const stub = stubNote(model, key, style, placeAs);
  const inserted: Draft = {
    model: parseBrief(applyLineEdits(model.lines, [insertMarker(model, at, markerFor(style, key)), stub]).join(lineBreak), model.format),
    lineBreak,
  };
  const renumbered = wasInOrder ? renumber(inserted) : null;
  const lines = renumbered?.ok ? renumbered.lines : inserted.model.lines;
  const number = renumbered?.ok ? (renumbered.changes.get(provisional) ?? provisional) : provisional;
  const final = renumbered?.ok ? parseBrief(lines.join(lineBreak), model.format) : inserted.model;
  const stubStart = final.endnotes.find((n) => n.number === number && n.text === STUB_TEXT)?.segments[0].range.start;
  return {
    ok: true,
    edits: editsBetween(model.lines, lines, lineBreak),
    number,
    selection: stubStart ? { start: stubStart, end: { line: stubStart.line, character: stubStart.character + STUB_TEXT.length } } : null,
  };
}
