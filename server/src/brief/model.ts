/**
 * The brief model: what a policy brief is made of, with LSP-style positions
 * (0-based line, UTF-16 character) so that every consumer — rules, features,
 * fixes, the LSP adapter and the CLI — can use ranges without conversion.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type BriefFormat = 'markdown' | 'plaintext';

/** How a footnote marker is written in the body. */
export type MarkerStyle = 'superscript' | 'gfm' | 'sup-html';

/** How an endnote's number is written at the start of the note. */
export type NoteStyle = 'dash' | 'dotted' | 'bare' | 'bracket' | 'gfm';

/** A footnote call in the body text: `¹²`, `[^12]` or `<sup>12</sup>`. */
export interface Marker {
  /** The note number, or null for a GFM word label such as `[^smith2020]`. */
  number: number | null;
  /** The label as written (`12`, `smith2020`). */
  label: string;
  style: MarkerStyle;
  /** The whole marker, e.g. `[^12]` or `<sup>12</sup>`. */
  range: Range;
  /** Only the digits (or the label) inside the marker. */
  labelRange: Range;
}

/** "See footnote 5", "See note 5", "See n. 5" or "Ibid." inside an endnote. */
export interface SeeAlsoReference {
  kind: 'see' | 'ibid';
  /** The note number referred to; for Ibid. the preceding note's number (null when there is none). */
  target: number | null;
  /** The whole phrase, e.g. `See footnote 5`. */
  range: Range;
  /** The number inside the phrase; for Ibid. the word itself. */
  targetRange: Range;
}

/** One physical line of an endnote's text, with where it sits in the document. */
export interface NoteSegment {
  text: string;
  range: Range;
}

export interface Endnote {
  /** The note number, or null for a GFM word label. */
  number: number | null;
  label: string;
  style: NoteStyle;
  /** From the note's number to the end of its last line of text. */
  range: Range;
  /** The number (or GFM label) that opens the note. */
  numberRange: Range;
  /** The note's text joined into one line, whitespace collapsed. */
  text: string;
  /** Each physical line of the note's text, in order (notes can wrap and break across blank lines). */
  segments: NoteSegment[];
  /** Every cross-reference inside the note. */
  references: SeeAlsoReference[];
  /** When the note is itself only a pointer ("See footnote 5.", "Ibid."): that reference. */
  seeNote: SeeAlsoReference | null;
}

export interface Section {
  title: string;
  /** 1 = top level. Markdown: the heading depth; plain text: see parse/plaintext.ts. */
  level: number;
  headingRange: Range;
  /** From the heading to the end of the section's last line (subsections included). */
  range: Range;
  /** True when nothing but blank lines stands between the heading and the next heading (that is not a subsection). */
  empty: boolean;
}

export interface Link {
  text: string;
  target: string;
  range: Range;
}

/** A URL written out in the text (bare, `<…>` or a Markdown link target). */
export interface UrlSpan {
  url: string;
  range: Range;
}

export interface TextLine {
  text: string;
  range: Range;
}

export interface BriefModel {
  format: BriefFormat;
  /** The document's lines without their line breaks (CR, LF and CRLF all break lines). */
  lines: string[];
  title: TextLine | null;
  byline: TextLine | null;
  sections: Section[];
  /** The section holding the notes, when there is one. */
  endnotesSection: Section | null;
  /** Every marker occurrence in reading order. */
  markers: Marker[];
  /** Notes in document order. */
  endnotes: Endnote[];
  links: Link[];
  urls: UrlSpan[];
  /** The first non-blank line of body text after the title and byline, if any (where a summary usually starts). */
  firstParagraph: TextLine | null;
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/** The same position `by` lines further down. */
function movePosition(p: Position, by: number): Position {
  return { line: p.line + by, character: p.character };
}

/** The same range `by` lines further down. */
export function moveRange(r: Range, by: number): Range {
  return { start: movePosition(r.start, by), end: movePosition(r.end, by) };
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function containsPosition(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}
