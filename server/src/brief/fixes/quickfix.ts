/**
 * Quick fixes: for a diagnostic (code, range, message), the edits that repair it.
 * Each fix finds its subject again in the model by the diagnostic's range, so a
 * diagnostic from an older version simply gets no fix. `empty-link-target` has
 * none on purpose: only the writer knows the source.
 */
import { BriefConfig, RequiredSection } from '../config';
import { BriefModel, Position, Range, sameRange } from '../model';
import { isBlank } from '../parse/text';
import { chainEnd, findRequiredSection, notesByNumber } from '../query';
import { Finding, Rule } from '../rules';
import { duplicateSource } from '../rules/duplicate-source';
import { findSplitUrls } from '../rules/split-url';
import { Draft, LineEdit, TextEdit, lineEditsToTextEdits, textEditsToLineEdits } from './edits';
import { noteFormatEdits } from './note-format';
import { insertMarker, markerAt, markerFor, markerInsertionPoint, markerStyleOf, stubNote } from './notes';
import { renumber } from './renumber';

export interface DiagnosticRef {
  code: string;
  range: Range;
  message: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix to apply when the user asks for "the" fix (Ctrl+. on a single choice, fix-all). */
  preferred: boolean;
  /** When set, the fix exists but cannot be applied; the reason says why (renumbering refused). */
  disabled?: string;
}

/** A fix still in whole-line form, so several can be applied together. */
export interface LineFix {
  title: string;
  lineEdits: LineEdit[];
  preferred: boolean;
}

type Provider = (draft: Draft, diagnostic: DiagnosticRef, config: BriefConfig) => LineFix[];

function noteByRange(model: BriefModel, range: Range) {
  return model.endnotes.find((note) => sameRange(note.range, range));
}

/** see-footnote-chain: point the note straight at the note that holds the source. */
const pointAtRoot: Provider = ({ model }, diagnostic) => {
  const note = noteByRange(model, diagnostic.range);
  const ref = note?.seeNote;
  if (!note || !ref || ref.target === null) return [];
  const byNumber = notesByNumber(model);
  const target = byNumber.get(ref.target)?.[0];
  // The same chain walk as the see-footnote-chain rule, so the fix points where the message says.
  const chain = target && chainEnd(target, byNumber);
  const root = chain?.status === 'source' ? chain.root : null;
  if (!root || root.number === null || root === note) return [];
  const line = ref.targetRange.start.line;
  const text = model.lines[line];
  return [
    {
      title: `Point note ${note.label} at note ${root.label}, which holds the source`,
      lineEdits: [{ from: line, to: line + 1, lines: [text.slice(0, ref.targetRange.start.character) + root.label + text.slice(ref.targetRange.end.character)] }],
      preferred: true,
    },
  ];
};

const findingsByModel = new WeakMap<BriefModel, Map<Rule, { config: BriefConfig; findings: Finding[] }>>();

/**
 * A rule's findings on a model, once per model and config: Fix all checks each version
 * it makes, and a fix that needs its finding (duplicate-source's earlier note) looks it
 * up among the same findings; checking the whole brief again for each of k findings
 * would make fixing them cost k × n.
 */
export function findingsOf(rule: Rule, model: BriefModel, config: BriefConfig): Finding[] {
  let byRule = findingsByModel.get(model);
  if (!byRule) findingsByModel.set(model, (byRule = new Map()));
  let known = byRule.get(rule);
  if (known?.config !== config) byRule.set(rule, (known = { config, findings: rule.check(model, config) }));
  return known.findings;
}

/** duplicate-source: the repeated citation becomes "See footnote N." (N is the earlier note). */
const referToEarlier: Provider = ({ model }, diagnostic, config) => {
  const note = noteByRange(model, diagnostic.range);
  const finding = findingsOf(duplicateSource, model, config).find((f) => sameRange(f.range, diagnostic.range));
  const earlier = finding?.related?.[0] && noteByRange(model, finding.related[0].range);
  if (!note || !earlier || earlier.number === null) return [];
  const first = note.segments[0].range;
  const last = note.segments[note.segments.length - 1].range;
  const replacement = `See footnote ${earlier.label}.`;
  const line = model.lines[first.start.line].slice(0, first.start.character) + replacement + model.lines[last.end.line].slice(last.end.character);
  return [{ title: `Replace note ${note.label} with “${replacement}”`, lineEdits: [{ from: first.start.line, to: last.end.line + 1, lines: [line] }], preferred: true }];
};

/**
 * Joins a URL's two parts: only the line break and blank lines between them go.
 * When the first part was already closed (`<…/>`, `<…>.`), the closing `>` and
 * its punctuation move to the end of the joined URL: `<…/>` + `rest.` → `<…/rest>.`.
 */
function joinUrl(first: string, rest: string): string {
  const closed = /^(<.*?)(>[.,;:)]*)$/.exec(first);
  if (!closed) return first + rest;
  const [, head, tail] = closed;
  const [, restUrl, restTail] = /^(.*?)([>.,;:)]*)$/.exec(rest)!;
  if (restTail.includes('>')) return head + restUrl + restTail;
  return `${head}${restUrl}>${restTail || tail.slice(1)}`;
}

const joinSplitUrl: Provider = ({ model }, diagnostic) => {
  const note = model.endnotes.find((n) => n.range.start.line <= diagnostic.range.start.line && diagnostic.range.start.line <= n.range.end.line);
  const split = note && findSplitUrls(note).find((s) => sameRange(s.first, diagnostic.range));
  if (!split) return [];
  const before = model.lines[split.first.start.line].slice(0, split.first.start.character);
  const after = model.lines[split.rest.end.line].slice(split.rest.end.character);
  return [
    {
      title: 'Join the split URL',
      lineEdits: [{ from: split.first.start.line, to: split.rest.end.line + 1, lines: [before + joinUrl(split.firstText, split.restText) + after] }],
      preferred: true,
    },
  ];
};

const addStub: Provider = ({ model }, diagnostic) => {
  const marker = markerAt(model, diagnostic.range);
  if (!marker) return [];
  const edit = stubNote(model, marker, markerStyleOf(model));
  const name = marker.number === null ? `[^${marker.label}]` : `note ${marker.number}`;
  return [{ title: `Add ${name} to the notes (a stub to complete)`, lineEdits: [edit], preferred: true }];
};

/** unreferenced-endnote: remove the note with the blank lines that set it apart. */
const removeNote: Provider = ({ model }, diagnostic) => {
  const note = model.endnotes.find((n) => sameRange(n.numberRange, diagnostic.range));
  if (!note) return [];
  let from = note.range.start.line;
  const to = note.range.end.line + 1;
  if (to >= model.lines.length || isBlank(model.lines[to])) while (from > 0 && isBlank(model.lines[from - 1])) from--;
  const name = note.number !== null ? `note ${note.number}` : `footnote [^${note.label}]`;
  return [{ title: `Remove ${name}, which nothing cites`, lineEdits: [{ from, to, lines: [] }], preferred: false }];
};

const SUMMARY = /summary|abstract|overview|finding|takeaway/i;
const NOTES = /note|reference|source/i;

/** The line a missing section's heading goes before: summary after the byline, notes above the notes, others before the next required section present. */
function headingLine(model: BriefModel, required: RequiredSection, config: BriefConfig): number {
  const skipBlanks = (line: number) => {
    while (line < model.lines.length && isBlank(model.lines[line])) line++;
    return line;
  };
  if (SUMMARY.test(required.name)) {
    const top = model.byline ?? model.title;
    return top ? skipBlanks(top.range.end.line + 1) : skipBlanks(0);
  }
  if (NOTES.test(required.name) && model.endnotes.length) return model.endnotes[0].range.start.line;
  const later = config.requiredSections.slice(config.requiredSections.indexOf(required) + 1);
  for (const next of later) {
    const section = findRequiredSection(model, next);
    if (section) return section.range.start.line;
  }
  if (model.endnotesSection) return model.endnotesSection.range.start.line;
  let end = model.lines.length;
  while (end > 0 && isBlank(model.lines[end - 1])) end--;
  return end;
}

/** Markdown: the level of the heading it goes before (or the last one), never 1, which belongs to the title. */
function headingLevel(model: BriefModel, line: number): number {
  const next = model.sections.find((s) => s.range.start.line >= line) ?? model.sections[model.sections.length - 1];
  return next && next.level > 1 ? next.level : 2;
}

const addSection: Provider = ({ model }, diagnostic, config) => {
  const required = config.requiredSections.find((r) => diagnostic.message.includes(`no ${r.name} section`));
  if (!required) return [];
  const at = headingLine(model, required, config);
  const heading = model.format === 'markdown' ? `${'#'.repeat(headingLevel(model, at))} ${required.name}` : required.name.toUpperCase();
  const lines = [...(at > 0 && !isBlank(model.lines[at - 1]) ? [''] : []), heading, ...(at < model.lines.length && !isBlank(model.lines[at]) ? [''] : [])];
  return [{ title: `Add the ${required.name} heading`, lineEdits: [{ from: at, to: at, lines }], preferred: true }];
};

/** inconsistent-note-format: the edits come from note-format.ts, beside the rule's own survey of styles. */
const unifyNoteFormat: Provider = ({ model }) => {
  const lineEdits = textEditsToLineEdits(model.lines, noteFormatEdits(model));
  return lineEdits.length ? [{ title: 'Write every note and marker the way most are written', lineEdits, preferred: true }] : [];
};

const PROVIDERS: Record<string, Provider> = {
  'see-footnote-chain': pointAtRoot,
  'duplicate-source': referToEarlier,
  'split-url': joinSplitUrl,
  'orphan-marker': addStub,
  'unreferenced-endnote': removeNote,
  'missing-section': addSection,
  'inconsistent-note-format': unifyNoteFormat,
};

const RENUMBER_TITLE = 'Renumber footnotes by first appearance';

/** The line-form fixes for one diagnostic (no renumbering: it is whole-document, see fixesFor). */
export function lineFixesFor(draft: Draft, diagnostic: DiagnosticRef, config: BriefConfig): LineFix[] {
  return PROVIDERS[diagnostic.code]?.(draft, diagnostic, config) ?? [];
}

/** Every quick fix for a diagnostic, as editor edits. */
export function fixesFor(draft: Draft, diagnostic: DiagnosticRef, config: BriefConfig): Fix[] {
  if (diagnostic.code === 'marker-order' || diagnostic.code === 'numbering-gap') {
    const result = renumber(draft);
    return [result.ok ? { title: RENUMBER_TITLE, edits: result.edits, preferred: true } : { title: RENUMBER_TITLE, edits: [], preferred: false, disabled: result.reason }];
  }
  return lineFixesFor(draft, diagnostic, config).map((fix) => ({ title: fix.title, edits: lineEditsToTextEdits(draft, fix.lineEdits), preferred: fix.preferred }));
}

/**
 * "Cite note N here": for each note that unreferenced-endnote reports, a marker at
 * the cursor, when the cursor is in body text where a marker can attach.
 */
export function citeFixes(draft: Draft, uncited: readonly DiagnosticRef[], cursor: Position): Fix[] {
  const { model } = draft;
  const point = markerInsertionPoint(model, cursor);
  if ('reason' in point) return [];
  const { at } = point;
  const style = markerStyleOf(model);
  return uncited
    .filter((d) => d.code === 'unreferenced-endnote')
    .map((d) => model.endnotes.find((n) => sameRange(n.numberRange, d.range)))
    .filter((note) => note !== undefined)
    .map((note) => ({
      title: `Cite ${note.number !== null ? `note ${note.number}` : `footnote [^${note.label}]`} here`,
      edits: lineEditsToTextEdits(draft, [insertMarker(model, at, markerFor(style, note))]),
      preferred: false,
    }));
}
