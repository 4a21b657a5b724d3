/**
 * Writing new notes and markers the way the brief already writes them: a stub
 * note copies the prefix of its neighbour (`- 12 `, `12. `, `[^12]: `) and the
 * blank lines between notes; a new marker takes the brief's most common form.
 */
import { BriefModel, Endnote, Marker, MarkerStyle, Position, sameRange } from '../model';
import { isBlank, numberToSuperscript } from '../parse/text';
import { LineEdit } from './edits';

/** The placeholder a new note starts with; the editor selects it so that typing replaces it. */
export const STUB_TEXT = 'TODO: add the source.';

export function markerStyleOf(model: BriefModel): MarkerStyle {
  const counts = new Map<MarkerStyle, number>();
  for (const marker of model.markers) counts.set(marker.style, (counts.get(marker.style) ?? 0) + 1);
  let best: MarkerStyle | null = null;
  for (const [style, count] of counts) if (best === null || count > counts.get(best)!) best = style;
  if (best) return best;
  return model.endnotes.some((note) => note.style === 'gfm') ? 'gfm' : 'superscript';
}

export function markerFor(style: MarkerStyle, key: { number: number | null; label: string }): string {
  if (key.number === null || style === 'gfm') return `[^${key.label}]`;
  return style === 'superscript' ? numberToSuperscript(key.number) : `<sup>${key.number}</sup>`;
}

const BODY_ONLY = 'Place the cursor in the body text, right after the word or sentence the footnote belongs to.';

/**
 * Where a marker typed at `position` can go: in body text, right after the word
 * before it (a superscript after a space is not read as a marker), never inside a
 * number or next to another superscript, which would merge with it. Otherwise the
 * reason, for the writer.
 */
export function markerInsertionPoint(model: BriefModel, position: Position): { at: Position } | { reason: string } {
  const line = model.lines[position.line];
  if (line === undefined || !inBodyText(model, position)) return { reason: BODY_ONLY };
  let character = Math.min(position.character, line.length);
  while (character > 0 && /[ \t]/.test(line[character - 1])) character--;
  if (character === 0) return { reason: BODY_ONLY };
  const touching = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.exec(line.slice(0, character))?.[0] ?? /^[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+/.exec(line.slice(character))?.[0];
  if (touching) return { reason: `A marker here would run into “${touching}” and read as one number: place the cursor after a word.` };
  return { at: { line: position.line, character } };
}

/** Whether a position is in the body text: not on a heading, not inside a note. */
function inBodyText(model: BriefModel, position: Position): boolean {
  if (model.sections.some((s) => s.headingRange.start.line === position.line)) return false;
  if (model.title && model.title.range.start.line <= position.line && position.line <= model.title.range.end.line) return false;
  if (model.endnotes.some((n) => n.range.start.line <= position.line && position.line <= n.range.end.line)) return false;
  const notes = model.endnotesSection;
  return !(notes && model.endnotes.some((n) => n.style !== 'gfm') && notes.range.start.line <= position.line && position.line <= notes.range.end.line);
}

/** The blank lines that separate a note from its neighbour in the list (one when it has none). */
function gapAround(model: BriefModel, note: Endnote): number {
  const list = model.endnotes;
  const i = list.indexOf(note);
  const [a, b] = i + 1 < list.length ? [note, list[i + 1]] : i > 0 ? [list[i - 1], note] : [null, null];
  if (!a || !b) return 1;
  const between = model.lines.slice(a.range.end.line + 1, b.range.start.line);
  return between.every(isBlank) ? Math.min(between.length, 1) : 1;
}

/** A note's opening (`- 12 `, `[^12]: `) with another number or label in it. */
function prefixLike(model: BriefModel, note: Endnote, key: { number: number | null; label: string }): string {
  const line = model.lines[note.range.start.line];
  const textStart = note.segments[0].range.start.line === note.range.start.line ? note.segments[0].range.start.character : line.length;
  const label = key.number === null ? key.label : String(key.number);
  const before = line.slice(note.range.start.character, note.numberRange.start.character);
  const after = line.slice(note.numberRange.end.character, textStart);
  return before + label + (after.trim() === '' ? ' ' : after);
}

function blanks(count: number): string[] {
  return Array.from({ length: count }, () => '');
}

/**
 * A stub note for `key`: after the nearest note numbered below `placeAs` (by
 * default the key's own number), else before the nearest one above, else after
 * the last GFM definition (word labels), else at the end of the Endnotes, else
 * under a new Endnotes heading at the end.
 */
export function stubNote(model: BriefModel, key: { number: number | null; label: string }, markerStyle: MarkerStyle, placeAs = key.number): LineEdit {
  const numbered = model.endnotes.filter((n) => n.number !== null);
  const text = STUB_TEXT;
  const place = (at: number, lines: string[]): LineEdit => ({ from: at, to: at, lines });
  if (placeAs !== null && numbered.length) {
    const lower = numbered.filter((n) => (n.number as number) < placeAs).sort((a, b) => (b.number as number) - (a.number as number))[0];
    const anchor = lower ?? numbered.filter((n) => (n.number as number) > placeAs).sort((a, b) => (a.number as number) - (b.number as number))[0];
    if (anchor) {
      const prefix = prefixLike(model, anchor, key);
      const gap = blanks(gapAround(model, anchor));
      return lower ? place(anchor.range.end.line + 1, [...gap, prefix + text]) : place(anchor.range.start.line, [prefix + text, ...gap]);
    }
  }
  const gfm = model.endnotes.filter((n) => n.style === 'gfm');
  if (key.number === null || markerStyle === 'gfm' || (gfm.length && !numbered.length)) {
    const prefix = `[^${key.number === null ? key.label : key.number}]: `;
    const last = gfm[gfm.length - 1];
    if (last) return place(last.range.end.line + 1, ['', prefix + text]);
    const at = endOfText(model);
    return place(at, [...(at > 0 ? [''] : []), prefix + text]);
  }
  const prefix = model.format === 'markdown' ? `${key.number}. ` : `${key.number} `;
  const section = model.endnotesSection;
  if (section) return place(section.range.end.line + 1, ['', prefix + text]);
  const at = endOfText(model);
  const heading = model.format === 'markdown' ? '## Endnotes' : 'Endnotes';
  const lead = at > 0 ? [''] : [];
  return place(at, [...lead, heading, '', prefix + text]);
}

/** The line after the last non-blank line: where appended text goes, before any trailing blank lines. */
function endOfText(model: BriefModel): number {
  let at = model.lines.length;
  while (at > 0 && isBlank(model.lines[at - 1])) at--;
  return at;
}

/** A one-line edit inserting a marker. */
export function insertMarker(model: BriefModel, at: Position, text: string): LineEdit {
  const line = model.lines[at.line];
  return { from: at.line, to: at.line + 1, lines: [line.slice(0, at.character) + text + line.slice(at.character)] };
}

export function markerAt(model: BriefModel, range: { start: Position; end: Position }): Marker | undefined {
  return model.markers.find((m) => sameRange(m.range, range));
}
