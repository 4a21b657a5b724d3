/**
 * What one document's analyses carry from version to version, so that the cost of
 * a keystroke follows the edit: the Markdown chunks already parsed, and each rule's
 * findings together with exactly what the rule read from the model to make them.
 *
 * A rule reads the model through a recording proxy. On the next version the rule
 * runs again only if something it read differs: a model property it touched (compared
 * by value), an element of a list it looked at (a line, a note, a marker…), a list's
 * length it asked for, or the settings. A body-text keystroke thus re-runs the rules
 * that scan every line, not those about notes, and a rule that only asks whether there
 * are markers does not re-run because one moved.
 * Rules are pure functions of (model, config); that is what makes this sound, and the
 * incremental property test (test/unit/incremental.test.ts) checks it on random edits.
 */
import { BriefConfig } from './config';
import { ByLine, TextMemo, detached } from './memo';
import { BriefModel } from './model';
import { ParseReuse } from './parse/reuse';
import { Finding, Rule, RuleMemory } from './rules';

type ModelKey = keyof BriefModel;

/** What a rule read of one list in the model (lines, sections, markers, notes, links, URLs). */
interface ListReads {
  indices: Set<number>;
  /** It asked how long the list is. */
  length: boolean;
  /** It enumerated the list's keys: any change counts. */
  whole: boolean;
}

interface RuleRun {
  model: BriefModel;
  config: BriefConfig;
  /** Model properties the rule read that are not lists, compared whole. */
  keys: Set<ModelKey>;
  lists: Map<ModelKey, ListReads>;
  /** The rule enumerated the model itself: any change re-runs it. */
  everything: boolean;
  outcome: { findings: Finding[] } | { error: unknown };
}

export class AnalysisSession {
  /** The Markdown chunks and endnotes of the last version parsed. */
  readonly parseReuse = new ParseReuse();
  private readonly runs = new Map<Rule, RuleRun>();
  private readonly memories = new Map<Rule, RuleMemory>();
  /** What rules remember by text: shared, so that rules parsing the same notes keep one copy of each note's text. */
  private readonly remembered = new TextMemo();
  /** Per version: which properties (and list elements) of an earlier model equal this version's, so that each is compared once. */
  private sameAs = new Map<BriefModel, { whole: Map<ModelKey, boolean>; elements: Map<ModelKey, Map<number, boolean>> }>();

  /** Runs a rule, or returns its previous outcome when nothing it read has changed. Throws what the rule throws. */
  check(rule: Rule, model: BriefModel, config: BriefConfig): Finding[] {
    const previous = this.runs.get(rule);
    let outcome: RuleRun['outcome'];
    if (previous && this.unchanged(previous, model, config)) {
      previous.model = model;
      outcome = previous.outcome;
    } else {
      const run: RuleRun = { model, config, keys: new Set(), lists: new Map(), everything: false, outcome: { findings: [] } };
      try {
        run.outcome = { findings: rule.check(recording(model, run, previous), config, this.memoryOf(rule)).map(detachFinding) };
      } catch (error) {
        run.outcome = { error };
      }
      // A rule that read a whole list is compared on the whole list: keep a flag, not every index (45,000 for a 5 MB brief's lines).
      for (const [key, reads] of run.lists) {
        if (reads.whole || (reads.length && reads.indices.size >= (model[key] as unknown[]).length)) {
          reads.whole = true;
          reads.indices = new Set();
        }
      }
      this.runs.set(rule, run);
      outcome = run.outcome;
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.findings;
  }

  private memoryOf(rule: Rule): RuleMemory {
    let memory = this.memories.get(rule);
    if (!memory) {
      const byLine = new ByLine<unknown>();
      memory = {
        perLine: (lines, compute, move) => byLine.map(lines, compute, move as (result: unknown, by: number) => unknown) as ReturnType<typeof compute>[],
        remember: (compute) => this.remembered.of(compute),
      };
      this.memories.set(rule, memory);
    }
    return memory;
  }

  /** Starts a new version: forgets comparisons made for the previous one. */
  beginVersion(): void {
    this.sameAs = new Map();
  }

  private unchanged(run: RuleRun, model: BriefModel, config: BriefConfig): boolean {
    if (run.config !== config || run.everything) return false;
    if (run.model === model) return true;
    const before = run.model;
    for (const [key, reads] of run.lists) {
      const was = before[key] as unknown[];
      const is = model[key] as unknown[];
      if (reads.whole) {
        if (!this.same(before, model, key)) return false;
        continue;
      }
      if (reads.length && was.length !== is.length) return false;
      if (this.comparisons(before).whole.get(key) === true) continue;
      for (const i of reads.indices) if (!this.sameElement(before, model, key, i)) return false;
    }
    for (const key of run.keys) if (!this.same(before, model, key)) return false;
    return true;
  }

  private comparisons(before: BriefModel) {
    let known = this.sameAs.get(before);
    if (!known) this.sameAs.set(before, (known = { whole: new Map(), elements: new Map() }));
    return known;
  }

  private same(before: BriefModel, model: BriefModel, key: ModelKey): boolean {
    const known = this.comparisons(before).whole;
    let same = known.get(key);
    if (same === undefined) known.set(key, (same = deepEqual(before[key], model[key])));
    return same;
  }

  /** Rules that look a few elements up (a `find` that stops early) share these comparisons. */
  private sameElement(before: BriefModel, model: BriefModel, key: ModelKey, index: number): boolean {
    const lists = this.comparisons(before).elements;
    let known = lists.get(key);
    if (!known) lists.set(key, (known = new Map()));
    let same = known.get(index);
    if (same === undefined) known.set(index, (same = deepEqual((before[key] as unknown[])[index], (model[key] as unknown[])[index])));
    return same;
  }
}

/** Findings are kept for later versions, and a message built from a note's or a heading's text would hold on to this version's text. */
function detachFinding(finding: Finding): Finding {
  return {
    ...finding,
    message: detached(finding.message),
    ...(finding.related ? { related: finding.related.map((r) => ({ ...r, message: detached(r.message) })) } : {}),
  };
}

/**
 * A view of the model that records in `run` what the rule reads. A list the rule read
 * whole last time is handed over as it is and counted as read whole again: proxied
 * element access costs, and rules that scan every note or line do so each time.
 */
function recording(model: BriefModel, run: RuleRun, previous: RuleRun | undefined): BriefModel {
  const views = new Map<ModelKey, unknown[]>();
  const listView = (key: ModelKey, list: unknown[]): unknown[] => {
    let view = views.get(key);
    if (view) return view;
    if (previous?.lists.get(key)?.whole) {
      run.lists.set(key, { indices: new Set(), length: true, whole: true });
      views.set(key, list);
      return list;
    }
    const reads: ListReads = { indices: new Set(), length: false, whole: false };
    run.lists.set(key, reads);
    view = new Proxy(list, {
      get(target, property, receiver) {
        // Once every element has been read the list is compared whole: rules iterate notes many times, so stop recording.
        if (!reads.whole && typeof property === 'string') {
          const code = property.charCodeAt(0);
          if (code >= 48 && code <= 57) {
            reads.indices.add(Number(property));
            if (reads.length && reads.indices.size >= target.length) reads.whole = true;
          } else if (property === 'length') reads.length = true;
        }
        return Reflect.get(target, property, receiver);
      },
      ...onEnumeration<unknown[]>(() => (reads.whole = true)),
    });
    views.set(key, view);
    return view;
  };
  return new Proxy(model, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !(property in target)) return value;
      const key = property as ModelKey;
      if (Array.isArray(value)) return listView(key, value);
      run.keys.add(key);
      return value;
    },
    ...onEnumeration<BriefModel>(() => (run.everything = true)),
  });
}

/** Proxy traps for `in`, Object.keys and the like: what they reveal depends on everything, so `note` records that. */
function onEnumeration<T extends object>(note: () => void): Pick<ProxyHandler<T>, 'has' | 'ownKeys'> {
  return {
    has(target, property) {
      note();
      return Reflect.has(target, property);
    },
    ownKeys(target) {
      note();
      return Reflect.ownKeys(target);
    },
  };
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
  // for…in rather than Object.keys: model objects are plain, and this runs on every element at every keystroke.
  let keys = 0;
  for (const key in a) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
    keys++;
  }
  for (const key in b) if (Object.prototype.hasOwnProperty.call(b, key)) keys--;
  return keys === 0;
}
