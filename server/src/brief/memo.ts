/**
 * Pure functions of a string, remembered for the strings they were last asked about.
 * Rules run again at every keystroke over every note and heading, and almost all of
 * them are the same as at the previous keystroke: parsing a citation or normalising a
 * heading once per distinct text keeps that cost with the text that changed.
 * The functions remembered in one memo share its copy of each text: several rules
 * parse every note, and a copy per rule was 2 MB more on a 5 MB brief.
 * Bounded: past `capacity` texts the memory starts over, so a session that types
 * for hours holds no more than one brief's worth of texts.
 */
export class TextMemo {
  /** Each text remembered, by itself: the one copy that every function's results are keyed by. */
  private owns = new Map<string, string>();
  private readonly remembered = new Map<(text: string) => unknown, { known: Map<string, unknown>; recall: (text: string) => unknown }>();

  constructor(private readonly capacity = 20_000) {}

  /** `compute`, remembered: the same function for the same `compute`. */
  of<R>(compute: (text: string) => R): (text: string) => R {
    let memory = this.remembered.get(compute);
    if (!memory) {
      const known = new Map<string, R>();
      const recall = (text: string): R => {
        let result = known.get(text);
        if (result === undefined && !known.has(text)) {
          const own = this.own(text);
          result = compute(own);
          known.set(own, result);
        }
        return result as R;
      };
      memory = { known, recall };
      this.remembered.set(compute, memory);
    }
    return memory.recall as (text: string) => R;
  }

  /** A copy of `text` for keeping: computed on it, neither the key nor the parts of a result cut from it hold a version's text. */
  private own(text: string): string {
    let own = this.owns.get(text);
    if (own === undefined) {
      if (this.owns.size >= this.capacity) {
        this.owns = new Map();
        for (const { known } of this.remembered.values()) known.clear();
      }
      own = detached(text);
      this.owns.set(own, own);
    }
    return own;
  }
}

/** One pure function of a string, remembered on its own (see TextMemo). */
export function memoize<R>(compute: (text: string) => R, capacity?: number): (text: string) => R {
  return new TextMemo(capacity).of(compute);
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 makes a
 * slice of a long string point into that string, so a heading title or a note kept
 * from one version to the next would otherwise keep that whole version's text alive:
 * typing in a 500 KB brief would grow the server by a megabyte per keystroke.
 * Whatever outlives its version is detached first.
 */
export function detached(text: string): string {
  // Below 13 characters V8 copies on slicing anyway; above, flattening a fresh concatenation is what forces a copy.
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/**
 * The empty list kept parts share: most of a brief's blocks and lines hold no heading,
 * link, marker or note, and a session keeps their parts from version to version, so
 * an empty list each would be most of what it keeps (2 MB on a 5 MB brief). Frozen:
 * whatever tries to add to it throws instead of adding to every block at once.
 */
export const NONE: readonly never[] = Object.freeze([]);

/** `list` with `move` applied to each element; the shared empty list when there is none. */
export function mapKept<T>(list: readonly T[], move: (item: T) => T): readonly T[] {
  return list.length ? list.map(move) : NONE;
}

/**
 * Values built for one version of a document, offered to the next: `get` returns what
 * the previous version (or this one) built for the same key, and `nextVersion` forgets
 * whatever this version did not ask for. Unchanged parts of a brief thus keep their
 * identity from keystroke to keystroke — the session's comparisons stop at `===` —
 * while memory stays bounded by one version.
 */
export class CarryOver<V, K = string> {
  private previous = new Map<K, V>();
  private current = new Map<K, V>();

  /** `matches` confirms a value found by key, so that a key can leave out what is long to write down and compare. */
  get(key: K, build: () => V, matches: (value: V) => boolean = () => true): V {
    let value = this.current.get(key);
    if (value === undefined || !matches(value)) {
      const previous = this.previous.get(key);
      value = previous !== undefined && matches(previous) ? previous : build();
      this.current.set(key, value);
    }
    return value;
  }

  nextVersion(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** A carry-over that starts from this one's last version; the map it shares it only reads, so this one stays as it is. */
  fork(): CarryOver<V, K> {
    const fork = new CarryOver<V, K>();
    fork.previous = this.previous;
    return fork;
  }
}

/**
 * Results per line, carried from one version to the next by position: the lines
 * before an edit are the same strings at the same index, the lines after it the same
 * strings at the same distance from the end, and only the lines between are computed
 * again. The line index of a session keeps unchanged lines the very same strings, so
 * finding where the edit starts and ends costs a pointer comparison per line — less
 * than writing one key. Results kept below the edit are moved when it added or
 * removed lines.
 */
export class ByLine<T> {
  constructor(
    private lines: readonly string[] = [],
    private results: readonly T[] = [],
  ) {}

  /** `compute(text, line)` for the lines that changed; `move(result, by)` for kept ones that now stand `by` lines further down. */
  map(lines: readonly string[], compute: (text: string, line: number) => T, move: (result: T, by: number) => T): T[] {
    const previous = this.lines;
    const kept = this.results;
    let prefix = 0;
    while (prefix < lines.length && prefix < previous.length && lines[prefix] === previous[prefix]) prefix++;
    let suffix = 0;
    while (suffix < lines.length - prefix && suffix < previous.length - prefix && lines[lines.length - 1 - suffix] === previous[previous.length - 1 - suffix]) suffix++;
    const by = lines.length - previous.length;
    const results = new Array<T>(lines.length);
    for (let line = 0; line < prefix; line++) results[line] = kept[line];
    for (let line = prefix; line < lines.length - suffix; line++) results[line] = compute(lines[line], line);
    for (let line = lines.length - suffix; line < lines.length; line++) results[line] = by === 0 ? kept[line] : move(kept[line - by], by);
    this.lines = lines;
    this.results = results;
    return results;
  }

  /** A carry that starts from this one's last version and leaves this one as it is. */
  fork(): ByLine<T> {
    return new ByLine(this.lines, this.results);
  }
}
