/**
 * Text edits as data. Every fix is first computed on whole lines (replace old
 * lines [from, to) with new ones), which keeps the reasoning simple and makes it
 * easy to check that writer text only moves; the edits handed to the editor are
 * then derived from the old and new lines, trimmed to the characters that
 * actually change, so cursors and folding outside a fix are left alone.
 */
import { BriefModel, Range } from '../model';

/** An LSP-shaped text edit: replace `range` (0-based, UTF-16) with `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** Replace old lines [from, to) with `lines` (from === to inserts before line `from`). */
export interface LineEdit {
  from: number;
  to: number;
  lines: string[];
}

/** A brief as fixes see it: its model and the line break its text uses, so inserted lines match the document. */
export interface Draft {
  model: BriefModel;
  lineBreak: string;
}

export function draftOf(text: string, model: BriefModel): Draft {
  return { model, lineBreak: /\r\n|\r|\n/.exec(text)?.[0] ?? '\n' };
}

/** Applies non-overlapping line edits (in any order) and returns the new lines. */
export function applyLineEdits(lines: readonly string[], edits: readonly LineEdit[]): string[] {
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: string[] = [];
  let next = 0;
  for (const edit of sorted) {
    if (edit.from < next) throw new Error(`overlapping line edits at line ${edit.from}`);
    for (; next < edit.from; next++) out.push(lines[next]);
    out.push(...edit.lines);
    next = edit.to;
  }
  for (; next < lines.length; next++) out.push(lines[next]);
  return out;
}

/** Replaces [start, end) characters of one line. Replacements must not overlap. */
export function replaceInLine(line: string, replacements: readonly { start: number; end: number; text: string }[]): string {
  let out = line;
  for (const r of [...replacements].sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}

function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** One edit turning old lines [from, to) into `lines`, trimmed to the characters that differ. */
function hunkEdit(old: readonly string[], hunk: LineEdit, lineBreak: string): TextEdit | null {
  // Whole lines are inserted or deleted together with one neighbouring line break:
  // the one after them, or, at the end of the document, the one before.
  let base = { line: hunk.from, character: 0 };
  let oldText: string;
  let newText: string;
  if (hunk.to < old.length) {
    oldText = old.slice(hunk.from, hunk.to).map((line) => line + lineBreak).join('');
    newText = hunk.lines.map((line) => line + lineBreak).join('');
  } else if (hunk.from > 0) {
    base = { line: hunk.from - 1, character: old[hunk.from - 1].length };
    oldText = old.slice(hunk.from).map((line) => lineBreak + line).join('');
    newText = hunk.lines.map((line) => lineBreak + line).join('');
  } else {
    oldText = old.join(lineBreak);
    newText = hunk.lines.join(lineBreak);
  }
  if (oldText === newText) return null;
  const prefix = commonPrefix(oldText, newText);
  const suffix = commonSuffix(oldText, newText, prefix);
  const position = (offset: number) => {
    let { line, character } = base;
    let rest = offset;
    while (line < old.length - 1 && character + rest > old[line].length) {
      rest -= old[line].length - character + lineBreak.length;
      character = 0;
      line++;
    }
    return { line, character: character + rest };
  };
  return { range: { start: position(prefix), end: position(oldText.length - suffix) }, newText: newText.slice(prefix, newText.length - suffix) };
}

const withoutDigits = (line: string) => line.replace(/[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]/g, '');

/**
 * The minimal edits from `old` to `updated`. Changed lines are matched one to one
 * when a stretch keeps its line count (the common case: numbers change in place);
 * otherwise the lines are aligned with a Myers diff, and a stretch that still
 * differs in length is aligned again ignoring digits, so a note inserted among
 * renumbered ones stays a one-line insertion instead of one edit over all of them.
 */
export function editsBetween(old: readonly string[], updated: readonly string[], lineBreak: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const lineEdit = (line: number, text: string) => {
    const before = old[line];
    if (before === text) return;
    const prefix = commonPrefix(before, text);
    const suffix = commonSuffix(before, text, prefix);
    edits.push({ range: { start: { line, character: prefix }, end: { line, character: before.length - suffix } }, newText: text.slice(prefix, text.length - suffix) });
  };
  const emit = (hunk: LineEdit) => {
    if (hunk.to - hunk.from === hunk.lines.length) hunk.lines.forEach((text, k) => lineEdit(hunk.from + k, text));
    else {
      const edit = hunkEdit(old, hunk, lineBreak);
      if (edit) edits.push(edit);
    }
  };
  for (const hunk of diffLines(old, updated)) {
    if (hunk.to - hunk.from === hunk.lines.length) {
      emit(hunk);
      continue;
    }
    const part = old.slice(hunk.from, hunk.to);
    let i = 0;
    let j = 0;
    for (const sub of diffLines(part, hunk.lines, withoutDigits)) {
      for (; i < sub.from; i++, j++) lineEdit(hunk.from + i, hunk.lines[j]);
      emit({ from: hunk.from + sub.from, to: hunk.from + sub.to, lines: sub.lines });
      i = sub.to;
      j += sub.lines.length;
    }
    for (; i < part.length; i++, j++) lineEdit(hunk.from + i, hunk.lines[j]);
  }
  return edits;
}

/** Single-line text edits in line form (grouped per line); edits spanning lines are left out. */
export function textEditsToLineEdits(lines: readonly string[], edits: readonly TextEdit[]): LineEdit[] {
  const byLine = new Map<number, { start: number; end: number; text: string }[]>();
  for (const { range, newText } of edits) {
    if (range.start.line !== range.end.line || newText.includes('\n') || newText.includes('\r')) continue;
    const list = byLine.get(range.start.line) ?? [];
    list.push({ start: range.start.character, end: range.end.character, text: newText });
    byLine.set(range.start.line, list);
  }
  return [...byLine].map(([line, list]) => ({ from: line, to: line + 1, lines: [replaceInLine(lines[line], list)] }));
}

export function lineEditsToTextEdits(draft: Draft, edits: readonly LineEdit[]): TextEdit[] {
  return editsBetween(draft.model.lines, applyLineEdits(draft.model.lines, edits), draft.lineBreak);
}

/** Beyond this many differing lines the diff stops aligning and reports one hunk for the rest: still exact, only coarser. */
const MAX_DIFF_DISTANCE = 1000;

/** Hunks turning `a` into `b` (lines compared by `key`): common ends trimmed, then Myers' O(ND) alignment of what is left. */
function diffLines(a: readonly string[], b: readonly string[], key: (line: string) => string = (line) => line): LineEdit[] {
  const ka = a.map(key);
  const kb = b.map(key);
  let start = 0;
  while (start < a.length && start < b.length && ka[start] === kb[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && ka[endA - 1] === kb[endB - 1]) {
    endA--;
    endB--;
  }
  if (start === endA && start === endB) return [];
  const n = endA - start;
  const m = endB - start;
  if (n === m) return [{ from: start, to: endA, lines: b.slice(start, endB) }];
  const max = Math.min(n + m, MAX_DIFF_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && ka[start + x] === kb[start + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return [{ from: start, to: endA, lines: b.slice(start, endB) }];
  // Walk back through the trace, collecting the diagonal (unchanged) runs.
  const hunks: LineEdit[] = [];
  let x = n;
  let y = m;
  let hunkEndX = n;
  let hunkEndY = m;
  for (let d = found; d > 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    const snakeStartX = prevK === k + 1 ? prevX : prevX + 1;
    const snakeStartY = snakeStartX - k;
    if (snakeStartX < x) {
      if (x < hunkEndX || y < hunkEndY) hunks.push({ from: start + x, to: start + hunkEndX, lines: b.slice(start + y, start + hunkEndY) });
      hunkEndX = snakeStartX;
      hunkEndY = snakeStartY;
    }
    x = prevX;
    y = prevY;
  }
  if (x < hunkEndX || y < hunkEndY) {
    // d = 0 ends on the leading diagonal: everything before (x, y) is unchanged.
    hunks.push({ from: start + x, to: start + hunkEndX, lines: b.slice(start + y, start + hunkEndY) });
  }
  return hunks.reverse();
}
