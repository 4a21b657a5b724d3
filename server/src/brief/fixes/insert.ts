/**
 * Insert Footnote: a marker at the cursor in the brief's own form, a stub note in
 * its place among the notes, and — when the brief was numbered by first appearance
 * — everything after it renumbered. A brief that was out of order keeps its numbers
 * and the new note takes the next free one (marker-order then offers Renumber), so
 * one keystroke never reshuffles notes the writer did not touch.
 */
import { parseBrief } from '../analyze';
import { Position, Range } from '../model';
import { Draft, TextEdit, applyLineEdits, editsBetween } from './edits';
import { STUB_TEXT, inBodyText, insertMarker, markerFor, markerInsertionPoint, markerStyleOf, stubNote } from './notes';
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
  const at = inBodyText(model, cursor) ? markerInsertionPoint(model, cursor) : null;
  if (!at) return { ok: false, reason: 'Place the cursor in the body text, right after the word or sentence the footnote belongs to.' };
  // A number nothing uses yet, so the inserted marker and note pair with each other only.
  let highest = 0;
  for (const note of model.endnotes) for (const n of [note.number, ...note.references.map((r) => r.target)]) highest = Math.max(highest, n ?? 0);
  for (const marker of model.markers) highest = Math.max(highest, marker.number ?? 0);
  const provisional = highest + 1;
  const key = { number: provisional, label: String(provisional) };
  const style = markerStyleOf(model);
  const stub = stubNote(model, key, style);
  const inserted: Draft = {
    model: parseBrief(applyLineEdits(model.lines, [insertMarker(model, at, markerFor(style, key)), stub.edit]).join(lineBreak), model.format),
    lineBreak,
  };
  const wasInOrder = (() => {
    const before = renumber(draft);
    return before.ok && before.changes.size === 0;
  })();
  const renumbered = wasInOrder ? renumber(inserted) : null;
  const lines = renumbered?.ok ? renumbered.lines : inserted.model.lines;
  const number = renumbered?.ok ? (renumbered.changes.get(provisional) ?? provisional) : provisional;
  const final = renumbered?.ok ? parseBrief(lines.join(lineBreak), model.format) : inserted.model;
  const start = final.endnotes.find((n) => n.number === number && n.text === STUB_TEXT)?.segments[0].range.start;
  return {
    ok: true,
    edits: editsBetween(model.lines, lines, lineBreak),
    number,
    selection: start ? { start, end: { line: start.line, character: start.character + STUB_TEXT.length } } : null,
  };
}
