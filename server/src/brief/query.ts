/** Questions rules and features ask of a model, answered in one place. */
import { BriefModel, Endnote, Marker, Range, Section } from './model';
import { RequiredSection } from './config';
import { normalizeHeading } from './parse/text';

export type NotesByNumber = ReadonlyMap<number, readonly Endnote[]>;

const notesByNumberOf = new WeakMap<BriefModel, NotesByNumber>();

/**
 * The notes under each number, built once per model: several rules ask, and a fix for each of k findings would
 * otherwise build it k times. In a session each rule gets its own view of the model, which records what the rule
 * reads, so each view builds its own and the reading is recorded.
 */
export function notesByNumber(model: BriefModel): NotesByNumber {
  let known = notesByNumberOf.get(model);
  if (!known) {
    const byNumber = new Map<number, Endnote[]>();
    for (const note of model.endnotes) {
      if (note.number === null) continue;
      const list = byNumber.get(note.number);
      if (list) list.push(note);
      else byNumber.set(note.number, [note]);
    }
    notesByNumberOf.set(model, (known = byNumber));
  }
  return known;
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

/**
 * Follows "See footnote N" / "Ibid." from a note until a note that holds a source:
 * the numbers on the way (with the missing one, if the chain breaks), and where it
 * ends as chainEnd, which the rules ask, says.
 */
export function resolveChain(model: BriefModel, start: Endnote, byNumber = notesByNumber(model)): ChainResolution {
  const path: number[] = [];
  const seen = new Set<Endnote>();
  for (let note: Endnote | undefined = start; note && !seen.has(note); note = nextInChain(note, byNumber)) {
    seen.add(note);
    if (note.number !== null) path.push(note.number);
    const target = note.seeNote?.target;
    if (target !== null && target !== undefined && !byNumber.get(target)?.[0]) path.push(target);
  }
  return { path, ...chainEnd(start, byNumber) };
}

/** The marker as written in the text, e.g. `⁴¹`, `[^41]` or `<sup>41</sup>`. */
export function markerText(model: BriefModel, marker: Marker): string {
  const { start, end } = marker.range;
  return start.line === end.line ? model.lines[start.line].slice(start.character, end.character) : marker.label;
}

function headingMatches(section: Section, names: string[], matchWithinHeading: boolean | undefined): boolean {
  const heading = normalizeHeading(section.title);
  if (names.includes(heading)) return true;
  if (!matchWithinHeading) return false;
  const words = ` ${heading} `;
  return names.some((name) => words.includes(` ${name} `));
}

export function findRequiredSection(model: BriefModel, required: RequiredSection): Section | undefined {
  // Normalised once per search, not once per heading: a missing section is looked for under every heading of the brief.
  const names = [required.name, ...(required.aliases ?? [])].map(normalizeHeading);
  return model.sections.find((section) => headingMatches(section, names, required.matchWithinHeading));
}

export function hasNotes(model: BriefModel): boolean {
  return model.markers.length > 0 || model.endnotes.length > 0;
}

/** The document text inside a single-line range. */
export function textAt(model: BriefModel, range: Range): string {
  if (range.start.line !== range.end.line) return '';
  return model.lines[range.start.line].slice(range.start.character, range.end.character);
}

function nextInChain(note: Endnote, byNumber: NotesByNumber): Endnote | undefined {
  const target = note.seeNote?.target;
  return target === null || target === undefined ? undefined : byNumber.get(target)?.[0];
}

/*
 * Rules ask about every note of a chain, and each answer walks the chain: on a brief
 * whose 10,000 notes each say "See footnote N+1" that took minutes. The answers are a
 * property of the notes map, so they are worked out once per map.
 */
const cycleMembers = new WeakMap<NotesByNumber, Set<Endnote>>();
const chainEnds = new WeakMap<NotesByNumber, Map<Endnote, Pick<ChainResolution, 'root' | 'status'>>>();

/** Notes on a loop of two or more "See footnote" pointers, each note visited once. */
function findCycleMembers(byNumber: NotesByNumber): Set<Endnote> {
  const members = new Set<Endnote>();
  const done = new Set<Endnote>();
  for (const notes of byNumber.values()) {
    for (const start of notes) {
      const path: Endnote[] = [];
      const onPath = new Set<Endnote>();
      let note: Endnote | undefined = start;
      while (note && !done.has(note) && !onPath.has(note)) {
        path.push(note);
        onPath.add(note);
        note = nextInChain(note, byNumber);
      }
      if (note && onPath.has(note)) {
        const loop = path.slice(path.indexOf(note));
        if (loop.length > 1) for (const member of loop) members.add(member);
      }
      for (const visited of path) done.add(visited);
    }
  }
  return members;
}

/** Whether following "See footnote" pointers from this note leads back to it (a note naming itself is self-reference, not a loop). */
export function isInCycle(note: Endnote, byNumber: NotesByNumber): boolean {
  let members = cycleMembers.get(byNumber);
  if (!members) cycleMembers.set(byNumber, (members = findCycleMembers(byNumber)));
  return members.has(note);
}

/** The numbers of the notes around the loop that starts at a note on one (see isInCycle), at most `max` of them. */
export function loopNumbers(note: Endnote, byNumber: NotesByNumber, max: number): number[] {
  const numbers: number[] = [];
  let current: Endnote | undefined = note;
  do {
    if (current.number !== null) numbers.push(current.number);
    current = nextInChain(current, byNumber);
  } while (current && current !== note && numbers.length < max);
  return numbers;
}

/** Where resolveChain from this note ends (its root and status, without the path), remembered for every note on the way. */
export function chainEnd(start: Endnote, byNumber: NotesByNumber): Pick<ChainResolution, 'root' | 'status'> {
  let known = chainEnds.get(byNumber);
  if (!known) chainEnds.set(byNumber, (known = new Map()));
  const walked: Endnote[] = [];
  const onWalk = new Set<Endnote>();
  let note = start;
  let end: Pick<ChainResolution, 'root' | 'status'>;
  for (;;) {
    const remembered = known.get(note);
    if (remembered) {
      end = remembered;
      break;
    }
    if (onWalk.has(note)) {
      end = { root: null, status: 'cycle' };
      break;
    }
    walked.push(note);
    onWalk.add(note);
    if (!note.seeNote) {
      end = { root: note, status: 'source' };
      break;
    }
    const next = nextInChain(note, byNumber);
    if (!next) {
      end = { root: null, status: 'missing' };
      break;
    }
    note = next;
  }
  for (const visited of walked) known.set(visited, end);
  return end;
}
