/** Questions rules and features ask of a model, answered in one place. */
import { BriefModel, Endnote, Marker, Range, Section } from './model';
import { RequiredSection } from './config';
import { normalizeHeading } from './parse/text';

export function notesByNumber(model: BriefModel): Map<number, Endnote[]> {
  const byNumber = new Map<number, Endnote[]>();
  for (const note of model.endnotes) {
    if (note.number === null) continue;
    const list = byNumber.get(note.number);
    if (list) list.push(note);
    else byNumber.set(note.number, [note]);
  }
  return byNumber;
}

/** First note per number (`#12`) and per GFM word label (`:smith`), built once per model: rules look up every marker. */
const noteKeys = new WeakMap<BriefModel, Map<string, Endnote>>();

/** The note a marker or reference names: by number, or by GFM label. */
export function findNote(model: BriefModel, key: { number: number | null; label: string }): Endnote | undefined {
  let byKey = noteKeys.get(model);
  if (!byKey) {
    byKey = new Map();
    for (const note of model.endnotes) {
      const noteKey = note.number !== null ? `#${note.number}` : `:${note.label}`;
      if (!byKey.has(noteKey)) byKey.set(noteKey, note);
    }
    noteKeys.set(model, byKey);
  }
  return byKey.get(key.number !== null ? `#${key.number}` : `:${key.label}`);
}

export type ChainStatus = 'source' | 'missing' | 'cycle';

export interface ChainResolution {
  /** Note numbers visited, starting with the note asked about. */
  path: number[];
  /** The note that holds a source, when the chain ends at one. */
  root: Endnote | null;
  status: ChainStatus;
}

/** Follows "See footnote N" / "Ibid." from a note until a note that holds a source. */
export function resolveChain(model: BriefModel, start: Endnote, byNumber = notesByNumber(model)): ChainResolution {
  const path: number[] = [];
  const seen = new Set<Endnote>();
  let note: Endnote | undefined = start;
  while (note) {
    if (seen.has(note)) return { path, root: null, status: 'cycle' };
    seen.add(note);
    if (note.number !== null) path.push(note.number);
    const target: number | null | undefined = note.seeNote?.target;
    if (!note.seeNote) return { path, root: note, status: 'source' };
    if (target === null || target === undefined) return { path, root: null, status: 'missing' };
    note = byNumber.get(target)?.[0];
    if (!note) {
      path.push(target);
      return { path, root: null, status: 'missing' };
    }
  }
  return { path, root: null, status: 'missing' };
}

/** The marker as written in the text, e.g. `⁴¹`, `[^41]` or `<sup>41</sup>`. */
export function markerText(model: BriefModel, marker: Marker): string {
  const { start, end } = marker.range;
  return start.line === end.line ? model.lines[start.line].slice(start.character, end.character) : marker.label;
}

function headingMatches(section: Section, required: RequiredSection): boolean {
  const heading = normalizeHeading(section.title);
  const names = [required.name, ...(required.aliases ?? [])].map(normalizeHeading);
  if (names.includes(heading)) return true;
  if (!required.matchWithinHeading) return false;
  const words = ` ${heading} `;
  return names.some((name) => words.includes(` ${name} `));
}

export function findRequiredSection(model: BriefModel, required: RequiredSection): Section | undefined {
  return model.sections.find((section) => headingMatches(section, required));
}

export function hasNotes(model: BriefModel): boolean {
  return model.markers.length > 0 || model.endnotes.length > 0;
}

/** The document text inside a single-line range. */
export function textAt(model: BriefModel, range: Range): string {
  if (range.start.line !== range.end.line) return '';
  return model.lines[range.start.line].slice(range.start.character, range.end.character);
}

/** Whether following "See footnote" pointers from this note leads back to it (a note naming itself is self-reference, not a loop). */
export function isInCycle(note: Endnote, byNumber: Map<number, Endnote[]>): boolean {
  const seen = new Set<Endnote>([note]);
  let current = note;
  while (current.seeNote && current.seeNote.target !== null) {
    const next = byNumber.get(current.seeNote.target)?.[0];
    if (!next) return false;
    if (next === note) return current !== note;
    if (seen.has(next)) return false;
    seen.add(next);
    current = next;
  }
  return false;
}
