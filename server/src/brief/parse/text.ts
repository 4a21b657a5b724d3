import { memoize } from '../memo';
import { Position, Range } from '../model';

/**
 * Maps between string offsets and LSP positions. Lines break at CRLF, CR and LF,
 * as the LSP specification says, so a document with mixed endings still has the
 * line numbers the editor shows.
 */
export class LineIndex {
  readonly lines: string[];
  /** Offset of the first character of each line. */
  readonly starts: number[];

  constructor(readonly text: string) {
    this.lines = [];
    this.starts = [];
    const lineBreak = /\r\n|\r|\n/g;
    let lineStart = 0;
    let match: RegExpExecArray | null;
    while ((match = lineBreak.exec(text)) !== null) {
      this.starts.push(lineStart);
      this.lines.push(text.slice(lineStart, match.index));
      lineStart = match.index + match[0].length;
    }
    this.starts.push(lineStart);
    this.lines.push(text.slice(lineStart));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    const character = Math.min(clamped - this.starts[low], this.lines[low].length);
    return { line: low, character };
  }

  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.lines.length - 1));
    return this.starts[line] + Math.max(0, Math.min(position.character, this.lines[line].length));
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

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

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
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
