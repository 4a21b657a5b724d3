import { ByLine, CarryOver, NONE, detached, mapKept } from '../memo';
import { Endnote, Marker, NoteSegment, NoteStyle, SeeAlsoReference, UrlSpan, moveRange, sameRange } from '../model';
import { LineIndex, SEE_REFERENCE, URL_PATTERN, cleanUrl, collapseWhitespace, isBlank, superscriptToNumber } from './text';

/** Half-open offset interval [start, end) that a scan must skip (code, link targets, note text…). */
export type Interval = readonly [number, number];

/**
 * GFM calls, `<sup>` numbers, and superscript digit runs. The alternatives are
 * disjoint and each is linear, so the scan cannot backtrack badly on long runs
 * of `[^`, `<sup>` or `¹`.
 */
const MARKER_PATTERN = /\[\^([^\]\s[^]{1,64})\](?!:)|<sup>[ \t]*(\d{1,5}(?:[ \t]*,[ \t]*\d{1,5}){0,20})[ \t]*<\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gi;

/** `m²`, `km²`, `ft³`: units; `3×10⁹`, `4 x 10⁶`: powers of ten. Not notes. */
const UNIT_BEFORE_SUPERSCRIPT = /(?:^|[^\p{L}])(?:[kcm]?m|ft|in|mi|yd)$|(?:^|[^\d.,])10$/u;

/**
 * Finds every marker between `from` and `to`, skipping the sorted, non-overlapping
 * `excluded` intervals. A superscript run counts only when attached to the text
 * before it (a letter, digit or punctuation, not a space or the start of a line).
 */
export function scanMarkers(index: LineIndex, from: number, to: number, excluded: readonly Interval[]): Marker[] {
  const text = index.text;
  const markers: Marker[] = [];
  let gap = 0;
  MARKER_PATTERN.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = MARKER_PATTERN.exec(text)) !== null && match.index < to) {
    const start = match.index;
    const end = start + match[0].length;
    while (gap < excluded.length && excluded[gap][1] <= start) gap++;
    if (gap < excluded.length && excluded[gap][0] < end) {
      MARKER_PATTERN.lastIndex = Math.max(end, excluded[gap][1]);
      continue;
    }
    if (match[1] !== undefined) {
      const label = match[1];
      const number = /^\d{1,5}$/.test(label) ? Number(label) : null;
      markers.push({ number, label, style: 'gfm', range: index.rangeOf(start, end), labelRange: index.rangeOf(start + 2, end - 1) });
    } else if (match[2] !== undefined) {
      const listStart = start + match[0].indexOf(match[2]);
      const numberPattern = /\d+/g;
      let number: RegExpExecArray | null;
      while ((number = numberPattern.exec(match[2])) !== null) {
        const numberStart = listStart + number.index;
        markers.push({
          number: Number(number[0]),
          label: number[0],
          style: 'sup-html',
          range: index.rangeOf(start, end),
          labelRange: index.rangeOf(numberStart, numberStart + number[0].length),
        });
      }
    } else {
      const before = text.slice(Math.max(0, start - 4), start);
      if (start === 0 || /\s$/.test(before) || UNIT_BEFORE_SUPERSCRIPT.test(before)) continue;
      const run = match[0];
      markers.push({
        number: superscriptToNumber(run),
        label: String(superscriptToNumber(run)),
        style: 'superscript',
        range: index.rangeOf(start, end),
        labelRange: index.rangeOf(start, end),
      });
    }
  }
  return markers;
}

/** Sorts intervals and merges those that overlap, as scanMarkers needs them. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const interval of [...intervals].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && interval[0] <= last[1]) merged[merged.length - 1] = [last[0], Math.max(last[1], interval[1])];
    else merged.push(interval);
  }
  return merged;
}

export function scanUrls(index: LineIndex, from: number, to: number): UrlSpan[] {
  const urls: UrlSpan[] = [];
  const slice = index.text.slice(from, to);
  URL_PATTERN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = URL_PATTERN.exec(slice)) !== null) {
    const url = cleanUrl(match[0]);
    const start = from + match.index + (match[0].startsWith('<') ? 1 : 0);
    urls.push({ url, range: index.rangeOf(start, start + url.length) });
  }
  return urls;
}

/** The same marker `by` lines further down. */
export function moveMarker(marker: Marker, by: number): Marker {
  return { ...marker, range: moveRange(marker.range, by), labelRange: moveRange(marker.labelRange, by) };
}

/** The same URL `by` lines further down. */
export function moveUrl(url: UrlSpan, by: number): UrlSpan {
  return { ...url, range: moveRange(url.range, by) };
}

/** The markers and URLs of one line, on line 0. */
export interface LineSpans {
  markers: readonly Marker[];
  urls: readonly UrlSpan[];
}

const NO_SPANS: LineSpans = { markers: NONE, urls: NONE };

function moveSpans(spans: LineSpans, by: number): LineSpans {
  return spans === NO_SPANS ? spans : { markers: mapKept(spans.markers, (marker) => moveMarker(marker, by)), urls: mapKept(spans.urls, (url) => moveUrl(url, by)) };
}

/** The markers and URLs of a line, placed on that line; most lines have none, and share one record that says so. */
function spansOfLine(text: string, line: number): LineSpans {
  if (!text) return NO_SPANS;
  const index = new LineIndex(text);
  const markers = scanMarkers(index, 0, text.length, []);
  const urls = scanUrls(index, 0, text.length);
  if (!markers.length && !urls.length) return NO_SPANS;
  const spans = { markers: markers.length ? markers : NONE, urls: urls.length ? urls : NONE };
  return line ? moveSpans(spans, line) : spans;
}

/**
 * Markers and URLs of text in which no syntax bounds them (plain text), with markers
 * left out on lines [skipFrom, skipTo). Neither crosses a line break, and a line's
 * start counts as the space before a superscript, so a pass per line finds what one
 * pass over the whole text finds. With `reuse` (a session's) the text is read line by
 * line, and a line that was there in the last version is not scanned again: it keeps
 * its very markers and URLs unless it moved.
 */
export function scanLines(index: LineIndex, skipFrom: number, skipTo: number, reuse?: ByLine<LineSpans>): { markers: Marker[]; urls: UrlSpan[] } {
  if (!reuse) {
    // Nothing to carry over: one pass over the whole text costs a fraction of a pass per line.
    const skipped: Interval[] = skipFrom < skipTo ? [[index.startOf(skipFrom), index.startOf(skipTo)]] : [];
    return { markers: scanMarkers(index, 0, index.text.length, skipped), urls: scanUrls(index, 0, index.text.length) };
  }
  const byLine = reuse.map(index.lines, spansOfLine, moveSpans);
  const markers: Marker[] = [];
  const urls: UrlSpan[] = [];
  byLine.forEach((spans, line) => {
    if (line < skipFrom || line >= skipTo) for (const marker of spans.markers) markers.push(marker);
    for (const url of spans.urls) urls.push(url);
  });
  return { markers, urls };
}

interface NoteStart {
  number: number;
  style: NoteStyle;
  /** Where the note's prefix (`- `, `[`) starts, where the number starts and ends, and where the note's text starts. */
  prefixStart: number;
  numberStart: number;
  numberEnd: number;
  textStart: number;
}

const NOTE_START_PATTERNS: ReadonlyArray<[NoteStyle, RegExp]> = [
  ['dash', /^([ \t]*[-–•*][ \t]+)(\d{1,5})\.?[ \t]+(?=\S)/],
  ['bracket', /^([ \t]*\[)(\d{1,5})\][.:]?[ \t]+(?=\S)/],
  ['dotted', /^([ \t]*)(\d{1,5})[.)][ \t]+(?=\S)/],
  ['bare', /^([ \t]*)(\d{1,5})[ \t]+(?=\S)/],
];

function matchNoteStart(line: string): NoteStart | null {
  for (const [style, pattern] of NOTE_START_PATTERNS) {
    const match = pattern.exec(line);
    if (match) {
      const numberStart = match[1].length;
      const prefixStart = match[1].length - match[1].trimStart().length;
      return { number: Number(match[2]), style, prefixStart, numberStart, numberEnd: numberStart + match[2].length, textStart: match[0].length };
    }
  }
  return null;
}

/** A note's text ends like a finished citation: a full stop, a closing bracket or quote — but not an abbreviation that a number follows (`no.`, `vol.`, `pp.`). */
const FINISHED_NOTE = /[.!?>)\]”"’]$/;
const ABBREVIATION_BEFORE_NUMBER = /\b(?:no|nos|vol|vols|pp?|ed|eds|ch|chap|art|sec|n|nn|fig|tab)\.$/i;

/**
 * Whether a numbered line really opens a new note rather than continuing the one
 * before (a wrapped line may start with a year, a volume or a page number:
 * `…Journal of Water` / `2 (2021): 4–9.`). An out-of-sequence bare or dotted number
 * opens a note only when the note before it reads as finished.
 */
function isPlausibleNoteStart(start: NoteStart, previous: { number: number | null; style: NoteStyle } | undefined, previousText: string | undefined): boolean {
  if (previous === undefined || previous.number === null) return start.number < 1000 || start.style === 'dash' || start.style === 'bracket';
  if (start.number === previous.number + 1) return true;
  if (start.style === 'dash' || start.style === 'bracket') return true;
  if (previousText !== undefined && (!FINISHED_NOTE.test(previousText) || ABBREVIATION_BEFORE_NUMBER.test(previousText))) return false;
  // Past note 999 a four-digit number is a note only going forward: a year opening a wrapped line is more likely than a note numbered backwards.
  return start.number >= 1 && start.number <= previous.number + 50 && (start.number < 1000 || start.number > previous.number);
}

/**
 * Reads numbered endnotes from lines [fromLine, toLine). A note runs until the next
 * note starts: wrapped lines and lines after blank lines (notes broken in two by a
 * PDF export) are joined back to it. Lines for which `skipLine` is true (GFM
 * definitions, code) end the current note and are not read.
 */
export function scanNumberedNotes(
  index: LineIndex,
  fromLine: number,
  toLine: number,
  skipLine: (line: number) => boolean = () => false,
  reuse?: NoteReuse,
): Endnote[] {
  const notes: Endnote[] = [];
  let current: { start: NoteStart; line: number; segments: NoteSegment[] } | null = null;
  let previous: { number: number | null; style: NoteStyle } | undefined;

  const finish = () => {
    if (!current) return;
    notes.push(buildNote(current.start, current.line, current.segments, notes[notes.length - 1], reuse));
    current = null;
  };

  for (let line = fromLine; line < toLine; line++) {
    if (skipLine(line)) {
      finish();
      continue;
    }
    const text = index.lines[line];
    if (isBlank(text)) continue;
    const start = matchNoteStart(text);
    const lastSegment = current ? (current as { segments: NoteSegment[] }).segments.at(-1) : undefined;
    if (start && isPlausibleNoteStart(start, previous, lastSegment?.text)) {
      finish();
      current = { start, line, segments: [{ text: text.slice(start.textStart).trimEnd(), range: lineRange(line, start.textStart, text) }] };
      previous = { number: start.number, style: start.style };
    } else if (current) {
      const indent = text.length - text.trimStart().length;
      (current as { segments: NoteSegment[] }).segments.push({ text: text.trim(), range: lineRange(line, indent, text) });
    }
  }
  finish();
  return notes;
}

function lineRange(line: number, from: number, text: string) {
  return { start: { line, character: from }, end: { line, character: text.trimEnd().length } };
}

function buildNote(start: NoteStart, line: number, segments: NoteSegment[], previous: Endnote | undefined, reuse: NoteReuse | undefined): Endnote {
  const last = segments[segments.length - 1];
  return makeEndnote(
    {
      number: start.number,
      label: String(start.number),
      style: start.style,
      range: { start: { line, character: start.prefixStart }, end: last.range.end },
      numberRange: { start: { line, character: start.numberStart }, end: { line, character: start.numberEnd } },
      segments,
      previous,
    },
    reuse,
  );
}

/** What an endnote is made of, before its text is joined and its references read. */
export type NoteParts = Omit<Endnote, 'text' | 'references' | 'seeNote'>;

type EndnoteParts = NoteParts & { previous: Endnote | undefined };

/** Endnotes built for the previous version, by the line they start on: a note that did not change is the same object. */
export type NoteReuse = CarryOver<Endnote, number>;

/** Whether `note` is what `parts` build: the same number, style, place and lines of text and, if it says Ibid., the same note before it. */
function builtFrom(note: Endnote, parts: EndnoteParts): boolean {
  return (
    note.number === parts.number &&
    note.label === parts.label &&
    note.style === parts.style &&
    sameRange(note.range, parts.range) &&
    sameRange(note.numberRange, parts.numberRange) &&
    note.segments.length === parts.segments.length &&
    note.segments.every((segment, i) => segment.text === parts.segments[i].text && sameRange(segment.range, parts.segments[i].range)) &&
    note.references.every((reference) => reference.kind !== 'ibid' || reference.target === (parts.previous?.number ?? null))
  );
}

/**
 * The note made of `parts`, reused from the previous version when `reuse` has one
 * made of the same. A note kept for later versions gets its own copy of its lines,
 * which must not hold on to this version's text.
 */
export function makeEndnote(parts: EndnoteParts, reuse?: NoteReuse): Endnote {
  if (!reuse) return buildEndnote(parts, parts.segments);
  // Keyed by a number and confirmed in place: writing every note's parts into a string key cost more than the rest of a keystroke's note work.
  return reuse.get(
    parts.range.start.line,
    () => buildEndnote(parts, parts.segments.map((segment) => ({ text: detached(segment.text), range: segment.range }))),
    (note) => builtFrom(note, parts),
  );
}

function buildEndnote(parts: EndnoteParts, segments: NoteSegment[]): Endnote {
  const references = findSeeReferences(segments, parts.previous);
  const text = collapseWhitespace(segments.map((s) => s.text).join(' '));
  const first = references[0];
  const opensWithReference =
    first !== undefined &&
    first.range.start.line === segments[0].range.start.line &&
    first.range.start.character === segments[0].range.start.character + (segments[0].text.length - segments[0].text.trimStart().length);
  const { number, label, style, range, numberRange } = parts;
  return { number, label, style, range, numberRange, segments, text, references, seeNote: opensWithReference ? first : null };
}

function findSeeReferences(segments: NoteSegment[], previous: Endnote | undefined): SeeAlsoReference[] {
  const references: SeeAlsoReference[] = [];
  for (const segment of segments) {
    SEE_REFERENCE.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = SEE_REFERENCE.exec(segment.text)) !== null) {
      const line = segment.range.start.line;
      const base = segment.range.start.character;
      const phrase = match[0].replace(/\.$/, '');
      const range = { start: { line, character: base + match.index }, end: { line, character: base + match.index + phrase.length } };
      const digits = match[1] ?? match[2];
      if (digits === undefined) {
        references.push({ kind: 'ibid', target: previous?.number ?? null, range, targetRange: range });
      } else {
        const digitsStart = base + match.index + match[0].lastIndexOf(digits);
        references.push({
          kind: 'see',
          target: Number(digits),
          range,
          targetRange: { start: { line, character: digitsStart }, end: { line, character: digitsStart + digits.length } },
        });
      }
    }
  }
  return references;
}
