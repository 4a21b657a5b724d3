import { ByLine, CarryOver } from '../memo';
import { Endnote } from '../model';
import type { ChunkFacts } from './markdown';
import { LineSpans, NoteParts, NoteReuse, makeEndnote } from './scan';
import { LineIndex } from './text';

/**
 * Parts of a document computed from one block of lines (a Markdown chunk), built with
 * line numbers counted from the block's first line, as they stand at the block's place
 * in the document, kept from the last time the block stood there:
 * typing in one block leaves the others' parts the same objects, and a block that
 * moved (a line added above it) is moved once. Blocks start at a line's start, so
 * only line numbers move.
 */
export class Placed<T> {
  /** Only the parts where the block last stood are kept (not a relative copy too): a move shifts them by the difference. */
  private placed: { line: number; parts: T };

  constructor(
    relative: T,
    private readonly move: (parts: T, by: number) => T,
  ) {
    this.placed = { line: 0, parts: relative };
  }

  at(line: number): T {
    if (this.placed.line !== line) this.placed = { line, parts: this.move(this.placed.parts, line - this.placed.line) };
    return this.placed.parts;
  }
}

interface StoredChunk {
  /** The chunk as it stands in the latest version that had it: a slice of that version's text, so nothing older is kept. */
  text: string;
  facts: ChunkFacts;
}

interface ChunkPositions {
  /** By the offset where the chunk starts: the chunks before an edit start where they did. */
  byStart: Map<number, StoredChunk>;
  /** By the distance from the chunk's start to the end of the text: the chunks after an edit keep it. */
  byEndDistance: Map<number, StoredChunk>;
  /** By length, confirmed by text: the chunks between two edits (fix-all, a replace-all) moved by neither measure. */
  byLength: Map<number, StoredChunk[]>;
}

const noChunks = (): ChunkPositions => ({ byStart: new Map(), byEndDistance: new Map(), byLength: new Map() });

/**
 * The Markdown chunks of the last version, found again in the new text by where they
 * stand rather than by their text: a chunk before the edit starts at the same offset,
 * one after it at the same distance from the end, and a native comparison in place
 * confirms it. Only a chunk found neither way is looked for among the chunks of its
 * length: the one chunk a keystroke changed, or the chunks between the edits of a
 * fix-all. No chunk's text is hashed or copied, so finding 1,000 unchanged chunks
 * costs far less than the one chunk parsed again. `parse` must return facts that hold
 * no part of the text they were parsed from: they outlive its version.
 */
export class ChunkReuse {
  private previous = noChunks();
  private current = noChunks();

  /** The facts of `text[from, to)`: the last version's, when it had the same chunk, else `parse`'s. */
  find(text: string, from: number, to: number, parse: (chunk: string) => ChunkFacts): ChunkFacts {
    const endDistance = text.length - from;
    // A slice compared with === is a native memcmp (startsWith compares character by character); a slice copies nothing.
    const chunk = text.slice(from, to);
    const { byStart, byEndDistance, byLength } = this.previous;
    let found = byStart.get(from);
    if (found?.text !== chunk) found = byEndDistance.get(endDistance);
    if (found?.text !== chunk) found = byLength.get(chunk.length)?.find((stored) => stored.text === chunk);
    // A new record rather than the found one updated: a fork reads the last version's records and must leave them as they are.
    const stored: StoredChunk = { text: chunk, facts: found ? found.facts : parse(chunk) };
    this.current.byStart.set(from, stored);
    this.current.byEndDistance.set(endDistance, stored);
    const sameLength = this.current.byLength.get(chunk.length);
    if (sameLength) sameLength.push(stored);
    else this.current.byLength.set(chunk.length, [stored]);
    return stored.facts;
  }

  /** Whether no version was parsed yet: nothing to reuse. */
  isEmpty(): boolean {
    return this.previous.byStart.size === 0 && this.current.byStart.size === 0;
  }

  nextVersion(): void {
    this.previous = this.current;
    this.current = noChunks();
  }

  /** A reuse that starts from this one's last version; the maps it shares it only reads, so this one stays as it is. */
  fork(): ChunkReuse {
    const fork = new ChunkReuse();
    fork.previous = this.previous;
    return fork;
  }
}

/**
 * Endnotes built from the footnote definitions of Markdown chunks, by the parts
 * object itself: an unchanged chunk that did not move hands over the same parts, and
 * so gets the same notes without a key being written or compared. What Ibid. points
 * to comes from the note before, so that note's number must match too.
 */
export class NotesFromParts {
  private readonly built = new WeakMap<NoteParts, { previousNumber: number | null; note: Endnote }>();

  get(parts: NoteParts, previous: Endnote | undefined): Endnote {
    const previousNumber = previous?.number ?? null;
    const known = this.built.get(parts);
    if (known && known.previousNumber === previousNumber) return known.note;
    const note = makeEndnote({ ...parts, previous });
    this.built.set(parts, { previousNumber, note });
    return note;
  }
}

/**
 * What parsing one version of a document leaves for the next (kept by an
 * AnalysisSession): its line index, the facts of each Markdown chunk, each endnote by
 * everything it is built from, and each plain-text line's markers and URLs. A
 * keystroke then cuts a few lines, re-parses one chunk and rebuilds one note; the
 * rest of the model keeps the objects it had.
 */
export class ParseReuse {
  constructor(
    private lastIndex?: LineIndex,
    readonly chunks = new ChunkReuse(),
    readonly notes: NoteReuse = new CarryOver<Endnote, number>(),
    readonly definitionNotes = new NotesFromParts(),
    /** Plain text: the markers and URLs of each line, carried by position. */
    readonly lineSpans = new ByLine<LineSpans>(),
    /** Plain text: what the heading heuristic reads of each line by itself (parse/plaintext.ts). */
    readonly lineShapes = new ByLine<number>(),
  ) {}

  /** The line index of `text`, cut again only where it differs from the last version's. */
  lineIndex(text: string): LineIndex {
    this.lastIndex = this.lastIndex ? LineIndex.following(this.lastIndex, text) : new LineIndex(text);
    return this.lastIndex;
  }

  /** Called once a version is parsed: forgets what it did not use. */
  nextVersion(): void {
    this.chunks.nextVersion();
    this.notes.nextVersion();
  }

  /**
   * A reuse for parsing texts derived from the last version (fix-all re-checks the
   * brief after each kind of fix) that leaves this one, and so the next keystroke's
   * reuse, as it is.
   */
  fork(): ParseReuse {
    return new ParseReuse(this.lastIndex, this.chunks.fork(), this.notes.fork(), this.definitionNotes, this.lineSpans.fork(), this.lineShapes.fork());
  }
}
