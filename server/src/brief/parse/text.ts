import { detached, memoize } from '../memo';
import { Position, Range } from '../model';

/** How many of `sorted` (ascending) are at most `value`: a binary search. */
export function countAtMost(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index of the last of `sorted` (ascending, its first at most `value`) that is at most `value`. */
export function lastAtMost(sorted: readonly number[], value: number): number {
  return Math.max(0, countAtMost(sorted, value) - 1);
}

/** The lines of `text[from, to)` and the offsets where they start; the piece after the last break is a line too. */
function splitLines(text: string, from: number, to: number, copy: boolean): { lines: string[]; starts: number[] } {
  const lines: string[] = [];
  const starts: number[] = [];
  const cut = copy ? (start: number, end: number) => detached(text.slice(start, end)) : (start: number, end: number) => text.slice(start, end);
  let lineStart = from;
  const carriageReturn = text.indexOf('\r', from);
  if (carriageReturn < 0 || carriageReturn >= to) {
    // Only LF: indexOf finds breaks several times faster than a pattern does.
    for (let lineFeed = text.indexOf('\n', from); lineFeed >= 0 && lineFeed < to; lineFeed = text.indexOf('\n', lineStart)) {
      starts.push(lineStart);
      lines.push(cut(lineStart, lineFeed));
      lineStart = lineFeed + 1;
    }
  } else {
    const lineBreak = /\r\n|\r|\n/g;
    lineBreak.lastIndex = from;
    let match: RegExpExecArray | null;
    while ((match = lineBreak.exec(text)) !== null && match.index < to) {
      starts.push(lineStart);
      lines.push(cut(lineStart, match.index));
      lineStart = match.index + match[0].length;
    }
  }
  starts.push(lineStart);
  lines.push(cut(lineStart, to));
  return { lines, starts };
}

/**
 * Maps between string offsets and LSP positions. Lines break at CRLF, CR and LF,
 * as the LSP specification says, so a document with mixed endings still has the
 * line numbers the editor shows.
 */
export class LineIndex {
  readonly lines: string[];
  /** Offset of the first character of each line. */
  readonly starts: number[];

  constructor(
    readonly text: string,
    split: { lines: string[]; starts: number[] } = splitLines(text, 0, text.length, false),
  ) {
    this.lines = split.lines;
    this.starts = split.starts;
  }

  /**
   * The index of `text`, a later version of `previous.text`: the lines before and after
   * the part that changed are taken over as they are (the very same strings, so that
   * comparing them is immediate), only the lines in between are cut again. The lines
   * cut are copies, so that they do not hold on to this version's text.
   */
  static following(previous: LineIndex, text: string): LineIndex {
    const old = previous.text;
    if (old === text) return previous;
    const oldStarts = previous.starts;
    const count = oldStarts.length;
    const same = (a: number, b: number, offsetInText: number) => old.slice(a, b) === text.slice(a + offsetInText, b + offsetInText);
    // Lines [0, low) and their breaks are the same. Each step compares only what lies past the part already known equal.
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (same(oldStarts[low], oldStarts[mid], 0)) low = mid;
      else high = mid - 1;
    }
    // One line is given up on each side: a line break next to the edit may have become (or stopped being) one CRLF.
    const keptBefore = Math.max(0, low - 1);
    const regionStart = oldStarts[keptBefore];
    const shift = text.length - old.length;
    // Lines [high, count) are the same at the end. In repetitive text (a run of blank lines) the same ending could reach back
    // over the kept beginning; it is not allowed to, so that the two never overlap and the region between is never negative.
    low = keptBefore + 1;
    high = count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (oldStarts[mid] + shift >= regionStart && same(oldStarts[mid], previous.startOf(high), shift)) high = mid;
      else low = mid + 1;
    }
    const keptFrom = Math.min(count, high + 1);
    const regionEnd = previous.startOf(keptFrom) + shift;
    const middle = splitLines(text, regionStart, regionEnd, true);
    if (keptFrom < count) {
      // The region ends with the break before the first kept line: the empty piece after it is that line's start, not a line.
      middle.lines.pop();
      middle.starts.pop();
    }
    const lines = previous.lines.slice(0, keptBefore).concat(middle.lines, previous.lines.slice(keptFrom));
    const starts = oldStarts.slice(0, keptBefore).concat(middle.starts);
    for (let line = keptFrom; line < count; line++) starts.push(oldStarts[line] + shift);
    return new LineIndex(text, { lines, starts });
  }

  /** The offset where `line` starts; past the last line, the end of the text. */
  startOf(line: number): number {
    return line < this.starts.length ? this.starts[line] : this.text.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = lastAtMost(this.starts, clamped);
    const character = Math.min(clamped - this.starts[line], this.lines[line].length);
    return { line, character };
  }

  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.lines.length - 1));
    return this.starts[line] + Math.max(0, Math.min(position.character, this.lines[line].length));
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
}

export const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function superscriptToNumber(run: string): number {
  let value = 0;
  for (const ch of run) value = value * 10 + SUPERSCRIPT_DIGITS.indexOf(ch);
  return value;
}

export function numberToSuperscript(value: number): string {
  return String(value).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]);
}

/** "By Jane Doe", "BY JANE DOE": a byline. Case-sensitive on purpose: with the `i` flag `\p{Lu}` would match "By the end of 2030…" too. */
export const BYLINE = /^\s*(?:by|By|BY)\s+\p{Lu}/u;

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Whitespace other than a single space: what collapseWhitespace has to replace. */
const UNCOLLAPSED = /[^\S ]| {2}/;

export function collapseWhitespace(text: string): string {
  // Most texts (note lines already trimmed and joined with a space) have nothing to collapse: testing allocates nothing.
  return (UNCOLLAPSED.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** Lowercase, letters and digits only, single spaces: the form in which headings are compared to section names. */
export const normalizeHeading = memoize(function normalizeHeading(title: string): string {
  return title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '')
    .replace(/^\s*(?:\d+(?:\.\d+)*|[ivxlc]+)[.)]\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
});

/** URLs as written in notes: `<https://…>`, bare `https://…` or `www.…`. */
export const URL_PATTERN = /<(?:https?:\/\/|www\.)[^\s<>]*>?|(?:https?:\/\/|www\.)[^\s<>]+/g;

/** The URL inside a match of URL_PATTERN, without angle brackets, or the sentence punctuation and footnote marker after it (`…/report.¹`). */
export function cleanUrl(raw: string): string {
  if (raw.startsWith('<')) return raw.slice(1).replace(/>$/, '');
  let url = raw;
  for (;;) {
    const trimmed = url.replace(/[.,;:\]”’"'⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '');
    // A closing parenthesis belongs to the URL when it balances one inside it (…/wiki/Treaty_(1969)).
    const unbalanced = trimmed.endsWith(')') && countOf(trimmed, '(') < countOf(trimmed, ')');
    url = unbalanced ? trimmed.slice(0, -1) : trimmed;
    if (!unbalanced) return url;
  }
}

function countOf(text: string, ch: string): number {
  let count = 0;
  for (const c of text) if (c === ch) count++;
  return count;
}

/**
 * "See footnote 5", "see also note 5", "See endnote 5", "See n. 5", "See notes 5" and "Ibid."
 * The number is group 1 (see-forms) and group 2 (n.-form); "Ibid" has neither.
 */
export const SEE_REFERENCE = /\b(?:see(?:\s+also)?\s+(?:foot|end)?notes?\s+(\d{1,5})|see(?:\s+also)?\s+nn?\.\s*(\d{1,5})|ibid\b\.?)/gi;
