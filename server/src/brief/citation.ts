/**
 * Reads the parts of a citation out of an endnote's text: who wrote it, what it is
 * called, where and when it appeared, and how to find it. Used by the hover (which
 * shows the parts) and by the `incomplete-citation` rule (which reports a missing one),
 * so both agree on what a note contains.
 *
 * Recognised shapes (tuned on real briefs pasted from PDFs and word processors):
 * - notes-bibliography (Chicago): `Author, “Title,” Outlet, March 11, 2024, <https://…>.`
 *   — the title may hold quotes of its own (`“China’s “World-Class Military” Ambitions,”`)
 *   and may end in `?”` with no comma; `"straight quotes"` work too;
 * - an italic title: `Author, *Book Title*, Publisher, 2023.` (or `_Title_`);
 * - a chapter: `Author, “Chapter,” in *Book*, ed. …` — the book is the outlet;
 * - author-date: `Okafor, Ngozi. 2010. Title. Publisher. https://…`;
 * - journals: `Vol. 12, No. 3, pp. 3-29`, `43(1): 85–99` or a closing `(2023), 13–39`.
 *
 * Every field is a plain string as written (trimmed of the punctuation that separates
 * citation parts), or null when it cannot be recognised. Nothing here throws, and every
 * pattern runs in linear time, so a 5 MB note costs a scan, not a hang.
 */
import { URL_PATTERN, cleanUrl, collapseWhitespace } from './parse/text';

export interface CitationFields {
  /** The author(s) as written, e.g. `Wei Lan and Sam Ford` or `Okafor, Ngozi`. */
  author: string | null;
  /** The individual names in `author` (`Last, First` kept as one name). Empty when there is no author. */
  authors: string[];
  title: string | null;
  /** How the title was set apart: in quotes, in italics, or by author-date position. */
  titleStyle: 'quoted' | 'italic' | 'plain' | null;
  /** The newspaper, journal, book, publisher or institution. */
  outlet: string | null;
  /** The date as written: `March 11, 2024`, `November 2011`, `2010-05-03` or `2023`. */
  date: string | null;
  /** The year of `date`. */
  year: number | null;
  /** The first http(s) URL, without angle brackets or trailing punctuation. */
  url: string | null;
  /** A DOI such as `10.1080/0163660X.2023.2260141`, written out or inside a URL. */
  doi: string | null;
  volume: string | null;
  issue: string | null;
  /** A page or page range: `3-29`, `13–39`, `85`. */
  pages: string | null;
}

/** An opening quote at the start of a word. */
const OPENING_QUOTE = /(?:^|[\s(\[,:;])[“"]/;
/** Punctuation followed by a closing quote (`,”` `.”` `?”` `!”`). */
const CLOSING_PUNCTUATED = /[,.?!][”"]/g;
const ITALIC_TITLE = /(?:^|[\s(,])(\*|_)(?!\1)([^*_]{2,300}?)\1(?=$|[\s.,;:)])/;
const AUTHOR_DATE = /^([^.]{2,200}?)\.\s+\(?((?:1[5-9]|20)\d\d)[a-z]?\)?\.\s+([^.]{2,300})\.(?:\s+|$)/;
const MARKDOWN_LINK = /\[([^\]]{0,500})\]\(\s*<?([^)\s>]{0,2000})>?(?:\s+"[^"]{0,500}")?\s*\)/g;
const DOI_PATTERN = /\b(10\.\d{4,9}\/[^\s"<>]+)/;
const MONTHS = 'Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?';
const YEAR = '(?:1[5-9]|20)\\d\\d';
/** Most specific first: the first pattern that matches anywhere wins. */
const DATE_PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(${YEAR})\\b`),
  new RegExp(`\\b\\d{1,2}\\s+(?:${MONTHS})\\s+(${YEAR})\\b`),
  new RegExp(`\\b(${YEAR})-[01]\\d-[0-3]\\d\\b`),
  new RegExp(`\\b(?:${MONTHS})\\s+(${YEAR})\\b`),
  new RegExp(`(?<![\\d/.–-])(${YEAR})(?![\\d/–-])`),
];
const VOLUME = /\bvol(?:ume)?\.?\s*(\d{1,5}[A-Za-z]?)/i;
const ISSUE = /\b(?:no|issue|iss)\.?\s*(\d{1,5})\b/i;
const PAGES = /\bpp?\.\s*(\d{1,6}(?:\s*[-–—]\s*\d{1,6})?)/;
/** `43(1): 85–99` or `43, no. 1: 85–99`. */
const VOLUME_ISSUE_PAGES = /\b(\d{1,4})\s*\((\d{1,4})\)\s*:\s*(\d{1,6}(?:\s*[-–—]\s*\d{1,6})?)/;
/** A page range closing the citation: `(Ithaca: Cornell University Press, 2023), 13–39.` */
const TRAILING_PAGES = /[,)]\s*(\d{1,5}\s*[-–—]\s*\d{1,5})\s*\.?$/;
const EDITOR_OR_PAGES = /^(?:eds?\.|edited by|trans\.|vol\.|no\.|pp?\.|accessed|retrieved|available)/i;
/** Volume and issue written right after a journal's name: `Journal of Water Law 43(1): 85–99`, `Journal X Vol.` */
const JOURNAL_NUMBERS = /\s+(?:\d{1,4}\s*\(\d{1,4}\).*|vol(?:ume)?|no)$/i;
const MONTH_FIRST = new RegExp(`^(?:${MONTHS})(?:\\s+\\d|$)`);
/** Three letters or digits (code points) ending a text: before a period, they make it a part break. */
const WORD_OF_THREE_BEFORE = /[\p{L}\p{N}]{3}$/u;
/**
 * Words of three letters or more that institutions and journals abbreviate inside their names
 * ("U.S. Dept. of Energy", "Natl. Inst. of Health", "Harv. Envtl. L. Rev."): their period does not end a part.
 */
const NAME_ABBREVIATIONS = new Set(
  ['acad', 'admin', 'amer', 'assn', 'assoc', 'bros', 'ctr', 'dept', 'econ', 'envtl', 'govt', 'harv', 'inst', 'intl', 'natl', 'univ'],
);
/** The word (letters only) ending a text, lower-cased: "Dept" in "U.S. Dept". */
const LAST_WORD = /\p{L}+$/u;

/**
 * Where the citation part starting at `from` ends: at a comma, or at a period after a
 * word of three or more letters (not one of NAME_ABBREVIATIONS) and before a space or
 * the end — so "U.S. Army War College", "St. Louis" and "Dept. of Energy" stay whole.
 * Read character by character: a pattern with a Unicode lookbehind costs some 70 ns a
 * character, and parts are read from every note.
 */
function partEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 44 /* , */) return i;
    // Six code units hold three code points even outside the Basic Multilingual Plane.
    if (code === 46 /* . */ && (i + 1 === text.length || /\s/.test(text[i + 1])) && WORD_OF_THREE_BEFORE.test(text.slice(Math.max(from, i - 6), i))) {
      if (!endsWithNameAbbreviation(text.slice(from, i))) return i;
    }
  }
  return text.length;
}

function endsWithNameAbbreviation(text: string): boolean {
  // The last few characters are enough (every abbreviation is short): the pattern is tried from each position it is given.
  const word = LAST_WORD.exec(text.slice(-12));
  return word !== null && NAME_ABBREVIATIONS.has(word[0].toLowerCase());
}

/** Real citations are a few hundred characters; past this a note is pasted text, and reading it would only cost time. */
export const MAX_CITATION_LENGTH = 4000;

/**
 * Parses the citation in a note's text (the note's number already removed), from its first MAX_CITATION_LENGTH characters. Never throws.
 * Not remembered here: a rule in an editing session remembers it by text (RuleMemory.remember), and a one-off check reads each note once.
 */
export function parseCitation(fullText: string): Readonly<CitationFields> {
  const text = citationText(fullText);
  const fields: CitationFields = {
    author: null,
    authors: [],
    title: null,
    titleStyle: null,
    outlet: null,
    date: null,
    year: null,
    url: null,
    doi: null,
    volume: null,
    issue: null,
    pages: null,
  };
  const { plain, urls } = withoutUrls(collapseWhitespace(text));
  fields.url = citedUrlOf(urls);
  fields.doi = findDoi(text);

  const parts = splitTitle(plain);
  if (parts) {
    fields.title = parts.title;
    fields.titleStyle = parts.style;
    fields.author = cleanPart(parts.before);
    fields.authors = fields.author ? splitAuthors(fields.author, parts.style === 'plain') : [];
    fields.outlet = findOutlet(parts.after);
  }
  // Titles are full of years ("Report at the end of 2022"): dates are looked for around them.
  const date = parts ? findDate(`${parts.before} ${parts.after}`) ?? yearOnly(parts.year) : findDate(plain);
  if (date) {
    fields.date = date.text;
    fields.year = date.year;
  }
  const journal = VOLUME_ISSUE_PAGES.exec(plain);
  fields.volume = VOLUME.exec(plain)?.[1] ?? journal?.[1] ?? null;
  fields.issue = (fields.volume !== null ? ISSUE.exec(plain)?.[1] : null) ?? journal?.[2] ?? null;
  fields.pages = normalizeRange(PAGES.exec(plain)?.[1] ?? journal?.[3] ?? trailingPages(plain));
  return fields;
}

/** The URL a note cites, as parseCitation finds it, without reading the rest of the citation. */
export function citedUrl(fullText: string): string | null {
  return citedUrlOf(withoutUrls(collapseWhitespace(citationText(fullText))).urls);
}

function citationText(fullText: string): string {
  return fullText.length > MAX_CITATION_LENGTH ? fullText.slice(0, MAX_CITATION_LENGTH) : fullText;
}

/** The first web address, or else the first `www.` one. */
function citedUrlOf(urls: readonly string[]): string | null {
  return urls.find((url) => /^https?:\/\//i.test(url)) ?? urls[0] ?? null;
}

/** The text with every URL (bare, `<…>`, or a Markdown link target) taken out, and the URLs in order. */
function withoutUrls(text: string): { plain: string; urls: string[] } {
  const urls: string[] = [];
  const unlinked = text.replace(MARKDOWN_LINK, (_whole, label: string, target: string) => {
    if (/^(?:https?:\/\/|www\.)/i.test(target)) urls.push(target);
    return label;
  });
  const plain = unlinked.replace(URL_PATTERN, (raw: string) => {
    const url = cleanUrl(raw);
    urls.push(url);
    return raw.slice(raw.startsWith('<') ? raw.length : url.length);
  });
  return { plain: collapseWhitespace(plain.replace(/\s+([.,;])/g, '$1')), urls };
}

function findDoi(text: string): string | null {
  const match = DOI_PATTERN.exec(text);
  return match ? match[1].replace(/[.,;:)\]>”’"']+$/, '') : null;
}

interface TitleParts {
  before: string;
  title: string;
  after: string;
  style: 'quoted' | 'italic' | 'plain';
  /** The year that author-date style puts before the title. */
  year?: string;
}

function splitTitle(text: string): TitleParts | null {
  const quoted = quotedTitle(text);
  const italic = ITALIC_TITLE.exec(text);
  const italicStart = italic ? italic.index + italic[0].indexOf(italic[1]) : -1;
  if (quoted && (!italic || quoted.start < italicStart)) {
    return { before: text.slice(0, quoted.start), title: quoted.title, after: text.slice(quoted.end), style: 'quoted' };
  }
  if (italic) {
    const end = italicStart + italic[2].length + 2;
    return { before: text.slice(0, italicStart), title: italic[2].trim(), after: text.slice(end), style: 'italic' };
  }
  const authorDate = AUTHOR_DATE.exec(text);
  if (authorDate) {
    return { before: authorDate[1], title: authorDate[3].trim(), after: text.slice(authorDate[0].length), style: 'plain', year: authorDate[2] };
  }
  return null;
}

/**
 * The first quoted title: from an opening quote at the start of a word to its
 * matching closing quote, counting curly quotes so a title may quote something
 * itself. When the curly quotes do not balance (PDF text often loses one), the
 * title ends at the first punctuated closing quote (`,”`), the Chicago way.
 */
function quotedTitle(text: string): { title: string; start: number; end: number } | null {
  const open = OPENING_QUOTE.exec(text);
  if (!open) return null;
  const start = open.index + open[0].length - 1;
  let close = -1;
  if (text[start] === '"') {
    close = text.indexOf('"', start + 1);
  } else {
    let depth = 0;
    for (let i = start; i < text.length && close < 0; i++) {
      if (text[i] === '“') depth++;
      else if (text[i] === '”' && --depth === 0) close = i;
    }
  }
  if (close < 0) {
    CLOSING_PUNCTUATED.lastIndex = start + 1;
    const punctuated = CLOSING_PUNCTUATED.exec(text);
    if (!punctuated) return null;
    close = punctuated.index + 1;
  }
  const title = text.slice(start + 1, close).replace(/[,.]$/, '').trim();
  return title ? { title, start, end: close + 1 } : null;
}

/** A citation part without the separators around it; null when nothing is left. */
function cleanPart(part: string): string | null {
  const trimmed = part.replace(/^[\s,.;:]+/, '');
  let cleaned = trimmed.replace(/[\s,.;:]+$/, '');
  // "Brookings Inst." keeps the period of its abbreviation.
  if (trimmed.charAt(cleaned.length) === '.' && endsWithNameAbbreviation(cleaned)) cleaned += '.';
  return /\p{L}/u.test(cleaned) ? cleaned : null;
}

function splitAuthors(author: string, authorDate: boolean): string[] {
  const names = author
    .split(/\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|\s*;\s*/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  // "Okafor, Ngozi" (author-date) is one person written surname first.
  if (authorDate && names.length === 2 && !/\s/.test(names[0]) && !/\band\b|&/.test(author)) return [author];
  return names;
}

/** The first part after the title that names where it appeared: not a date, an editor, volume or page. */
function findOutlet(after: string): string | null {
  const inBook = /^[\s,.]*in\s+(\*|_)([^*_]{1,300})\1/.exec(after);
  if (inBook) return inBook[2].trim();
  // Part by part: the outlet is nearly always the first part or the second, and the rest of a note can be long.
  for (let start = 0; start <= after.length; ) {
    const end = partEnd(after, start);
    const raw = after.slice(start, end);
    start = end + 1;
    const part = cleanPart(raw.replace(/^\s*in\s+/, '').replace(/[*_]/g, '').replace(JOURNAL_NUMBERS, ''));
    if (!part || EDITOR_OR_PAGES.test(part) || MONTH_FIRST.test(part) || /^\d/.test(part)) continue;
    if (!/^[\p{Lu}\p{N}“"‘'(]/u.test(part)) continue;
    return part.length > 150 ? null : part;
  }
  return null;
}

function findDate(text: string): { text: string; year: number } | null {
  for (const pattern of DATE_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { text: match[0], year: Number(match[1]) };
  }
  return null;
}

function yearOnly(year: string | undefined): { text: string; year: number } | null {
  return year === undefined ? null : { text: year, year: Number(year) };
}

function trailingPages(text: string): string | null {
  const match = TRAILING_PAGES.exec(text);
  if (!match) return null;
  const [from, to] = match[1].split(/\s*[-–—]\s*/).map(Number);
  const bothYears = from >= 1500 && to >= 1500;
  return bothYears || to < from ? null : match[1];
}

function normalizeRange(pages: string | null): string | null {
  return pages === null ? null : pages.replace(/\s+/g, '');
}
