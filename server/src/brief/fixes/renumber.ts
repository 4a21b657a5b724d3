/**
 * Lossless renumbering: markers, endnotes and every "See footnote N" get new
 * numbers together, and endnotes are reordered as whole lines, so the only text
 * that changes is digits. Anything that would make the result a guess — two notes
 * with one number, a marker or "See footnote" naming a note that does not exist,
 * an "Ibid." that would land after a different note — refuses instead, and says
 * what to fix first.
 */
import { BriefModel, Endnote, Marker } from '../model';
import { markerText, notesByNumber, textAt } from '../query';
import { numberToSuperscript } from '../parse/text';
import { Draft, TextEdit, editsBetween, replaceInLine } from './edits';

export type Refusal = { ok: false; reason: string };

export interface Renumbering {
  ok: true;
  /** The edits, for the editor. */
  edits: TextEdit[];
  /** The document's lines after renumbering. */
  lines: string[];
  /** Old number → new number, for every note whose number changes. */
  changes: Map<number, number>;
}

export type RenumberResult = Renumbering | Refusal;

function refuse(reason: string): Refusal {
  return { ok: false, reason };
}

function numbered(model: BriefModel): Endnote[] {
  return model.endnotes.filter((note) => note.number !== null);
}

/** The marker as it would be written with another number, keeping its form (`¹²`, `[^12]`, `<sup>12</sup>`). */
function markerReplacement(marker: Marker, number: number): { start: number; end: number; text: string } {
  const range = marker.style === 'superscript' ? marker.range : marker.labelRange;
  return { start: range.start.character, end: range.end.character, text: marker.style === 'superscript' ? numberToSuperscript(number) : String(number) };
}

/** Why the notes cannot be renumbered without guessing, or null when they can. */
function ambiguity(model: BriefModel): string | null {
  const byNumber = notesByNumber(model);
  for (const [number, notes] of byNumber) {
    if (notes.length > 1) {
      const lines = notes.map((n) => n.range.start.line + 1).join(' and ');
      return `Cannot renumber: there are ${notes.length} notes numbered ${number} (lines ${lines}), so markers citing ${number} could mean either. Give each note its own number first.`;
    }
  }
  for (const marker of model.markers) {
    if (marker.number !== null && !byNumber.has(marker.number)) {
      return `Cannot renumber: marker ${markerText(model, marker)} on line ${marker.range.start.line + 1} cites note ${marker.number}, which does not exist. Add the note or remove the marker first.`;
    }
  }
  for (const note of model.endnotes) {
    for (const ref of note.references) {
      if (ref.kind === 'see' && ref.target !== null && !byNumber.has(ref.target)) {
        return `Cannot renumber: note ${note.label} says “${textAt(model, ref.range)}”, but there is no note ${ref.target}. Correct the reference first.`;
      }
    }
  }
  return null;
}

/**
 * New numbers by first appearance: each note takes the next number when a marker
 * first cites it, counting from the brief's own lowest note number (a chapter
 * whose notes start at 67 stays at 67). Notes no marker cites follow, in
 * document order, so the unreferenced-endnote warning still points at them.
 */
function firstAppearanceNumbers(model: BriefModel): Map<number, number> {
  const notes = numbered(model);
  const numbers = new Map<number, number>();
  if (!notes.length) return numbers;
  let next = notes.reduce((lowest, n) => Math.min(lowest, n.number as number), Infinity);
  for (const marker of model.markers) if (marker.number !== null && !numbers.has(marker.number)) numbers.set(marker.number, next++);
  for (const note of notes) if (!numbers.has(note.number as number)) numbers.set(note.number as number, next++);
  return numbers;
}

/**
 * Rewrites the document: markers and references through `numbers`, and the
 * numbered notes' lines placed, in `order`, into the line slots the numbered notes
 * occupied (what lies between notes stays where it is).
 */
export function rewriteNotes(draft: Draft, numbers: ReadonlyMap<number, number>, order: readonly Endnote[]): RenumberResult {
  const { model } = draft;
  const renumber = (n: number) => numbers.get(n) ?? n;
  const slots = numbered(model).sort((a, b) => a.range.start.line - b.range.start.line);
  for (let i = 1; i < slots.length; i++) {
    if (slots[i].range.start.line <= slots[i - 1].range.end.line) {
      return refuse(`Cannot renumber: notes ${slots[i - 1].label} and ${slots[i].label} share line ${slots[i].range.start.line + 1}. Put each note on its own line first.`);
    }
  }
  const ibidProblem = movedIbid(model, slots, order);
  if (ibidProblem) return refuse(ibidProblem);

  const lines = model.lines.slice();
  const markersByLine = new Map<number, Marker[]>();
  for (const marker of model.markers) {
    if (marker.number === null || renumber(marker.number) === marker.number) continue;
    const list = markersByLine.get(marker.range.start.line);
    if (list) list.push(marker);
    else markersByLine.set(marker.range.start.line, [marker]);
  }
  for (const [line, markers] of markersByLine) lines[line] = replaceInLine(lines[line], markers.map((m) => markerReplacement(m, renumber(m.number as number))));

  const out: string[] = [];
  let next = 0;
  slots.forEach((slot, i) => {
    for (; next < slot.range.start.line; next++) out.push(lines[next]);
    out.push(...noteLines(model, order[i], renumber));
    next = slot.range.end.line + 1;
  });
  for (; next < lines.length; next++) out.push(lines[next]);

  const changes = new Map([...numbers].filter(([from, to]) => from !== to));
  return { ok: true, lines: out, changes, edits: editsBetween(model.lines, out, draft.lineBreak) };
}

/** A note's whole lines with its own number and its "See footnote" numbers rewritten. */
function noteLines(model: BriefModel, note: Endnote, renumber: (n: number) => number): string[] {
  const first = note.range.start.line;
  const block = model.lines.slice(first, note.range.end.line + 1);
  const replacements = new Map<number, { start: number; end: number; text: string }[]>();
  const add = (line: number, start: number, end: number, from: number) => {
    if (renumber(from) === from) return;
    const list = replacements.get(line) ?? [];
    list.push({ start, end, text: String(renumber(from)) });
    replacements.set(line, list);
  };
  add(note.numberRange.start.line, note.numberRange.start.character, note.numberRange.end.character, note.number as number);
  for (const ref of note.references) {
    if (ref.kind === 'see' && ref.target !== null) add(ref.targetRange.start.line, ref.targetRange.start.character, ref.targetRange.end.character, ref.target);
  }
  for (const [line, list] of replacements) block[line - first] = replaceInLine(block[line - first], list);
  return block;
}

/** An "Ibid." means the note just before it: refuse when the new order would put a different note (or none) there. */
function movedIbid(model: BriefModel, slots: readonly Endnote[], order: readonly Endnote[]): string | null {
  const slotIndex = new Map(slots.map((note, i) => [note, i]));
  const after = model.endnotes.map((note) => (slotIndex.has(note) ? order[slotIndex.get(note)!] : note));
  const before = new Map(model.endnotes.map((note, i) => [note, model.endnotes[i - 1]]));
  for (let i = 0; i < after.length; i++) {
    const note = after[i];
    const ibid = note.references.find((ref) => ref.kind === 'ibid');
    if (!ibid || before.get(note) === after[i - 1]) continue;
    const previous = before.get(note);
    const advice = previous ? `replace it with “See footnote ${previous.label}.”` : 'replace it with the source it stands for.';
    return `Cannot renumber: note ${note.label} says “${textAt(model, ibid.range)}”, which means the note just before it, and renumbering would put a different note there. First ${advice}`;
  }
  return null;
}

/** Whether Renumber would change nothing: unambiguous, numbered by first appearance, notes listed in that order. */
export function inFirstAppearanceOrder(model: BriefModel): boolean {
  if (ambiguity(model)) return false;
  if ([...firstAppearanceNumbers(model)].some(([from, to]) => from !== to)) return false;
  const notes = numbered(model);
  return notes.every((note, i) => i === 0 || (notes[i - 1].number as number) < (note.number as number));
}

/** Renumber Footnotes: markers by first appearance, endnotes reordered to match, every "See footnote N" rewritten. */
export function renumber(draft: Draft): RenumberResult {
  const problem = ambiguity(draft.model);
  if (problem) return refuse(problem);
  const numbers = firstAppearanceNumbers(draft.model);
  const order = numbered(draft.model).sort((a, b) => numbers.get(a.number as number)! - numbers.get(b.number as number)!);
  return rewriteNotes(draft, numbers, order);
}

/**
 * Gives one note another number: its markers, its own number and every "See
 * footnote" to it change, and the note moves to its place in numerical order.
 * Refuses when the number is already used by a note, a marker or a reference.
 */
export function renameNote(draft: Draft, from: number, to: number): RenumberResult {
  const { model } = draft;
  if (!Number.isInteger(to) || to < 0 || to > 99999) return refuse(`“${to}” is not a note number: use a whole number such as 12.`);
  const byNumber = notesByNumber(model);
  const notes = byNumber.get(from) ?? [];
  if (notes.length !== 1) return refuse(notes.length ? `There are ${notes.length} notes numbered ${from}: give each its own number first.` : `There is no note ${from} to renumber.`);
  if (to === from) return { ok: true, edits: [], lines: model.lines.slice(), changes: new Map() };
  const taken =
    byNumber.has(to) ||
    model.markers.some((m) => m.number === to) ||
    model.endnotes.some((n) => n.references.some((r) => r.kind === 'see' && r.target === to));
  if (taken) return refuse(`Note number ${to} is already taken: ${byNumber.has(to) ? `there is a note ${to}` : `the text already cites ${to}`}. Choose a free number, or renumber all footnotes.`);
  const others = numbered(model).filter((n) => n !== notes[0]);
  const at = others.findIndex((n) => (n.number as number) > to);
  const order = at < 0 ? [...others, notes[0]] : [...others.slice(0, at), notes[0], ...others.slice(at)];
  return rewriteNotes(draft, new Map([[from, to]]), order);
}
