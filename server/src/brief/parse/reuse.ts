import { CarryOver } from '../memo';
import { Endnote } from '../model';
import type { ChunkFacts } from './markdown';

/**
 * What parsing one version of a document leaves for the next (kept by an
 * AnalysisSession): the facts of each Markdown chunk, by its text, and each endnote,
 * by everything it is built from. A keystroke then re-parses one chunk and rebuilds
 * one note; the rest of the model keeps the objects it had.
 */
export class ParseReuse {
  readonly chunks = new CarryOver<ChunkFacts>();
  readonly notes = new CarryOver<Endnote>();

  /** Called once a version is parsed: forgets what it did not use. */
  nextVersion(): void {
    this.chunks.nextVersion();
    this.notes.nextVersion();
  }
}
