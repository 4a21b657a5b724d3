/**
 * The numbers an editor counts before publishing: words per section, notes per section,
 * sources by outlet and by year, see-notes, and how many sources carry a URL.
 *
 * Words are counted in the body text only, the way a word limit is usually meant: the
 * title, byline, headings, footnote markers and the notes themselves are not words of
 * the brief. A word is a whitespace-separated run holding a letter or digit, as word
 * processors count; Markdown link targets and HTML tags are not words.
 * Each line belongs to exactly one place (before the first heading, or one section's
 * own text), so the per-section counts add up to the total.
 */
import { CitationFields, citedUrl, parseCitation } from '../citation';
import { BriefModel, Endnote, Range, Section } from '../model';
import { countAtMost } from '../parse/text';
import { normalizeCitation } from '../rules/duplicate-source';

export interface SectionStats {
  title: string;
  level: number;
  /** 0-based line of the heading. */
  line: number;
  /** Words in the section's own text, up to its first subsection. */
  words: number;
  /** Words including every subsection: what a section word limit counts. */
  wordsWithSubsections: number;
  /** Marker occurrences from the heading to the next heading. */
  markers: number;
  /** Endnotes starting between the heading and the next heading (the Endnotes section holds them all; GFM definitions sit where they are written). */
  endnotes: number;
}

export interface OutletCount {
  /** As written in the citation; null when no outlet could be recognised. */
  outlet: string | null;
  count: number;
}

export interface YearCount {
  year: number | null;
  count: number;
}

/** Words, markers and notes per section: the part of the statistics that reads no citation. */
export interface SectionCounts {
  /** Body words of the whole brief, notes excluded. */
  words: number;
  /** Text before the first heading (the abstract of a brief without an Executive Summary heading, for instance). */
  preamble: { words: number; markers: number };
  sections: SectionStats[];
}

/** Notes by kind: the part of the statistics that reads no more of a citation than its URL. */
export interface NoteCounts {
  notes: number;
  /** Notes that only point to another note ("See footnote 5.", "Ibid."). */
  seeNotes: number;
  /** Notes that cite a source themselves. */
  sourceNotes: number;
  sourceNotesWithUrl: number;
  /** sourceNotesWithUrl / sourceNotes, or null without source notes. */
  urlShare: number | null;
}

export interface BriefStats extends SectionCounts, NoteCounts {
  /** Marker occurrences in the body. */
  markers: number;
  /** Distinct sources: a source cited in full twice counts once. */
  sources: number;
  sourcesByOutlet: OutletCount[];
  sourcesByYear: YearCount[];
}

/** JavaScript's `\s`, by code unit. */
function isSpace(code: number): boolean {
  if (code <= 127) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * A character scan rather than split + regex per token: the word count runs on every
 * line at each keystroke (two rules and the hover use it), and this is several times faster.
 */
export function countWords(text: string): number {
  let count = 0;
  let wordy = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (wordy) count++;
      wordy = false;
    } else if (!wordy) {
      const lower = code | 32;
      if ((code >= 48 && code <= 57) || (lower >= 97 && lower <= 122)) wordy = true;
      else if (code > 127) {
        const point = text.codePointAt(i)!;
        wordy = LETTER_OR_DIGIT.test(String.fromCodePoint(point));
        if (point > 0xffff) i++;
      }
    }
  }
  return wordy ? count + 1 : count;
}

/** "1 word", "12 words": for messages. */
export function wordCount(count: number): string {
  return `${count} word${count === 1 ? '' : 's'}`;
}

// Bounded, so that a long line of unclosed `](` or `<a` is not rescanned from each one (quadratic).
const LINK_TARGET = /\]\([^)]{0,2048}\)/g;
const HTML_TAG = /<\/?[A-Za-z][^>]{0,1024}>/g;

/**
 * Body words on each line of [from, to); 0 for lines that are not body text (title, byline,
 * headings, notes). Only those lines are read, so that the incremental analysis re-runs a
 * rule that counts one section only when that section changes.
 */
export function lineWordCounts(model: BriefModel, from = 0, to = model.lines.length): number[] {
  const skipped = new Array<boolean>(Math.max(0, to - from)).fill(false);
  const skip = (range: Range) => {
    for (let line = Math.max(range.start.line, from); line <= range.end.line && line < to; line++) skipped[line - from] = true;
  };
  for (const line of [model.title, model.byline]) if (line) skip(line.range);
  for (const section of model.sections) skip(section.headingRange);
  if (model.endnotesSection) skip(model.endnotesSection.range);
  for (const note of model.endnotes) skip(note.range);
  const markersByLine = new Map<number, Range[]>();
  for (const marker of model.markers) {
    const line = marker.range.start.line;
    if (line < from || line >= to) continue;
    const list = markersByLine.get(line);
    if (list) list.push(marker.range);
    else markersByLine.set(line, [marker.range]);
  }
  return skipped.map((isSkipped, i) => {
    if (isSkipped) return 0;
    const line = from + i;
    const text = model.lines[line];
    // Markers become spaces; pieces are joined once, as a 5 MB line can hold thousands of markers.
    const pieces: string[] = [];
    let at = 0;
    for (const range of markersByLine.get(line) ?? []) {
      if (range.end.line !== line || range.start.character < at) continue;
      pieces.push(text.slice(at, range.start.character), ' ');
      at = range.end.character;
    }
    pieces.push(text.slice(at));
    return countWords(pieces.join('').replace(LINK_TARGET, ']').replace(HTML_TAG, ''));
  });
}

function sum(values: number[], from: number, to: number): number {
  let total = 0;
  for (let i = Math.max(0, from); i < Math.min(to, values.length); i++) total += values[i];
  return total;
}

/** The lines [from, to) of a section's text, subsections included. */
export function sectionLines(section: Section): [number, number] {
  return [section.headingRange.start.line + 1, section.range.end.line + 1];
}

export function bodyWords(lineWords: number[]): number {
  return sum(lineWords, 0, lineWords.length);
}

function countBy<K>(keys: K[]): Map<K, number> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

interface SourceNote {
  note: Endnote;
  citation: CitationFields;
}

/** A note repeating an earlier one's full citation is the same source: keep the first. */
function distinct(sources: SourceNote[]): SourceNote[] {
  const seen = new Set<string>();
  return sources.filter(({ note }) => {
    const key = normalizeCitation(note.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const sectionCountsOf = new WeakMap<BriefModel, SectionCounts>();

/**
 * Counted once per model: the status bar asks for the words after each change, and a
 * heading's hover for its section. Markers and notes are counted per section by binary
 * search, as a long brief has thousands of sections and of notes.
 */
export function sectionCounts(model: BriefModel): SectionCounts {
  const known = sectionCountsOf.get(model);
  if (known) return known;
  const lineWords = lineWordCounts(model);
  const ascending = (a: number, b: number) => a - b;
  const markerLines = model.markers.map((m) => m.range.start.line).sort(ascending);
  const noteLines = model.endnotes.map((n) => n.range.start.line).sort(ascending);
  // Lines [from, to): the lines are whole numbers.
  const countIn = (lines: readonly number[], from: number, to: number) => countAtMost(lines, to - 1) - countAtMost(lines, from - 1);
  const headingLines = model.sections.map((s) => s.headingRange.start.line);
  const firstHeading = headingLines[0] ?? model.lines.length;

  const sections = model.sections.map((section, i): SectionStats => {
    const start = headingLines[i];
    const next = headingLines[i + 1] ?? model.lines.length;
    return {
      title: section.title,
      level: section.level,
      line: start,
      words: sum(lineWords, start + 1, next),
      wordsWithSubsections: sum(lineWords, ...sectionLines(section)),
      markers: countIn(markerLines, start, next),
      endnotes: countIn(noteLines, start, next),
    };
  });
  const counts = { words: bodyWords(lineWords), preamble: { words: sum(lineWords, 0, firstHeading), markers: countIn(markerLines, 0, firstHeading) }, sections };
  sectionCountsOf.set(model, counts);
  return counts;
}

/** Cheap enough for a hover on the Endnotes heading: of each citation, only its URL is looked for. */
export function noteCounts(model: BriefModel): NoteCounts {
  const sourceNotes = model.endnotes.filter((note) => !note.seeNote);
  return countNotes(model, sourceNotes.length, sourceNotes.filter((note) => citedUrl(note.text) !== null).length);
}

function countNotes(model: BriefModel, sourceNotes: number, withUrl: number): NoteCounts {
  return {
    notes: model.endnotes.length,
    seeNotes: model.endnotes.length - sourceNotes,
    sourceNotes,
    sourceNotesWithUrl: withUrl,
    urlShare: sourceNotes ? withUrl / sourceNotes : null,
  };
}

export function briefStats(model: BriefModel): BriefStats {
  // The citations are parsed whole here, URL included: noteCounts would look for each URL again.
  const sourceNotes = model.endnotes.filter((note) => !note.seeNote).map((note): SourceNote => ({ note, citation: parseCitation(note.text) }));
  const sources = distinct(sourceNotes);
  const byOutlet = countBy(sources.map((s) => s.citation.outlet));
  const byYear = countBy(sources.map((s) => s.citation.year));

  return {
    ...sectionCounts(model),
    // In the order `stats --json` has always written them.
    markers: model.markers.length,
    ...countNotes(model, sourceNotes.length, sourceNotes.filter((source) => source.citation.url !== null).length),
    sources: sources.length,
    sourcesByOutlet: [...byOutlet]
      .map(([outlet, count]) => ({ outlet, count }))
      .sort((a, b) => b.count - a.count || (a.outlet === null ? 1 : b.outlet === null ? -1 : a.outlet.localeCompare(b.outlet))),
    sourcesByYear: [...byYear].map(([year, count]) => ({ year, count })).sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity)),
  };
}

function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** The statistics as a plain-text report (`policy-brief stats`); headings are indented by level. */
export function formatStats(stats: BriefStats): string[] {
  const rows: [string, number, number, string][] = [];
  if (stats.preamble.words || stats.preamble.markers) rows.push(['(before the first heading)', stats.preamble.words, stats.preamble.markers, '']);
  const topLevel = Math.min(...stats.sections.map((s) => s.level));
  for (const s of stats.sections) {
    const total = s.wordsWithSubsections !== s.words ? `${s.wordsWithSubsections} with subsections` : '';
    rows.push([`${'  '.repeat(s.level - topLevel)}${s.title}`, s.words, s.markers, s.endnotes ? `${total}${total ? ', ' : ''}${s.endnotes} notes` : total]);
  }
  const width = Math.min(60, Math.max(7, ...rows.map((r) => r[0].length)));
  const cell = (text: string) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
  const lines = [
    `Words: ${stats.words} (body text: title, headings, markers and notes not counted)`,
    `Notes: ${stats.notes} (${stats.seeNotes} see-notes, ${stats.sourceNotes} citing a source; ${stats.sourceNotesWithUrl} of those with a URL, ${percent(stats.urlShare)})`,
    `Markers: ${stats.markers}   Distinct sources: ${stats.sources}`,
    '',
    `${cell('Section')}  ${'Words'.padStart(6)}  ${'Markers'.padStart(7)}`,
    ...rows.map(([title, words, markers, note]) => `${cell(title)}  ${String(words).padStart(6)}  ${String(markers).padStart(7)}${note ? `  (${note})` : ''}`),
  ];
  if (stats.sources) {
    lines.push('', 'Sources by outlet:', ...stats.sourcesByOutlet.map((o) => `  ${String(o.count).padStart(3)}  ${o.outlet ?? '(not recognised)'}`));
    lines.push('', 'Sources by year:', ...stats.sourcesByYear.map((y) => `  ${String(y.count).padStart(3)}  ${y.year ?? '(no year)'}`));
  }
  return lines;
}
