import { BriefConfig, Severity } from '../config';
import { BriefModel, Range } from '../model';

export interface RelatedLocation {
  range: Range;
  message: string;
}

/** What a rule reports; the registry adds the code and the configured severity. */
export interface Finding {
  range: Range;
  message: string;
  related?: RelatedLocation[];
}

/**
 * What an editing session keeps for one rule from a version of the document to the
 * next (see session.ts). A check without a session passes none.
 */
export interface RuleMemory {
  /**
   * Per-line results, carried from the last time the rule ran by position: `compute`
   * runs only for the lines that changed, `move` for kept results that now stand `by`
   * lines further down. One per-line result per rule.
   */
  perLine<T>(lines: readonly string[], compute: (text: string, line: number) => T, move: (result: T, by: number) => T): T[];
  /**
   * `compute`, remembered by text for the session: a rule that parses every note runs
   * again whenever one note changes, and the other notes are the texts it has seen.
   */
  remember<R>(compute: (text: string) => R): (text: string) => R;
}

export interface Rule {
  /** Stable code, shown in diagnostics and used in settings. Never renamed. */
  code: string;
  description: string;
  defaultSeverity: Severity;
  /** Whether the quick-fix layer offers a fix for this rule's findings. */
  fixable: boolean;
  check(model: BriefModel, config: BriefConfig, memory?: RuleMemory): Finding[];
}
