/**
 * Find references and document highlight: from a marker, a "See footnote N" or an
 * endnote's number, every place that cites the same note — markers in the body and
 * "See footnote N" / Ibid. inside other notes — plus the note itself.
 */
import { BriefModel, Endnote, Marker, Position, Range, SeeAlsoReference, comparePositions } from '../model';
import { NoteKey, markerSpan, noteTargetAt, notesFor } from './definition';

export type Citation = { kind: 'marker'; range: Range; marker: Marker } | { kind: 'see'; range: Range; reference: SeeAlsoReference; inNote: Endnote };

/** Every marker and every cross-reference that cites the note, in document order. */
export function citationsOf(model: BriefModel, key: NoteKey): Citation[] {
  const sameNote = (number: number | null, label: string) => (key.number !== null ? number === key.number : number === null && label === key.label);
  const citations: Citation[] = model.markers.filter((m) => sameNote(m.number, m.label)).map((marker) => ({ kind: 'marker', range: markerSpan(model, marker), marker }));
  if (key.number === null) return citations;
  for (const note of model.endnotes) {
    for (const reference of note.references) {
      if (reference.target === key.number) citations.push({ kind: 'see', range: reference.kind === 'see' ? reference.targetRange : reference.range, reference, inNote: note });
    }
  }
  // GFM definitions may stand between paragraphs, so markers do not always come before the notes.
  return citations.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

export interface NoteReferences {
  /** The note's number in each note that carries it (more than one when the number is duplicated). */
  declarations: Range[];
  citations: Citation[];
}

/** The references of whatever note the position names, or null when it names none. */
export function referencesAt(model: BriefModel, position: Position): NoteReferences | null {
  const target = noteTargetAt(model, position);
  if (!target) return null;
  return {
    declarations: notesFor(model, target.key).map((note) => note.numberRange),
    citations: citationsOf(model, target.key),
  };
}

/** The ranges find-references lists, declarations first when asked for. */
export function referenceRanges(model: BriefModel, position: Position, includeDeclaration: boolean): Range[] {
  const found = referencesAt(model, position);
  if (!found) return [];
  return [...(includeDeclaration ? found.declarations : []), ...found.citations.map((c) => c.range)];
}

export interface Highlight {
  range: Range;
  /** `write` for the note that defines the number, `read` for each place that cites it. */
  kind: 'read' | 'write';
}

export function highlightsAt(model: BriefModel, position: Position): Highlight[] {
  const found = referencesAt(model, position);
  if (!found) return [];
  return [
    ...found.declarations.map((range): Highlight => ({ range, kind: 'write' })),
    ...found.citations.map((c): Highlight => ({ range: c.range, kind: 'read' })),
  ];
}
