/**
 * Plain-text briefs, usually pasted from a PDF: headings are bare lines, notes are
 * numbered lines under an "Endnotes" line and may wrap or break across blank lines.
 *
 * Heading heuristic (documented in the README):
 * - a short line (at most 15 words) with a blank line (or the document edge) above
 *   and below, starting with a capital or a digit, not ending in `.`, `,`, `;` or `:`
 *   once trailing footnote markers are set aside, not ending on a lowercase little word
 *   ("…during the") and not followed by text that starts in lowercase (both mark a
 *   paragraph cut by a page break); or any line that is ALL CAPS or a
 *   well-known section name ("Executive Summary", "Endnotes", …);
 * - after the Endnotes line, only ALL-CAPS lines, well-known names and back matter
 *   ("Appendix A: …", "About the Authors") end the notes;
 * - level 1 by default; a run of parallel headings — short head phrases that end in
 *   the same word, such as "Political Support" … "Economic Support" or
 *   "Military Lessons: …" … "Political Lessons: …" — is level 2, nested under the
 *   heading just before the run. ALL-CAPS and well-known names are always level 1.
 */
import { BriefModel, TextLine } from '../model';
import type { ParseReuse } from './reuse';
import { scanLines, scanNumberedNotes } from './scan';
import { HeadingLine, KNOWN_SECTION_NAMES, buildSections, isEndnotesHeading } from './sections';
import { BYLINE, LineIndex, SUPERSCRIPT_DIGITS, isBlank, normalizeHeading } from './text';

const MAX_HEADING_WORDS = 15;
const MAX_HEADING_LENGTH = 120;

export function parsePlainText(text: string, reuse?: ParseReuse): BriefModel {
  const index = reuse ? reuse.lineIndex(text) : new LineIndex(text);
  const lines = index.lines;
  const shapes = reuse ? reuse.lineShapes.map(lines, shapeOf, unmoved) : lines.map(shapeOf);
  const { title, byline, bodyStart } = findTitleAndByline(lines);

  const headings: HeadingLine[] = [];
  let endnotesHeading: HeadingLine | undefined;
  for (let line = bodyStart; line < lines.length; line++) {
    const heading = endnotesHeading ? strongHeadingAt(lines, shapes, line) : headingAt(lines, shapes, line);
    if (!heading) continue;
    headings.push(heading);
    if (!endnotesHeading && isEndnotesHeading(heading.title)) endnotesHeading = heading;
  }
  assignLevels(headings);
  const sections = buildSections(index, headings);

  let notesFrom = lines.length;
  let notesTo = lines.length;
  const endnotesSection = endnotesHeading ? sections[headings.indexOf(endnotesHeading)] : null;
  if (endnotesHeading && endnotesSection) {
    notesFrom = endnotesHeading.line + 1;
    const after = headings.find((h) => h.line > endnotesHeading!.line);
    notesTo = after ? after.line : lines.length;
  }
  const endnotes = endnotesHeading ? scanNumberedNotes(index, notesFrom, notesTo, undefined, reuse?.notes) : [];
  // Numbered notes open with their number, which is not a marker: no markers are read in the notes (from the last line, should they start past it).
  const [markersSkippedFrom, markersSkippedTo] = endnotesHeading ? [Math.min(notesFrom, lines.length - 1), notesTo] : [0, 0];
  const { markers, urls } = scanLines(index, markersSkippedFrom, markersSkippedTo, reuse?.lineSpans);

  const headingLines = new Set(headings.map((h) => h.line));
  let firstParagraph: TextLine | null = null;
  for (let line = bodyStart; line < lines.length && !firstParagraph; line++) {
    if (!isBlank(lines[line]) && !headingLines.has(line)) firstParagraph = textLine(lines, line);
  }

  return {
    format: 'plaintext',
    lines,
    title,
    byline,
    sections,
    endnotesSection,
    markers,
    endnotes,
    links: [],
    urls,
    firstParagraph,
  };
}

function textLine(lines: string[], line: number): TextLine {
  const text = lines[line];
  const start = text.length - text.trimStart().length;
  return { text: text.trim(), range: { start: { line, character: start }, end: { line, character: text.trimEnd().length } } };
}

/** The byline is a short "By …" line near the top; the title is the line above it. */
function findTitleAndByline(lines: string[]): { title: TextLine | null; byline: TextLine | null; bodyStart: number } {
  const nonBlank: number[] = [];
  for (let line = 0; line < lines.length && nonBlank.length < 8; line++) if (!isBlank(lines[line])) nonBlank.push(line);
  const bylineAt = nonBlank.findIndex((line) => BYLINE.test(lines[line]) && lines[line].trim().length <= MAX_HEADING_LENGTH);
  if (bylineAt > 0) {
    return { title: textLine(lines, nonBlank[bylineAt - 1]), byline: textLine(lines, nonBlank[bylineAt]), bodyStart: nonBlank[bylineAt] + 1 };
  }
  const first = nonBlank[0];
  if (first === undefined || lines[first].trim().length > MAX_HEADING_LENGTH || isKnownOrAllCaps(lines[first])) {
    return { title: null, byline: null, bodyStart: 0 };
  }
  return { title: textLine(lines, first), byline: null, bodyStart: first + 1 };
}

function isAllCaps(line: string): boolean {
  // Most lines have a lowercase ASCII letter, which alone rules them out: skip the Unicode pass for them.
  if (/[a-z]/.test(line)) return false;
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

const TRAILING_CLOSERS = '”’"\')]';

/** A line without the footnote markers and closing quotes at its end: `…the West.”¹²` → `…the West.` */
function withoutTrailingMarkers(line: string): string {
  // Read from the end: a pattern anchored only at `$` is tried from every position of the line.
  let end = line.length;
  while (end > 0 && SUPERSCRIPT_DIGITS.includes(line[end - 1])) end--;
  while (end > 0 && TRAILING_CLOSERS.includes(line[end - 1])) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** At most MAX_HEADING_WORDS words (on a trimmed line), tested without cutting the line into words. */
const HEADING_WORD_COUNT = new RegExp(`^\\S+(?:\\s+\\S+){0,${MAX_HEADING_WORDS - 1}}$`);

/** Short enough, in characters and words, to be a heading. */
function isHeadingSized(trimmed: string): boolean {
  return trimmed.length <= MAX_HEADING_LENGTH && HEADING_WORD_COUNT.test(trimmed);
}

/**
 * Each word with an ASCII letter or digit stays at least one word after normalizeHeading,
 * which drops at most one (a leading "1." or "IV."): a line with more such words than a
 * known name has, plus one, is not a known name, and need not be normalised.
 */
const MAX_KNOWN_NAME_WORDS = Math.max(...[...KNOWN_SECTION_NAMES].map((name) => name.split(' ').length)) + 1;

function mayBeKnownName(words: string[]): boolean {
  let alphanumeric = 0;
  for (const word of words) if (/[A-Za-z0-9]/.test(word) && ++alphanumeric > MAX_KNOWN_NAME_WORDS) return false;
  return true;
}

function isKnownOrAllCaps(line: string): boolean {
  const trimmed = line.trim();
  return isHeadingSized(trimmed) && isKnownOrAllCapsHeading(trimmed);
}

/** isKnownOrAllCaps of a trimmed, heading-sized line. */
function isKnownOrAllCapsHeading(trimmed: string): boolean {
  return (
    (mayBeKnownName(trimmed.split(/\s+/)) && KNOWN_SECTION_NAMES.has(normalizeHeading(trimmed))) ||
    (isAllCaps(trimmed) && !/[.,;]$/.test(withoutTrailingMarkers(trimmed)))
  );
}

function heading(lines: string[], line: number, level = 1): HeadingLine {
  const { text, range } = textLine(lines, line);
  return { title: text, level, line, range };
}

/** Back matter that follows the notes under a heading of its own: "Appendix A: Survey Questions", "About the Authors". */
const BACK_MATTER = /^(?:appendix|appendices|annex|about the authors?|acknowledge?ments|bibliography)\b/i;

/** A paragraph cut by a page break ends on a lowercase little word ("…paid more during the"); a heading's last word carries weight. */
const FRAGMENT_END = /\s(?:the|a|an|of|in|on|at|to|for|from|by|with|and|or|but|nor|as|than|that|which|who|whose|its|their|his|her|our|is|are|was|were|be|been|during|into|onto|between|among|about)$/;

/**
 * What the heading heuristic needs to know of a line by itself, as bits. Computed once
 * per line and carried to the next version with the line (ByLine), so that a keystroke
 * looks again only at the lines it changed; the neighbours are then read from here.
 */
const BLANK = 1;
const KNOWN_OR_ALL_CAPS = 2;
/** Short, opens with a capital, a digit or a quote, and ends like a title (not on `.,;:`, a URL or a little word). */
const TITLE_LIKE = 4;
const STARTS_LOWERCASE = 8;
/** A number (after a list dash): in the notes, a note rather than a heading. */
const STARTS_NUMBERED = 16;
const BACK_MATTER_NAME = 32;

function shapeOf(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return BLANK;
  let shape = 0;
  if (isHeadingSized(trimmed)) {
    if (isKnownOrAllCapsHeading(trimmed)) shape |= KNOWN_OR_ALL_CAPS;
    if (isTitleLike(trimmed)) shape |= TITLE_LIKE;
  }
  if (/^\p{Ll}/u.test(trimmed)) shape |= STARTS_LOWERCASE;
  if (/^[-–•*]?\s*\d/.test(trimmed)) shape |= STARTS_NUMBERED;
  if (BACK_MATTER.test(trimmed)) shape |= BACK_MATTER_NAME;
  return shape;
}

const unmoved = (shape: number) => shape;

/** Whether a trimmed, heading-sized line opens and ends like a title. */
function isTitleLike(trimmed: string): boolean {
  if (!/^[\p{Lu}\p{N}“"‘']/u.test(trimmed) || /^(?:https?:\/\/|www\.|<)/i.test(trimmed)) return false;
  const withoutMarkers = withoutTrailingMarkers(trimmed);
  return !/[.,;:]$/.test(withoutMarkers) && withoutMarkers !== '' && !FRAGMENT_END.test(withoutMarkers);
}

/** After the Endnotes line only an unmistakable heading ends the notes: notes' own wrapped lines look like headings. */
function strongHeadingAt(lines: string[], shapes: readonly number[], line: number): HeadingLine | null {
  const shape = shapes[line];
  if (shape & STARTS_NUMBERED) return null;
  if (shape & KNOWN_OR_ALL_CAPS) return heading(lines, line);
  const backMatter = shape & BACK_MATTER_NAME && (line === 0 || shapes[line - 1] & BLANK) && headingAt(lines, shapes, line);
  return backMatter || null;
}

/** Whether the next text after the blank lines carries on the sentence (starts in lowercase), as the rest of a broken paragraph does. */
function continuesBelow(shapes: readonly number[], line: number): boolean {
  let next = line + 1;
  while (next < shapes.length && shapes[next] & BLANK) next++;
  return next < shapes.length && (shapes[next] & STARTS_LOWERCASE) !== 0;
}

function headingAt(lines: string[], shapes: readonly number[], line: number): HeadingLine | null {
  const shape = shapes[line];
  if (shape & BLANK) return null;
  if (shape & KNOWN_OR_ALL_CAPS) return heading(lines, line);
  const aloneOnItsLines = (line === 0 || shapes[line - 1] & BLANK) && (line === lines.length - 1 || shapes[line + 1] & BLANK);
  if (!aloneOnItsLines || !(shape & TITLE_LIKE) || continuesBelow(shapes, line)) return null;
  return heading(lines, line);
}

/** The head phrase of a heading: the part before a colon, if short. */
function headWord(title: string): string | null {
  const head = title.split(':')[0].trim();
  const words = head.split(/\s+/);
  if (words.length > 4) return null;
  return normalizeHeading(words[words.length - 1]) || null;
}

function assignLevels(headings: HeadingLine[]): void {
  // Head words and, per stretch between pinned headings, the last heading with each word,
  // computed once: asking them for every pair of headings took minutes on 20,000 headings.
  const pinned = headings.map((h) => isKnownOrAllCaps(h.title));
  const words = headings.map((h, i) => (pinned[i] ? null : headWord(h.title)));
  const lastWithWord = new Array<number>(headings.length).fill(-1);
  let stretch = new Map<string, number>();
  for (let j = headings.length - 1; j >= 0; j--) {
    const word = words[j];
    if (pinned[j]) stretch = new Map();
    else if (word !== null) {
      lastWithWord[j] = stretch.get(word) ?? j;
      if (!stretch.has(word)) stretch.set(word, j);
    }
  }
  let i = 0;
  while (i < headings.length) {
    const runEnd = words[i] !== null && i > 0 ? lastWithWord[i] : -1;
    if (runEnd > i) {
      for (let j = i; j <= runEnd; j++) headings[j].level = 2;
      i = runEnd + 1;
    } else {
      i++;
    }
  }
}
