/**
 * Markdown briefs, through remark-parse + remark-gfm.
 *
 * The document is cut into chunks at ATX headings outside fenced code, and each
 * chunk is parsed on its own and kept for the next version (in the caller's
 * ParseReuse), so a keystroke re-parses one section or note, not the brief. remark is
 * used for what needs real Markdown knowledge (headings, links, code spans, footnote
 * definitions); the blocks of a chunk that are plain enough for their facts to be
 * read off the lines (prose, notes, headings: see treeFacts) are not given to it.
 * Markers are then found by scanning the source outside code and link targets, so a
 * `[^5]` with no definition — which GFM leaves as plain text — is still seen as a marker.
 */
import type { Root, RootContent, Heading, Link as MdLink } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { NONE, detached, mapKept } from '../memo';
import { BriefModel, Endnote, Link, Marker, NoteSegment, Range, TextLine, UrlSpan, moveRange } from '../model';
import { NotesFromParts, ParseReuse, Placed } from './reuse';
import { Interval, NoteParts, makeEndnote, mergeIntervals, moveMarker, moveUrl, scanMarkers, scanNumberedNotes, scanUrls } from './scan';
import { HeadingLine, buildSections, isEndnotesHeading } from './sections';
import { BYLINE, LineIndex, collapseWhitespace, countAtMost, isBlank, lastAtMost } from './text';

/** What one chunk's syntax tree tells us, with offsets relative to the chunk. */
export interface TreeFacts {
  headings: { depth: number; title: string; start: number; end: number; textStart: number; textEnd: number }[];
  links: { text: string; target: string; start: number; end: number }[];
  /** Code, inline code, HTML comments, link destinations: no markers in there. */
  excluded: Interval[];
  definitions: { label: string; start: number; end: number; contentStart: number }[];
  /** Whether the chunk's first block is a paragraph set entirely in bold or italics (a byline). */
  paragraphs: { start: number; end: number; emphasised: boolean }[];
}

/** Everything one chunk contributes to the model, with line numbers counted from the chunk's first line. */
interface ChunkParts {
  headings: readonly HeadingLine[];
  links: readonly Link[];
  markers: readonly Marker[];
  urls: readonly UrlSpan[];
  /** Top-level paragraphs; `emphasised` when set entirely in bold or italics (a byline). */
  paragraphs: readonly { range: Range; emphasised: boolean }[];
  /** GFM footnote definitions, as everything a note is made of but what the note before it decides (what Ibid. points to). */
  definitions: readonly NoteParts[];
  /** First and last line of each span without markers (code, comments) that covers more than one line. */
  codeLines: readonly [number, number][];
}

export type ChunkFacts = Placed<ChunkParts>;

/** ChunkParts being filled in. */
type ChunkPartsBuilder = { -readonly [K in keyof ChunkParts]: ChunkParts[K][number][] };

function moveChunkParts(parts: ChunkParts, by: number): ChunkParts {
  return {
    headings: mapKept(parts.headings, (h) => ({ ...h, line: h.line + by, range: moveRange(h.range, by) })),
    links: mapKept(parts.links, (l) => ({ ...l, range: moveRange(l.range, by) })),
    markers: mapKept(parts.markers, (m) => moveMarker(m, by)),
    urls: mapKept(parts.urls, (url) => moveUrl(url, by)),
    paragraphs: mapKept(parts.paragraphs, (p) => ({ ...p, range: moveRange(p.range, by) })),
    definitions: mapKept(parts.definitions, (d) => ({
      ...d,
      range: moveRange(d.range, by),
      numberRange: moveRange(d.numberRange, by),
      segments: d.segments.map((segment) => ({ ...segment, range: moveRange(segment.range, by) })),
    })),
    codeLines: mapKept(parts.codeLines, ([first, last]) => [first + by, last + by]),
  };
}

const processor = unified().use(remarkParse).use(remarkGfm);

/** remark drops a leading byte-order mark and counts offsets without it; a space in its place keeps offsets true to the text. */
function withoutBom(chunk: string): string {
  return chunk.charCodeAt(0) === 0xfeff ? ` ${chunk.slice(1)}` : chunk;
}

function noFacts(): TreeFacts {
  return { headings: [], links: [], excluded: [], definitions: [], paragraphs: [] };
}

function plainText(node: RootContent | Root): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  // As written: whether GFM resolved the call depends on which definitions the same parse saw.
  if (node.type === 'footnoteReference') return `[^${node.label ?? node.identifier}]`;
  if ('children' in node) return (node.children as RootContent[]).map(plainText).join('');
  return '';
}

/**
 * What the chunk's tree says, with offsets into `source` (the text parsed). GFM finds
 * some bare URLs only after parsing, in a transform that gives the links it makes no
 * position: those are found in the source after what came before them.
 */
function extractFacts(root: Root, source: string): TreeFacts {
  const facts = noFacts();
  /** Where the last node visited ends: a link without a position is after it. */
  let cursor = 0;
  const visit = (node: RootContent | Root, parentType: string) => {
    let start = node.position?.start.offset ?? cursor;
    let end = node.position?.end.offset ?? cursor;
    cursor = start;
    /** Nothing inside is read: code, comments, definitions (their markers are excluded, their links not kept). */
    let leaf = false;
    switch (node.type) {
      case 'heading': {
        const heading = node as Heading;
        const children = heading.children;
        const textStart = children.length ? children[0].position?.start.offset ?? start : start;
        const textEnd = children.length ? children[children.length - 1].position?.end.offset ?? end : end;
        facts.headings.push({ depth: heading.depth, title: collapseWhitespace(plainText(heading)), start, end, textStart, textEnd });
        break;
      }
      case 'link': {
        const link = node as MdLink;
        const written = plainText(link);
        if (!node.position) {
          start = source.indexOf(written, cursor);
          if (start < 0) return;
          end = start + written.length;
        }
        facts.links.push({ text: collapseWhitespace(written), target: link.url, start, end });
        const lastChild = link.children[link.children.length - 1];
        const textEnd = lastChild?.position?.end.offset;
        if (textEnd !== undefined && textEnd < end) facts.excluded.push([textEnd, end]);
        break;
      }
      case 'code':
      case 'inlineCode':
      case 'definition':
        facts.excluded.push([start, end]);
        leaf = true;
        break;
      case 'html':
        if (node.value.startsWith('<!--')) facts.excluded.push([start, end]);
        leaf = true;
        break;
      case 'footnoteDefinition': {
        const first = node.children[0];
        facts.definitions.push({ label: node.identifier, start, end, contentStart: first?.position?.start.offset ?? end });
        facts.excluded.push([start, end]);
        leaf = true;
        break;
      }
      case 'paragraph':
        if (parentType === 'root') {
          const only = node.children.length === 1 ? node.children[0] : undefined;
          facts.paragraphs.push({ start, end, emphasised: only !== undefined && (only.type === 'strong' || only.type === 'emphasis') });
        }
        break;
    }
    if (!leaf && 'children' in node) for (const child of node.children as RootContent[]) visit(child, node.type);
    cursor = Math.max(cursor, end);
  };
  visit(root, 'none');
  return facts;
}

type LineKind = 'code' | 'html' | 'heading' | 'text';

/** Whether a line, after up to three spaces, starts with a character that can open a fence, an HTML block or an ATX heading. */
function mayOpenBlock(text: string): boolean {
  let at = 0;
  while (at < 3 && text.charCodeAt(at) === 0x20) at++;
  const first = text.charCodeAt(at);
  return first === 0x60 || first === 0x7e || first === 0x3c || first === 0x23; // ` ~ < #
}

/** What each line is at block level, as far as chunking needs: fenced code, an HTML block, an ATX heading or other text. */
function lineKinds(lines: string[]): LineKind[] {
  const kinds: LineKind[] = [];
  let fence: string | null = null;
  let inHtml = false;
  for (const text of lines) {
    // Most lines are prose: one character test spares them the patterns below (this runs over every line at every keystroke).
    const markup = mayOpenBlock(text);
    const fenceMatch = markup ? /^ {0,3}(`{3,}|~{3,})/.exec(text) : null;
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && /^\s*[`~]+\s*$/.test(text)) fence = null;
      kinds.push('code');
    } else if (fenceMatch) {
      fence = fenceMatch[1];
      kinds.push('code');
    } else if (inHtml) {
      if (isBlank(text)) inHtml = false;
      kinds.push('html');
    } else if (!markup) {
      kinds.push('text');
    } else if (/^ {0,3}<[a-zA-Z!/]/.test(text) && !/^ {0,3}<sup>/i.test(text)) {
      inHtml = true;
      kinds.push('html');
    } else {
      kinds.push(/^ {0,3}#{1,6}(?:[ \t]|$)/.test(text) ? 'heading' : 'text');
    }
  }
  return kinds;
}

/**
 * How finely a document is cut before parsing: at `sections` (ATX headings), or also
 * at `notes` — each footnote definition or numbered note that starts a line after a
 * blank line — so that typing in a long Endnotes section re-parses one note, not all
 * of them. A check without a session keeps nothing for a next version and cuts
 * `merged`: where `notes` cuts, but only once a piece has reached MERGED_CHUNK_CHARS,
 * which spares remark's set-up per piece (~50 µs each; ~10% of a cold check of a
 * 500 KB brief) while each parse stays small (pieces of 32 KB, or the whole brief at
 * once, parse slower); pieces are joined only where that cannot change how they parse
 * (joinedUpTo). A session's first version is parsed the same way and its facts then
 * split piece by piece (splitParts), as `notes` would have cut them, for the next
 * version to find. `merged` gives what `notes` gives — the incremental property test
 * compares a session's `notes` with a check from scratch, which cuts `merged` — and
 * `sections` is there to be compared with. Cutting at every paragraph too was tried:
 * a keystroke got ~1 ms cheaper, but a cold check ~25% slower.
 */
export type MarkdownChunking = 'sections' | 'notes' | 'merged';

const MERGED_CHUNK_CHARS = 4096;

/** A footnote definition or a numbered list item, at the left margin. */
const NOTE_START = /^(?:\[\^[^\]\s]+\]:|\d{1,9}[.)](?:[ \t]|$))/;
/** A link reference definition, `[label]: target`: it applies to the whole document, so it forbids cutting at notes. */
const LINK_DEFINITION = /^ {0,3}\[(?!\^)(?:[^\]\\]|\\.)+\]:/;

/** Tested line by line: a multiline regex over the whole text costs more than the rest of the cut. */
function hasLinkDefinitions(lines: string[]): boolean {
  return lines.some((line) => line.includes(']:') && LINK_DEFINITION.test(line));
}

/**
 * Line numbers where a chunk starts: each ATX heading outside fenced code and HTML
 * blocks and, `atNotes`, each note start that follows a blank line. A line at the
 * left margin after a blank line closes every open list, quote and footnote
 * definition, so the pieces parse as the whole did, unless an HTML comment is still
 * open across the blank line (or a reference link could point into another piece:
 * the caller does not cut at notes then).
 */
function chunkStarts(lines: string[], atNotes: boolean): number[] {
  const starts = [0];
  let inComment = false;
  lineKinds(lines).forEach((kind, line) => {
    if (line > 0 && kind === 'heading') starts.push(line);
    else if (atNotes && kind === 'text' && !inComment && line > 0 && isBlank(lines[line - 1]) && NOTE_START.test(lines[line])) starts.push(line);
    if (atNotes) {
      const content = lines[line];
      const open = content.lastIndexOf('<!--');
      if (open >= 0) inComment = content.indexOf('-->', open + 4) < 0;
      else if (inComment && content.includes('-->')) inComment = false;
    }
  });
  return starts;
}

/**
 * A line that may open an HTML block: those opened by `<!--`, `<?`, `<![CDATA[` or
 * `<script>` run past blank lines and headings, and any tag alone on a line (even
 * `<sup>`) swallows the heading right below it.
 */
const HTML_BLOCK_START = /^ {0,3}</;

/**
 * Which pieces may be parsed together with their neighbours and still parse as they
 * do alone. GFM resolves a footnote call only against the definitions in the same
 * parse, so pieces of notes (footnote definitions and no calls) join only each other,
 * and body pieces (no definitions) only each other; a piece with both, or with a line
 * that may open an HTML block (which may run into the next piece), stays alone.
 */
function pieceKind(lines: string[], from: number, to: number): 'notes' | 'body' | 'alone' {
  let definitions = 0;
  let calls = 0;
  for (let line = from; line < to; line++) {
    const text = lines[line];
    if (!text.includes('<') && !text.includes('[^')) continue;
    if (HTML_BLOCK_START.test(text)) return 'alone';
    if (FOOTNOTE_DEFINITION_START.test(text)) definitions++;
    for (let at = text.indexOf('[^'); at >= 0; at = text.indexOf('[^', at + 2)) calls++;
  }
  if (!definitions) return 'body';
  // Each definition's own label counts as one `[^`: any more is a call.
  return calls === definitions ? 'notes' : 'alone';
}

/** The starts of pieces made of consecutive pieces of the same kind, each closed once it has `size` characters. */
function joinedUpTo(size: number, lines: string[], starts: number[]): number[] {
  const joined = [0];
  let length = 0;
  let kind = pieceKind(lines, 0, starts[1] ?? lines.length);
  for (let i = 1; i < starts.length; i++) {
    for (let line = starts[i - 1]; line < starts[i]; line++) length += lines[line].length + 1;
    const next = pieceKind(lines, starts[i], starts[i + 1] ?? lines.length);
    if (length >= size || next !== kind || kind === 'alone') {
      joined.push(starts[i]);
      length = 0;
    }
    kind = next;
  }
  return joined;
}

/*
 * micromark is quadratic or worse on some inputs: 2 KB of `*a*a…` takes ~100 ms and
 * 100 KB takes minutes, long runs of `[a](b`, `<sup>`, `>`, deep list indentation or
 * list items opened on one line (`- - - …`) are nearly as bad, a single line slows
 * down past ~50 KB, and a few thousand nested blockquotes overflow its stack. A block of text (non-blank lines between blank lines
 * or headings, outside code and HTML) that crosses one of these limits is not given to
 * remark: it is blanked out, so its markers and URLs are still found by the source
 * scans, but its links, emphasis and code spans are not recognised.
 */
const MAX_PARSED_LINE = 50_000;
const MAX_BLOCK_MARKUP = 500;
const MARKUP_CHARACTERS = /[*_[\]<>`~!]/g;
const FOOTNOTE_DEFINITION_START = /^ {0,3}\[\^[^\]\s]{1,64}\]:/;
/** Indentation beyond this many columns only ever comes from deep nesting, and counts as markup. */
const NORMAL_INDENT = 16;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function markupIn(line: string): number {
  return (line.match(MARKUP_CHARACTERS)?.length ?? 0) + Math.max(0, indentOf(line) - NORMAL_INDENT) + Math.max(0, listMarkersOpening(line) - 1);
}

const isSpace = (code: number) => code === 0x20 || code === 0x09;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * How many list items open at the start of a line: `- - - x` nests three lists on one
 * line, and `1. 1. x` two. One is an ordinary list line; each more is a level of
 * nesting, which micromark pays for quadratically (5,000 on one line: 20 s).
 */
function listMarkersOpening(line: string): number {
  let count = 0;
  let at = 0;
  for (;;) {
    while (isSpace(line.charCodeAt(at))) at++;
    const code = line.charCodeAt(at);
    if (code === 0x2d || code === 0x2b) {
      at++; // - +
    } else if (isDigit(code)) {
      const digits = at;
      while (isDigit(line.charCodeAt(at)) && at - digits < 9) at++;
      if (line[at] !== '.' && line[at] !== ')') return count;
      at++;
    } else {
      return count;
    }
    if (at < line.length && !isSpace(line.charCodeAt(at))) return count;
    count++;
  }
}

/** The blocks remark cannot parse in bounded time, as offsets [start, end) in order. */
function unboundedBlocks(index: LineIndex, kinds: LineKind[]): [number, number][] {
  const blanked: [number, number][] = [];
  let blockStart = -1;
  let markup = 0;
  let tooLong = false;
  const endBlock = (line: number) => {
    if (blockStart >= 0 && (tooLong || markup > MAX_BLOCK_MARKUP)) blanked.push([index.starts[blockStart], index.starts[line - 1] + index.lines[line - 1].length]);
    blockStart = -1;
    markup = 0;
    tooLong = false;
  };
  index.lines.forEach((text, line) => {
    const kind = kinds[line];
    if (kind !== 'text' || isBlank(text)) {
      endBlock(line);
      if (kind === 'heading' && text.length > MAX_PARSED_LINE) blanked.push([index.starts[line], index.starts[line] + text.length]);
      return;
    }
    // Each footnote definition is a block of its own for remark, so a long run of them (a GFM notes list) is not one huge block.
    if (FOOTNOTE_DEFINITION_START.test(text)) endBlock(line);
    if (blockStart < 0) blockStart = line;
    markup += markupIn(text);
    tooLong ||= text.length > MAX_PARSED_LINE;
  });
  endBlock(index.lines.length);
  return blanked;
}

/*
 * Prose: a line with nothing that gives remark's tree facts of its own — no HTML (but
 * for `<sup>`/`<sub>` tags), bare link (`://`, `www.`, an address's `@`), image or
 * link other than an inline link `[text](target "title")` or an autolink `<https://…>`
 * with nothing in either to decode or parse further, no code but spans between single
 * backticks — and nothing at its start that opens a block (emphasis may). Note calls
 * `[^N]` (not followed by `(` or `[`, which would make one a link's text), emphasis,
 * strikethrough, escapes and entities give the tree nothing it is read for. A
 * top-level paragraph of prose thus tells the tree nothing but where it starts and
 * ends and where its links and code spans are (but for one that may be set entirely in
 * emphasis, a byline), and that can be read off the lines: remark is given a thematic
 * break in its place (BREAK). Markers and URLs are found by scanning the source, as everywhere else.
 */
const NOTE_CALL = /\[\^\d{1,9}\](?![([])/g;
const SUP_OR_SUB_TAG = /<\/?su[pb]>/gi;
/** `[text](target)` or `[text](target "title")`: remark reads nothing in the title, and only a plain one is taken here. */
const PLAIN_LINK = /\[([^[\]`*_<>!~\\&|@^\r\n]+)\]\(([^\s()<>[\]\\&"'`]+)(?:\)|[ \t]+"[^"\\\r\n<>[\]`&]*"\))/g;
/** An autolink whose text and target are the URL as written: no entity or escape to decode, no space or bracket to end it early. */
const AUTOLINK = /<(https?:\/\/[\w\-.~:/?#@!$'()*+,;=%]*)>/g;
const BARE_LINK = /:\/\/|www\./i;
const NOT_PROSE = /[`<[\]!@]|:\/\/|www\./i;
/** Block openers, and `*`, `_`, `~` and `|` at the start of a line, which may open one (a list item, a break, a fence, a table's delimiter row). */
const OPENS_BLOCK = /^[ \t]*(?:[#>=+:<*_~|-]|\[\^|\d+[.)])/;
/** Emphasis or an autolink, which OPENS_BLOCK takes for a list item, a break or HTML: sentences and notes often start with an italic title or a URL. */
const OPENS_TEXT = /^[ \t]*(?:[*_]{1,2}(?=[^\s*_])|<(?:https?:\/\/|www\.))/i;
/** Blank as remark sees it: spaces and tabs only (a line of no-break spaces is text). */
const BLANK_FOR_REMARK = /^[ \t]*$/;

type ProseLink = TreeFacts['links'][number] & { textEnd: number };

/** What the lines of a block give the tree facts: its links, and its code spans, which markers are not looked for in. */
interface InlineFacts {
  links: ProseLink[];
  code: Interval[];
}

/** Short and shallow enough for remark to parse in bounded time (see unboundedBlocks). */
function withinLimits(line: string): boolean {
  return line.length <= MAX_PARSED_LINE && indentOf(line) <= NORMAL_INDENT;
}

/** The inline facts of a line of prose (offsets from `at`, where the line starts), or null when the line is not prose. */
function proseFacts(line: string, at: number): InlineFacts | null {
  return withinLimits(line) && opensParagraph(line) ? inlineFacts(line, at) : null;
}

/** Whether a line's start opens (or continues) a paragraph: no block opener, or one that is emphasis or an autolink after all. */
function opensParagraph(line: string): boolean {
  return !OPENS_BLOCK.test(line) || OPENS_TEXT.test(line);
}

/** A code span between single backticks: a line with a longer run of backticks, or an escaped one, is left to remark. */
const CODE_SPAN = /`[^`]*`/g;

/** The links and code spans in `text`, which starts at `at`, in order; or null when it has anything else remark would find (see above). */
function inlineFacts(text: string, at: number): InlineFacts | null {
  // An escaped bracket is text: what follows it is no link, whatever PLAIN_LINK or AUTOLINK would find there.
  if (text.includes('\\[') || text.includes('\\<')) return null;
  const code: Interval[] = [];
  let rest = text;
  if (text.includes('`')) {
    // Code spans come before links and emphasis, but after autolinks and HTML, which a `<` could open around one.
    if (text.includes('``') || text.includes('\\`') || text.includes('<')) return null;
    for (const match of text.matchAll(CODE_SPAN)) code.push([at + match.index!, at + match.index! + match[0].length]);
    // Spaces in the spans' place: nothing in a span is a link or a call, and offsets stay as they are.
    rest = text.replace(CODE_SPAN, (span) => ' '.repeat(span.length));
    // A backtick left over opens a span that may close on a later line.
    if (rest.includes('`')) return null;
  }
  const outsideCode = rest;
  const links: ProseLink[] = [];
  if (outsideCode.includes('](')) {
    for (const match of outsideCode.matchAll(PLAIN_LINK)) {
      // A bare link in a link's text is not one (links do not nest), but a line that has one is left to remark all the same.
      if (BARE_LINK.test(match[1])) return null;
      const start = at + match.index!;
      const end = start + match[0].length;
      // A code span in a link's text or title: the link, if it is one, is read by remark.
      if (code.some(([from, to]) => start < to && from < end)) return null;
      links.push({ text: collapseWhitespace(match[1]), target: match[2], start, end, textEnd: start + 1 + match[1].length });
    }
    rest = rest.replace(PLAIN_LINK, '');
  }
  if (rest.includes('<')) {
    const inline = links.length;
    for (const match of outsideCode.matchAll(AUTOLINK)) {
      const start = at + match.index!;
      const end = start + match[0].length;
      links.push({ text: match[1], target: match[1], start, end, textEnd: end - 1 });
    }
    if (inline && links.length > inline) links.sort((a, b) => a.start - b.start);
    rest = rest.replace(AUTOLINK, '').replace(SUP_OR_SUB_TAG, '');
  }
  if (rest.includes('[^')) rest = rest.replace(NOTE_CALL, '');
  return NOT_PROSE.test(rest) ? null : { links, code };
}

function atMargin(line: string): boolean {
  return !isSpace(line.charCodeAt(0));
}

/**
 * Fenced code or an HTML block of a kind that runs past blank lines, anywhere in a line
 * (in a list item or a footnote definition too): a list item or a definition after one
 * still open takes the blank lines before it into that block, where a break in its place does not.
 */
const MAY_RUN_ON = /```|~~~|<[!?]|<\/?(?:script|pre|style|textarea)(?![\w-])/i;

/** Whether a chunk has fenced code or an HTML block, which can run past blank lines and take in whatever follows. */
function mayRunPastBlankLines(lines: string[], kinds: LineKind[]): boolean {
  return kinds.includes('code') || lines.some((line) => (line.includes('<') && HTML_BLOCK_START.test(line)) || MAY_RUN_ON.test(line));
}

/**
 * The blocks (first and last line) that are sure to be top-level blocks: each starts
 * at the left margin, between blank lines, and so do the blocks before and after it,
 * so any list, quote or footnote definition before it is closed by it, and it leaves
 * nothing open after it. A chunk in which a block may run past blank lines has none.
 */
function marginBlocks(index: LineIndex, kinds = lineKinds(index.lines), readable = !mayRunPastBlankLines(index.lines, kinds)): [number, number][] {
  const { lines } = index;
  if (!readable) return [];
  const blocks: [number, number][] = [];
  /** The last line of the block before, or -1. */
  let before = -1;
  let line = 0;
  while (line < lines.length) {
    if (BLANK_FOR_REMARK.test(lines[line])) {
      line++;
      continue;
    }
    const first = line;
    while (line < lines.length && !BLANK_FOR_REMARK.test(lines[line])) line++;
    let after = line;
    while (after < lines.length && BLANK_FOR_REMARK.test(lines[after])) after++;
    if (atMargin(lines[first]) && (before < 0 || atMargin(lines[before])) && (after === lines.length || atMargin(lines[after]))) blocks.push([first, line - 1]);
    before = line - 1;
  }
  return blocks;
}

/** The inline facts of lines `first` to `last`, in order, each line's read by `factsOf`; null when `factsOf` finds a line with something else. */
function linesFacts(first: number, last: number, factsOf: (line: number) => InlineFacts | null): InlineFacts | null {
  const links: ProseLink[] = [];
  const code: Interval[] = [];
  for (let line = first; line <= last; line++) {
    const found = factsOf(line);
    if (!found) return null;
    for (const link of found.links) links.push(link);
    for (const span of found.code) code.push(span);
  }
  return { links, code };
}

/** A block whose facts are read off its lines: where it starts and ends, its links and its code spans. */
export interface LinkedBlock extends InlineFacts {
  start: number;
  end: number;
}

/** A first and a last line that may open and close emphasis around the whole paragraph. */
const MAY_OPEN_EMPHASIS = /^[ \t]*[*_]/;
const MAY_CLOSE_EMPHASIS = /[*_][ \t]*$/;

/** The top-level paragraphs of prose, in order; each at least 3 characters long, for the break that stands in for it (see treeFacts). */
export function proseParagraphs(index: LineIndex, blocks = marginBlocks(index)): LinkedBlock[] {
  const { lines, starts } = index;
  const paragraphs: LinkedBlock[] = [];
  for (const [first, last] of blocks) {
    // A paragraph set entirely in bold or italics (a byline) is one remark tells apart.
    if (MAY_OPEN_EMPHASIS.test(lines[first]) && MAY_CLOSE_EMPHASIS.test(lines[last])) continue;
    const facts = linesFacts(first, last, (line) => proseFacts(lines[line], starts[line]));
    const end = starts[last] + lines[last].length;
    if (facts && end - starts[first] >= BREAK.length) paragraphs.push({ start: starts[first], end, ...facts });
  }
  return paragraphs;
}

/*
 * Footnote definitions: the tree walk reads nothing inside one (see extractFacts), only
 * its label, where it starts and ends and where its content starts. For a definition
 * with a number for a label, opened at the left margin and followed on the same line
 * by a paragraph that every later line continues, that can be read off the lines. Its
 * content must open no block (nor code or a link definition, which would define a
 * label for the whole document); it ends where its last line does, trailing spaces
 * included, as remark has it. This holds only in a chunk with no calls, since remark
 * resolves a call only against the definitions it parses.
 */
const NUMBERED_DEFINITION = /^\[\^(\d{1,9})\]:[ \t]*/;
const OPENS_CODE_OR_DEFINITION = /^[ \t]*[`[]/;

/** Whether a note's text, or a line of it, opens a paragraph (or continues one) and no other block. */
function opensText(text: string): boolean {
  return text !== '' && withinLimits(text) && !OPENS_CODE_OR_DEFINITION.test(text) && opensParagraph(text);
}

export type PlainDefinition = TreeFacts['definitions'][number];

/** The footnote definitions, in order, that remark need not see in a chunk whose lines are indexed by `index`. */
export function plainDefinitions(index: LineIndex, blocks = marginBlocks(index)): PlainDefinition[] {
  const { lines, starts } = index;
  if (pieceKind(lines, 0, lines.length) !== 'notes') return [];
  const definitions: PlainDefinition[] = [];
  for (const [first, last] of blocks) {
    const found: PlainDefinition[] = [];
    for (let line = first; line <= last; line++) {
      const text = lines[line];
      const opening = NUMBERED_DEFINITION.exec(text);
      const content = opening ? text.slice(opening[0].length) : text;
      if (!((opening || line > first) && opensText(content))) {
        found.length = 0;
        break;
      }
      const end = starts[line] + text.length;
      if (opening) found.push({ label: opening[1], start: starts[line], end, contentStart: end - content.length });
      else found[found.length - 1].end = end;
    }
    for (const definition of found) definitions.push(definition);
  }
  return definitions;
}

/** Inserts each of `groups` (in order, each a paragraph's) into `list` (in document order) before what starts after the paragraph. */
function insertInOrder<T>(list: T[], groups: { at: number; items: T[] }[], startOf: (item: T) => number): T[] {
  const merged: T[] = [];
  let next = 0;
  for (const group of groups) {
    while (next < list.length && startOf(list[next]) < group.at) merged.push(list[next++]);
    for (const item of group.items) merged.push(item);
  }
  return merged.concat(list.slice(next));
}

/**
 * Ordered list items — how many briefs number their endnotes — at the left margin:
 * the tree walk reads only the links of a list item's paragraph. Where every line of
 * a block is an item opened on a paragraph of prose or a line of prose continuing it
 * (see inlineFacts), those can be read off the lines. The item's text starts after
 * one to four spaces (more would make it code).
 */
const ORDERED_ITEM = /^\d{1,9}[.)] {1,4}(?=[^ \t])/;

/** The blocks of ordered list items, in order, whose links can be read off the lines, with those links. */
export function plainListItems(index: LineIndex, blocks = marginBlocks(index)): LinkedBlock[] {
  const { lines, starts } = index;
  const items: LinkedBlock[] = [];
  for (const [first, last] of blocks) {
    const facts = linesFacts(first, last, (line) => {
      const text = lines[line];
      const marker = ORDERED_ITEM.exec(text);
      const content = marker ? text.slice(marker[0].length) : text;
      return (marker || line > first) && opensText(content) ? inlineFacts(content, starts[line] + text.length - content.length) : null;
    });
    if (facts) items.push({ start: starts[first], end: starts[last] + lines[last].length, ...facts });
  }
  return items;
}

/**
 * An ATX heading at the left margin, of text with no markup, link, escape, entity or
 * `#` (so no closing sequence): remark's facts for it can be read off the line. It
 * starts at the `#`s and ends with the line; its text is what is between the spaces
 * after the `#`s and those at the end of the line.
 */
const PLAIN_HEADING = /^(#{1,6})[ \t]+([^\s#`<[\]!@*_~\\&][^#`<[\]!@*_~\\&]*?)[ \t]*$/;

type HeadingFacts = TreeFacts['headings'][number];

/** The headings of a chunk, in order, that remark need not see (see PLAIN_HEADING); none in a chunk in which a block may run past blank lines. */
export function plainHeadings(index: LineIndex, kinds = lineKinds(index.lines), readable = !mayRunPastBlankLines(index.lines, kinds)): HeadingFacts[] {
  const { lines, starts } = index;
  if (!readable) return [];
  const headings: HeadingFacts[] = [];
  kinds.forEach((kind, line) => {
    const match = kind === 'heading' ? PLAIN_HEADING.exec(lines[line]) : null;
    if (!match || BARE_LINK.test(match[2])) return;
    const start = starts[line];
    const textStart = start + match[0].indexOf(match[2], match[1].length);
    headings.push({ depth: match[1].length, title: collapseWhitespace(match[2]), start, end: start + lines[line].length, textStart, textEnd: textStart + match[2].length });
  });
  return headings;
}

/**
 * What stands in for a prose paragraph, a plain footnote definition or a plain
 * heading, or for a run of them with only blank lines between: a thematic break. Like
 * them, it sits at the left margin, closes every list, quote and footnote definition
 * before it, and leaves none open after it (spaces in their place would be taken into
 * the code of a list item opened as `1.     code`).
 */
const BREAK = '***';

/** A block remark does not see: `lead` stands in for it, or spaces as long as it when there is no lead. */
interface Blanked {
  start: number;
  end: number;
  lead: string;
}

/** Line breaks, spaces and tabs: blank lines, as remark sees them (a no-break space is text). */
const ONLY_SPACE = /^[ \t\r\n]*$/;

/**
 * What remark parses: `source` with each of `blanked` (in order, apart) replaced, and
 * the offset in `source` of each offset in it. A block with a lead is cut down to it,
 * and so is a run of them with only blank lines between (remark reads spaces one by
 * one too, and sets up each block it reads; the blocks left out are most of a brief).
 * `onlyLeads` says that nothing else is left, which gives remark nothing to find.
 */
function forRemark(source: string, blanked: Blanked[]): { text: string; onlyLeads: boolean; sourceOffset: (offset: number) => number } {
  const merged: Blanked[] = [];
  for (const block of blanked) {
    const last = merged.at(-1);
    if (last?.lead && block.lead === last.lead && ONLY_SPACE.test(source.slice(last.end, block.start))) merged[merged.length - 1] = { ...last, end: block.end };
    else merged.push(block);
  }
  let text = '';
  let at = 0;
  let onlyLeads = true;
  /** Where each lead ends in `text`, and how many characters were left out up to there. */
  const leadEnds: number[] = [];
  const leftOut: number[] = [];
  const keep = (kept: string) => {
    onlyLeads &&= ONLY_SPACE.test(kept);
    text += kept;
  };
  for (const { start, end, lead } of merged) {
    keep(source.slice(at, start));
    text += lead || ' '.repeat(end - start);
    if (lead) {
      leadEnds.push(text.length);
      leftOut.push((leftOut.at(-1) ?? 0) + end - start - lead.length);
    }
    at = end;
  }
  keep(source.slice(at));
  return {
    text,
    onlyLeads,
    sourceOffset: (offset) => {
      const before = countAtMost(leadEnds, offset);
      return before ? offset + leftOut[before - 1] : offset;
    },
  };
}

/** `facts` with every offset taken to `source` by `sourceOffset` (see forRemark). */
function inSource(facts: TreeFacts, sourceOffset: (offset: number) => number): TreeFacts {
  const at = sourceOffset;
  return {
    headings: facts.headings.map((h) => ({ ...h, start: at(h.start), end: at(h.end), textStart: at(h.textStart), textEnd: at(h.textEnd) })),
    links: facts.links.map((l) => ({ ...l, start: at(l.start), end: at(l.end) })),
    excluded: facts.excluded.map(([start, end]): Interval => [at(start), at(end)]),
    definitions: facts.definitions.map((d) => ({ ...d, start: at(d.start), end: at(d.end), contentStart: at(d.contentStart) })),
    paragraphs: facts.paragraphs.map((p) => ({ ...p, start: at(p.start), end: at(p.end) })),
  };
}

/**
 * The facts of one chunk. Parsing never throws: should remark or the tree walk still
 * overflow the stack on some nesting not caught by unboundedBlocks, only the chunk's first line
 * (its heading) is kept.
 */
function parseChunk(chunk: string): ChunkFacts {
  const source = withoutBom(chunk);
  return factsOf(chunk, treeFacts(source) ?? firstLineFacts(source));
}

/** A chunk's facts for a session, which keeps them from version to version (see keptParts). */
function parseKeptChunk(chunk: string): ChunkFacts {
  const facts = parseChunk(chunk);
  keptParts(facts.at(0));
  return facts;
}

/**
 * Parts a session keeps from version to version, with every string in them copied,
 * so that they do not hold on to the text of the version they were parsed from (a
 * copy of the words kept, not of the whole chunk), and every empty list the shared
 * one. Changes `parts`, which must be freshly built, and returns it.
 */
function keptParts(parts: ChunkParts): ChunkParts {
  for (const heading of parts.headings) heading.title = detached(heading.title);
  for (const link of parts.links) {
    link.text = detached(link.text);
    link.target = detached(link.target);
  }
  for (const marker of parts.markers) marker.label = detached(marker.label);
  for (const url of parts.urls) url.url = detached(url.url);
  for (const definition of parts.definitions) {
    definition.label = detached(definition.label);
    for (const segment of definition.segments) segment.text = detached(segment.text);
  }
  const lists = parts as unknown as Record<string, readonly unknown[]>;
  for (const key in lists) if (!lists[key].length) lists[key] = NONE;
  return parts;
}

/** The parts of joined pieces, piece by piece: `bounds` are the pieces' first lines, counted like the parts' lines; each piece's lines are then counted from its first. */
function splitParts(parts: ChunkParts, bounds: number[]): ChunkParts[] {
  const split = bounds.map((): ChunkPartsBuilder => ({ headings: [], links: [], markers: [], urls: [], paragraphs: [], definitions: [], codeLines: [] }));
  const pieceAt = (line: number): ChunkPartsBuilder => split[lastAtMost(bounds, line)];
  for (const heading of parts.headings) pieceAt(heading.line).headings.push(heading);
  for (const link of parts.links) pieceAt(link.range.start.line).links.push(link);
  for (const marker of parts.markers) pieceAt(marker.range.start.line).markers.push(marker);
  for (const url of parts.urls) pieceAt(url.range.start.line).urls.push(url);
  for (const paragraph of parts.paragraphs) pieceAt(paragraph.range.start.line).paragraphs.push(paragraph);
  for (const definition of parts.definitions) pieceAt(definition.range.start.line).definitions.push(definition);
  for (const lines of parts.codeLines) pieceAt(lines[0]).codeLines.push(lines);
  // The first piece is not moved by -0: V8 stores an integer computed with -0 as a boxed double, and once one position's
  // line is a double, every position's is (2.5 MB more on the 5 MB bench brief).
  return split.map((piece, i) => (bounds[i] === 0 ? piece : moveChunkParts(piece, -bounds[i])));
}

function factsOf(chunk: string, tree: TreeFacts): ChunkFacts {
  const index = new LineIndex(chunk);
  const codeLines: [number, number][] = [];
  for (const [start, end] of tree.excluded) {
    const first = index.positionAt(start).line;
    const last = index.positionAt(end).line;
    if (last > first) codeLines.push([first, last]);
  }
  const parts: ChunkParts = {
    headings: tree.headings.map((h) => ({ title: h.title, level: h.depth, line: index.positionAt(h.start).line, range: index.rangeOf(h.textStart, h.textEnd) })),
    links: tree.links.map((l) => ({ text: l.text, target: l.target, range: index.rangeOf(l.start, l.end) })),
    markers: scanMarkers(index, 0, chunk.length, mergeIntervals(tree.excluded)),
    urls: scanUrls(index, 0, chunk.length),
    paragraphs: tree.paragraphs.map((p) => ({ range: index.rangeOf(p.start, p.end), emphasised: p.emphasised })),
    definitions: tree.definitions.map((d) => definitionParts(index, d)),
    codeLines,
  };
  return new Placed(parts, moveChunkParts);
}

/**
 * The tree's facts, or null when remark or the walk overflowed the stack. remark
 * parses the source with its unbounded blocks blanked out and a thematic break
 * standing in for the prose paragraphs, plain footnote definitions, numbered notes and
 * headings, whose facts are read off the lines; `skipPlainBlocks` false gives it those
 * too, which the tests compare with.
 */
export function treeFacts(source: string, skipPlainBlocks = true): TreeFacts | null {
  try {
    const index = new LineIndex(source);
    const kinds = lineKinds(index.lines);
    const unbounded = unboundedBlocks(index, kinds);
    // A paragraph with hundreds of markers can be unbounded too: it stays blanked out as such, with no paragraph.
    const bounded = <T extends { start: number; end: number }>(blocks: T[]) => blocks.filter((p) => !unbounded.some(([from, to]) => from < p.end && p.start < to));
    // One look for blocks that run past blank lines, which leave nothing to read off the lines.
    const readable = skipPlainBlocks && !mayRunPastBlankLines(index.lines, kinds);
    const blocks = marginBlocks(index, kinds, readable);
    const prose = bounded(proseParagraphs(index, blocks));
    const notes = bounded(plainDefinitions(index, blocks));
    const items = bounded(plainListItems(index, blocks));
    const headings = bounded(plainHeadings(index, kinds, readable));
    const standIns = [...prose, ...notes, ...items, ...headings].map(({ start, end }) => ({ start, end, lead: BREAK }));
    const blanked = [...unbounded.map(([start, end]) => ({ start, end, lead: '' })), ...standIns].sort((a, b) => a.start - b.start);
    // The walk looks for links GFM gave no position in what remark parsed, so never in a link target of the prose left out.
    const parsed = forRemark(source, blanked);
    const tree = parsed.onlyLeads ? noFacts() : extractFacts(processor.parse(parsed.text) as Root, parsed.text);
    if (!standIns.length) return tree;
    const facts = inSource(tree, parsed.sourceOffset);
    // In the order the tree walk would have found them: each block's facts come after those of the blocks before it.
    const withLinks = [...prose, ...items].sort((a, b) => a.start - b.start);
    // Links and code spans do not overlap (inlineFacts): in the order of their starts, as the walk finds them. Most blocks have no code.
    const excludedIn = (block: LinkedBlock): Interval[] => {
      const targets = block.links.map((l): Interval => [l.textEnd, l.end]);
      return block.code.length ? [...targets, ...block.code].sort((a, b) => a[0] - b[0]) : targets;
    };
    const excludedByBlock = [...withLinks.map((p) => ({ at: p.start, items: excludedIn(p) })), ...notes.map((d) => ({ at: d.start, items: [[d.start, d.end] as Interval] }))];
    return {
      ...facts,
      paragraphs: insertInOrder(facts.paragraphs, prose.map((p) => ({ at: p.start, items: [{ start: p.start, end: p.end, emphasised: false }] })), (p) => p.start),
      links: insertInOrder(facts.links, withLinks.map((p) => ({ at: p.start, items: p.links.map(({ text, target, start, end }) => ({ text, target, start, end })) })), (l) => l.start),
      headings: insertInOrder(facts.headings, headings.map((h) => ({ at: h.start, items: [h] })), (h) => h.start),
      definitions: insertInOrder(facts.definitions, notes.map((d) => ({ at: d.start, items: [d] })), (d) => d.start),
      excluded: insertInOrder(facts.excluded, excludedByBlock.sort((x, y) => x.at - y.at), (e) => e[0]),
    };
  } catch {
    return null;
  }
}

function firstLineFacts(source: string): TreeFacts {
  const firstLine = source.slice(0, source.search(/[\r\n]|$/)).slice(0, MAX_PARSED_LINE);
  return treeFacts(firstLine) ?? noFacts();
}

export function parseMarkdown(text: string, reuse?: ParseReuse, chunking: MarkdownChunking = reuse ? 'notes' : 'merged'): BriefModel {
  const index = reuse ? reuse.lineIndex(text) : new LineIndex(text);
  const lines = index.lines;
  const headingLines: HeadingLine[] = [];
  const links: Link[] = [];
  let markers: Marker[] = [];
  const urls: UrlSpan[] = [];
  const definitions: NoteParts[] = [];
  const paragraphs: ChunkPartsBuilder['paragraphs'] = [];
  const codeLines = new Set<number>();

  const add = (parts: ChunkParts) => {
    headingLines.push(...parts.headings);
    links.push(...parts.links);
    markers.push(...parts.markers);
    urls.push(...parts.urls);
    definitions.push(...parts.definitions);
    paragraphs.push(...parts.paragraphs);
    for (const [first, last] of parts.codeLines) for (let line = first; line <= last; line++) codeLines.add(line);
  };
  // A reference link resolves against definitions anywhere in the same parse: with any, the brief is cut at headings only, and nothing is joined.
  const separable = !hasLinkDefinitions(lines);
  const pieces = chunkStarts(lines, chunking !== 'sections' && separable);
  // A session's first version has no chunks to reuse: it is parsed joined, as without a session, and kept piece by piece.
  const joined = separable && (chunking === 'merged' || reuse?.chunks.isEmpty() === true);
  const starts = joined ? joinedUpTo(MERGED_CHUNK_CHARS, lines, pieces) : pieces;
  const addPiece = (piece: number, parse: (chunk: string) => ChunkFacts) => {
    const startLine = pieces[piece];
    const from = index.startOf(startLine);
    const to = index.startOf(pieces[piece + 1] ?? lines.length);
    add((reuse ? reuse.chunks.find(text, from, to, parse) : parse(text.slice(from, to))).at(startLine));
  };
  let piece = 0;
  starts.forEach((startLine, i) => {
    const endLine = starts[i + 1] ?? lines.length;
    while (pieces[piece] < startLine) piece++;
    const first = piece;
    while (pieces[piece + 1] < endLine) piece++;
    const last = piece++;
    if (last > first) {
      const chunk = text.slice(index.startOf(startLine), index.startOf(endLine));
      const tree = treeFacts(withoutBom(chunk));
      if (tree) {
        const facts = factsOf(chunk, tree);
        if (!reuse) return add(facts.at(startLine));
        const bounds = pieces.slice(first, last + 1).map((line) => line - startLine);
        splitParts(facts.at(0), bounds).forEach((parts, k) => addPiece(first + k, () => new Placed(keptParts(parts), moveChunkParts)));
        return;
      }
    }
    // One piece, or joined pieces remark could not parse together: each on its own.
    for (let each = first; each <= last; each++) addPiece(each, reuse ? parseKeptChunk : parseChunk);
  });

  const sections = buildSections(index, headingLines);
  const endnotesAt = headingLines.findIndex((h) => isEndnotesHeading(h.title));
  const endnotesSection = endnotesAt >= 0 ? sections[endnotesAt] : null;

  const definitionLines = new Set<number>();
  for (const d of definitions) for (let line = d.range.start.line; line <= d.range.end.line; line++) definitionLines.add(line);

  let numbered: Endnote[] = [];
  if (endnotesSection) {
    const fromLine = endnotesSection.headingRange.start.line + 1;
    const toLine = endnotesSection.range.end.line + 1;
    numbered = scanNumberedNotes(index, fromLine, toLine, (line) => definitionLines.has(line) || codeLines.has(line), reuse?.notes);
    // Numbered notes are not markers: `¹ See …` opening a note is its number.
    const lastLine = endnotesSection.range.end.line;
    if (numbered.length) markers = markers.filter((m) => m.range.start.line < fromLine || m.range.start.line > lastLine);
  }
  const gfmNotes = definitionNotes(definitions, reuse?.definitionNotes);
  const endnotes = mergeInDocumentOrder(numbered, gfmNotes);

  const title = findTitle(index, headingLines);
  const byline = findByline(index, paragraphs, title);
  const afterTop = byline ?? title;
  const firstParagraphBlock = paragraphs.find((p) => !afterTop || p.range.start.line > afterTop.range.end.line);
  const firstParagraph: TextLine | null = firstParagraphBlock ? { text: collapseWhitespace(textOf(index, firstParagraphBlock.range)), range: firstParagraphBlock.range } : null;

  return {
    format: 'markdown',
    lines,
    title,
    byline,
    sections,
    endnotesSection,
    markers,
    endnotes,
    links,
    urls,
    firstParagraph,
  };
}

function textOf(index: LineIndex, range: Range): string {
  return index.text.slice(index.offsetAt(range.start), index.offsetAt(range.end));
}

/** A footnote definition's parts: its label as written, its number, and its text line by line. */
function definitionParts(index: LineIndex, d: TreeFacts['definitions'][number]): NoteParts {
  const startPos = index.positionAt(d.start);
  const endPos = index.positionAt(d.end);
  const contentStart = index.positionAt(d.contentStart);
  const labelMatch = /^\s*\[\^([^\]]+)\]:/.exec(index.text.slice(d.start, d.contentStart + 1));
  const label = labelMatch ? labelMatch[1] : d.label;
  const firstLine = startPos.line;
  const segments: NoteSegment[] = [];
  for (let line = firstLine; line <= endPos.line; line++) {
    const lineText = index.lines[line];
    const indent = lineText.length - lineText.trimStart().length;
    const textStart = contentStart.line === firstLine ? Math.min(contentStart.character, lineText.length) : lineText.length;
    const from = line === firstLine ? textStart : indent;
    const to = line === endPos.line ? Math.min(endPos.character, lineText.trimEnd().length) : lineText.trimEnd().length;
    if (to > from) segments.push({ text: lineText.slice(from, to), range: { start: { line, character: from }, end: { line, character: to } } });
  }
  if (!segments.length) segments.push({ text: '', range: { start: endPos, end: endPos } });
  const labelStart = startPos.character + index.lines[firstLine].slice(startPos.character).indexOf('[^') + 2;
  return {
    number: /^\d{1,5}$/.test(label) ? Number(label) : null,
    label,
    style: 'gfm',
    range: { start: { line: firstLine, character: labelStart - 2 }, end: segments[segments.length - 1].range.end },
    numberRange: { start: { line: firstLine, character: labelStart }, end: { line: firstLine, character: labelStart + label.length } },
    segments,
  };
}

function definitionNotes(definitions: NoteParts[], reuse: NotesFromParts | undefined): Endnote[] {
  const notes: Endnote[] = [];
  for (const parts of definitions) {
    const previous = notes[notes.length - 1];
    notes.push(reuse ? reuse.get(parts, previous) : makeEndnote({ ...parts, previous }));
  }
  return notes;
}

function mergeInDocumentOrder(a: Endnote[], b: Endnote[]): Endnote[] {
  if (!a.length) return b;
  if (!b.length) return a;
  return [...a, ...b].sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
}

/** The first H1, or else the first heading when it opens the document. */
function findTitle(index: LineIndex, headings: HeadingLine[]): TextLine | null {
  const h1 = headings.find((h) => h.level === 1);
  const firstContent = index.lines.findIndex((line) => !isBlank(line));
  const chosen = h1 ?? (headings[0] && headings[0].line === firstContent ? headings[0] : undefined);
  return chosen ? { text: chosen.title, range: chosen.range } : null;
}

/** A short paragraph right after the title that starts with "By" or is set entirely in bold or italics. */
function findByline(index: LineIndex, paragraphs: ChunkParts['paragraphs'], title: TextLine | null): TextLine | null {
  if (!title) return null;
  const next = paragraphs.find((p) => p.range.start.line > title.range.end.line);
  if (!next) return null;
  const raw = textOf(index, next.range);
  if (raw.length > 200 || !(next.emphasised || BYLINE.test(raw))) return null;
  return { text: collapseWhitespace(raw), range: next.range };
}
