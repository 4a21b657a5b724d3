/**
 * What one document's analyses carry from version to version, so that the cost of
 * a keystroke follows the edit: the Markdown chunks already parsed, and each rule's
 * findings together with exactly what the rule read from the model to make them.
 *
 * A rule reads the model through a recording proxy. On the next version the rule
 * runs again only if something it read differs: a model property it touched (compared
 * by value), one of the lines it looked at, or the settings. A body-text keystroke thus
 * re-runs the rules that scan every line, not those about notes and markers.
 * Rules are pure functions of (model, config); that is what makes this sound, and the
 * incremental property test (test/unit/incremental.test.ts) checks it on random edits.
 */
import { BriefConfig } from './config';
import { BriefModel } from './model';
import type { ChunkCache } from './parse/markdown';
import { Finding, Rule } from './rules';

type ModelKey = keyof BriefModel;

interface RuleRun {
  model: BriefModel;
  config: BriefConfig;
  /** Model properties the rule read, other than `lines`. */
  keys: Set<ModelKey>;
  /** Indices of `model.lines` the rule read, and whether it asked how many lines there are. */
  lines: Set<number>;
  lineCount: boolean;
  /** The rule enumerated the model itself: any change re-runs it. */
  everything: boolean;
  outcome: { findings: Finding[] } | { error: unknown };
}

export class AnalysisSession {
  /** Markdown chunk text → facts, for the chunks of the last version parsed. */
  readonly chunks: ChunkCache = new Map();
  private readonly runs = new Map<Rule, RuleRun>();
  /** Per analysis: which model properties equal those of an earlier model, so each is compared once. */
  private sameAs = new Map<BriefModel, Map<ModelKey, boolean>>();

  /** Runs a rule, or returns its previous outcome when nothing it read has changed. Throws what the rule throws. */
  check(rule: Rule, model: BriefModel, config: BriefConfig): Finding[] {
    const previous = this.runs.get(rule);
    let outcome: RuleRun['outcome'];
    if (previous && this.unchanged(previous, model, config)) {
      previous.model = model;
      outcome = previous.outcome;
    } else {
      const run: RuleRun = { model, config, keys: new Set(), lines: new Set(), lineCount: false, everything: false, outcome: { findings: [] } };
      try {
        run.outcome = { findings: rule.check(recording(model, run), config) };
      } catch (error) {
        run.outcome = { error };
      }
      this.runs.set(rule, run);
      outcome = run.outcome;
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.findings;
  }

  /** Starts a new version: forgets comparisons made for the previous one. */
  beginVersion(): void {
    this.sameAs = new Map();
  }

  private unchanged(run: RuleRun, model: BriefModel, config: BriefConfig): boolean {
    if (run.config !== config || run.everything) return false;
    if (run.model === model) return true;
    const before = run.model;
    if (run.lineCount && before.lines.length !== model.lines.length) return false;
    for (const line of run.lines) if (before.lines[line] !== model.lines[line]) return false;
    let known = this.sameAs.get(before);
    if (!known) this.sameAs.set(before, (known = new Map()));
    for (const key of run.keys) {
      let same = known.get(key);
      if (same === undefined) known.set(key, (same = deepEqual(before[key], model[key])));
      if (!same) return false;
    }
    return true;
  }
}

function recording(model: BriefModel, run: RuleRun): BriefModel {
  const lines = new Proxy(model.lines, {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        const code = key.charCodeAt(0);
        if (code >= 48 && code <= 57) run.lines.add(Number(key));
        else if (key === 'length') run.lineCount = true;
      }
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      run.everything = true;
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      run.everything = true;
      return Reflect.ownKeys(target);
    },
  });
  return new Proxy(model, {
    get(target, key, receiver) {
      if (key === 'lines') return lines;
      if (typeof key === 'string' && key in target) run.keys.add(key as ModelKey);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      run.everything = true;
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      run.everything = true;
      return Reflect.ownKeys(target);
    },
  });
}

/** Structural equality of model data: primitives, arrays and plain objects. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
