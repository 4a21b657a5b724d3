/**
 * split-url — a URL in a note broken across lines (PDF export wraps long URLs, often with a blank line between).
 * Bad:  `<https://example.org/reports/a-year-of-grain` … blank line … `disputes-over-the-delta/.`
 * Good: the URL on one line. The quick fix joins the parts; the model keeps them split so the fix stays visible.
 */
import { Endnote, Range } from '../model';
import { Rule } from './rule';

const URL_START = /<?(?:https?:\/\/|www\.)/;
const CONTINUATION = /^[^\s<>"“”]+/;

export interface SplitUrl {
  note: Endnote;
  /** The first part, as written (with `<` when there is one). */
  first: Range;
  /** The piece on a later line that belongs to the URL. */
  rest: Range;
  firstText: string;
  restText: string;
}

/**
 * Whether the first word on the next line continues a URL: it has a path or query
 * character, a lowercase extension (`.html`, `.org`), or is a lowercase hyphenated
 * slug. Sentence words such as `U.S.`, `e.g.` or `Data-sharing` are not.
 */
function looksLikeUrlPiece(token: string): boolean {
  const bare = token.replace(/[>.,;)]+$/, '');
  return /[/_=%?&#~]|\.[a-z0-9]{2,}/.test(bare) || /^[\p{Ll}\d][\p{Ll}\d]*-[\p{Ll}\d-]+$/u.test(bare);
}

/**
 * The URL that ends a line: from the first URL start in the line's last word to the end.
 * A scan for the last whitespace, because `(?:https?:\/\/|www\.)\S*$` retries from every
 * URL start and takes minutes on a long run of `http://`.
 */
function urlAtEnd(text: string): { url: string; index: number } | null {
  let wordStart = text.length;
  while (wordStart > 0 && !/\s/.test(text[wordStart - 1])) wordStart--;
  const start = URL_START.exec(text.slice(wordStart));
  return start ? { url: text.slice(wordStart + start.index), index: wordStart + start.index } : null;
}

export function findSplitUrls(note: Endnote): SplitUrl[] {
  const found: SplitUrl[] = [];
  for (let i = 0; i + 1 < note.segments.length; i++) {
    const segment = note.segments[i];
    const urlMatch = urlAtEnd(segment.text);
    if (!urlMatch) continue;
    const url = urlMatch.url;
    const unfinished = url.startsWith('<') ? !url.endsWith('>') || url.endsWith('/>') : !/[.;,]$/.test(url);
    if (!unfinished) continue;
    const next = note.segments[i + 1];
    const continuation = CONTINUATION.exec(next.text)?.[0];
    if (!continuation || !looksLikeUrlPiece(continuation)) continue;
    const firstStart = segment.range.start.character + urlMatch.index;
    found.push({
      note,
      first: { start: { line: segment.range.start.line, character: firstStart }, end: { line: segment.range.start.line, character: firstStart + url.length } },
      rest: { start: next.range.start, end: { line: next.range.start.line, character: next.range.start.character + continuation.length } },
      firstText: url,
      restText: continuation,
    });
  }
  return found;
}

export const splitUrl: Rule = {
  code: 'split-url',
  description: 'A URL in a note is broken across lines.',
  defaultSeverity: 'warning',
  fixable: true,
  check(model) {
    return model.endnotes.flatMap((note) =>
      findSplitUrls(note).map((split) => ({
        range: split.first,
        message: `The URL in note ${note.label} is split across lines: “${split.firstText.slice(-30)}” continues on line ${split.rest.start.line + 1} as “${split.restText}”. Join the two parts into one URL.`,
        related: [{ range: split.rest, message: 'Rest of the URL' }],
      })),
    );
  },
};
