/**
 * Source previews. On a marker or a "See footnote N": the note's number and text,
 * and — when the note only points elsewhere — the note that holds the source, with
 * the path taken ("41 → 33") and the citation's parts. On an endnote's number: where
 * the note is cited. On a section heading: the section's words and markers (features/stats.ts).
 *
 * Everything taken from the document is escaped (`escapeMarkdown`), so a note that
 * holds `<script>`, `[x](command:…)` or backticks shows as the text it is. The only
 * link produced is the source's URL, and only when it is http or https.
 */
import { CitationFields, parseCitation } from '../citation';
import { BriefModel, Endnote, Position, Range, containsPosition } from '../model';
import { markerText, notesByNumber, resolveChain, textAt } from '../query';
import { NoteTarget, notesFor, noteTargetAt } from './definition';
import { Citation, citationsOf } from './references';
import { noteCounts, sectionCounts, wordCount } from './stats';

export interface HoverResult {
  range: Range;
  /** Markdown in which every character from the document is escaped. */
  markdown: string;
}

/** Longest note text shown in full; a longer one (pasted junk, a 5 MB line) is cut. */
const MAX_NOTE_CHARS = 1500;
const MAX_EXCERPT_CHARS = 80;
const MAX_CITATIONS_LISTED = 5;

/**
 * Escapes text for Markdown so that it renders as exactly that text: every ASCII
 * punctuation character gets a backslash (CommonMark allows it before any of them),
 * and line breaks become spaces so no block (heading, list, table) can start. No
 * link, image, HTML, code span or emphasis survives. The escapes also stop VS Code's
 * renderer from autolinking `https://…`; a renderer that autolinks after unescaping
 * (remark-gfm) can only make an http(s) link of the very text shown.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/**
 * A Markdown link to the URL when it is http or https (a `www.` address gets
 * `http://`), or the escaped URL as text otherwise — never a `command:` or `file:` link.
 */
export function safeLink(url: string): string {
  const href = webHref(url);
  if (href === null) return escapeMarkdown(url);
  return `[${escapeMarkdown(href)}](${href.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}

/** The normalised http(s) address a written URL stands for, or null when it is not a web address. */
export function webHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(/^www\./i.test(url) ? `http://${url}` : url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

export function hoverAt(model: BriefModel, position: Position): HoverResult | null {
  const target = noteTargetAt(model, position);
  if (!target) return sectionHover(model, position);
  const markdown = target.kind === 'note' ? citedBy(model, target.note) : preview(model, target);
  return { range: target.range, markdown };
}

/** Whether cutting at `index` would split a surrogate pair (an emoji, a rare CJK character). */
function splitsPair(text: string, index: number): boolean {
  return index > 0 && index < text.length && /[\uDC00-\uDFFF]/.test(text[index]);
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = splitsPair(text, max - 1) ? max - 2 : max - 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}

function shortenStart(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.length - max + 1;
  const tail = text.slice(splitsPair(text, cut) ? cut + 1 : cut);
  // Start at a word rather than inside one.
  return `…${/\s/.test(text[cut - 1]) ? tail : tail.replace(/^\S*\s+/, '')}`;
}

function noteText(note: Endnote): string {
  return escapeMarkdown(shorten(note.text, MAX_NOTE_CHARS));
}

function path(steps: (number | string)[]): string {
  return steps.map((step) => escapeMarkdown(String(step))).join(' → ');
}

/** What a marker or cross-reference points at: the note, and the source at the end of its chain. */
function preview(model: BriefModel, target: Exclude<NoteTarget, { kind: 'note' }>): string {
  const byNumber = notesByNumber(model);
  const notes = notesFor(model, target.key, byNumber);
  const label = escapeMarkdown(target.key.label);
  const via = target.kind === 'see' ? [target.inNote.label] : [];
  if (notes.length === 0) {
    const cited = target.kind === 'marker' ? `Marker ${escapeMarkdown(markerText(model, target.marker))}` : `“${escapeMarkdown(textAt(model, target.reference.range))}”`;
    return `**${cited}** cites note ${label}, but there is no note ${label}.`;
  }
  const note = notes[0];
  const blocks: string[] = [];
  if (notes.length > 1) blocks.push(`*${notes.length} notes are numbered ${label}; this is the first.*`);
  const chain = resolveChain(model, note, byNumber);
  // resolveChain records numbers only; a note with a word label ([^smith]) still starts the path.
  const fullPath = path([...via, ...(note.number === null ? [note.label] : []), ...chain.path]);
  if (chain.root === note) {
    blocks.push(`**Note ${label}**${via.length ? ` (${fullPath})` : ''}`, noteText(note), ...citationBlock(parseCitation(note.text)));
    return blocks.join('\n\n');
  }
  blocks.push(`**Note ${label}:** ${noteText(note)}`);
  if (chain.root) {
    blocks.push(`**Source: note ${escapeMarkdown(chain.root.label)}** (${fullPath})`, noteText(chain.root), ...citationBlock(parseCitation(chain.root.text)));
  } else if (chain.status === 'cycle') {
    const last = byNumber.get(chain.path[chain.path.length - 1])?.[0];
    blocks.push(`The “See footnote” chain loops without reaching a source: ${fullPath} → ${last?.seeNote?.target ?? label}.`);
  } else {
    const missing = chain.path[chain.path.length - 1];
    blocks.push(missing === undefined || byNumber.has(missing) ? `The chain ${fullPath} does not reach a source.` : `The chain ${fullPath} ends at note ${missing}, which does not exist.`);
  }
  return blocks.join('\n\n');
}

/** The recognised parts of a citation as a list, or nothing when none is recognised. */
function citationBlock(fields: CitationFields): string[] {
  const journal = [fields.volume && `vol. ${fields.volume}`, fields.issue && `no. ${fields.issue}`, fields.pages && `pp. ${fields.pages}`].filter(Boolean).join(', ');
  const rows: [string, string | null][] = [
    ['Author', fields.author && escapeMarkdown(fields.author)],
    ['Title', fields.title && escapeMarkdown(fields.title)],
    ['Outlet', fields.outlet && escapeMarkdown(fields.outlet)],
    ['Date', fields.date && escapeMarkdown(fields.date)],
    ['Volume', journal ? escapeMarkdown(journal) : null],
    ['DOI', fields.doi && escapeMarkdown(fields.doi)],
    ['URL', fields.url && safeLink(fields.url)],
  ];
  const lines = rows.filter(([, value]) => value).map(([name, value]) => `- ${name}: ${value}`);
  return lines.length ? ['---', lines.join('\n')] : [];
}

/** Where a note is cited: how many times, and the first few places with their text. */
function citedBy(model: BriefModel, note: Endnote): string {
  const label = escapeMarkdown(note.label);
  const citations = citationsOf(model, { number: note.number, label: note.label });
  if (citations.length === 0) return `**Note ${label}** is not cited anywhere in the brief.`;
  const times = citations.length === 1 ? 'once' : `${citations.length} times`;
  const lines = citations.slice(0, MAX_CITATIONS_LISTED).map((citation) => `- ${describeCitation(model, citation)}`);
  if (citations.length > MAX_CITATIONS_LISTED) lines.push(`- and ${citations.length - MAX_CITATIONS_LISTED} more`);
  return `**Note ${label}** is cited ${times}:\n\n${lines.join('\n')}`;
}

function describeCitation(model: BriefModel, citation: Citation): string {
  const line = citation.range.start.line;
  if (citation.kind === 'see') {
    return `line ${line + 1}, note ${escapeMarkdown(citation.inNote.label)}: ${escapeMarkdown(shorten(citation.inNote.text, MAX_EXCERPT_CHARS))}`;
  }
  const end = citation.marker.range.end.character;
  return `line ${line + 1}: ${escapeMarkdown(shortenStart(model.lines[line].slice(0, end).trimStart(), MAX_EXCERPT_CHARS))}`;
}

/** On a section heading: the section's numbers, the same as `policy-brief stats` gives. */
function sectionHover(model: BriefModel, position: Position): HoverResult | null {
  const index = model.sections.findIndex((section) => containsPosition(section.headingRange, position));
  if (index < 0) return null;
  const stats = sectionCounts(model);
  const section = stats.sections[index];
  const lines: string[] = [];
  if (model.sections[index] === model.endnotesSection) {
    const notes = noteCounts(model);
    lines.push(`- ${section.endnotes} endnotes: ${notes.seeNotes} see-notes, ${notes.sourceNotes} citing a source (${notes.sourceNotesWithUrl} with a URL)`);
  } else {
    const share = stats.words ? ` (${Math.round((section.wordsWithSubsections / stats.words) * 100)}% of the brief's ${stats.words})` : '';
    lines.push(`- ${wordCount(section.wordsWithSubsections)}${share}`);
    if (section.wordsWithSubsections !== section.words) lines.push(`- ${wordCount(section.words)} before its first subsection`);
    lines.push(`- ${section.markers} marker${section.markers === 1 ? '' : 's'}`);
  }
  return { range: model.sections[index].headingRange, markdown: `**${escapeMarkdown(section.title)}**\n\n${lines.join('\n')}` };
}
