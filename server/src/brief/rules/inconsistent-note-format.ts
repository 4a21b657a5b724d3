/**
 * inconsistent-note-format — endnotes, or markers, written in more than one style within one brief.
 * Bad:  notes 1–20 written `- 1 text`, notes 21–62 written `21 text`; or `¹` in one section and `<sup>7</sup>` in another.
 * Good: every note opens the same way (`1 text`, `1. text`, `[1] text` or `[^1]: text`) and every marker is written alike.
 * One diagnostic per kind (notes, markers), where the style first switches. The quick fix rewrites the
 * minority style to the majority one, leaving numbers and text untouched.
 */
import { BriefModel, Endnote, Marker, MarkerStyle, Range, comparePositions } from '../model';
import { Finding, Rule } from './rule';

/** One note or marker and how it is written. */
export interface StyledItem<T> {
  item: T;
  /** The written form with the number as `N`, e.g. `- N`, `N.`, `[^N]:`, `<sup>N</sup>`. */
  style: string;
}

export interface StyleSurvey<T> {
  items: StyledItem<T>[];
  /** How many items use each style, in order of first use. */
  counts: Map<string, number>;
  /** The style most items use (on a tie, the one used first). */
  majority: string;
  /** The first item written differently from the one before it, or undefined when all agree. */
  firstSwitch: StyledItem<T> | undefined;
}

/** What stands before a note's number (`- `, `[`) and between the number and the text (`. `, `] `, ` `). */
export function noteAffixes(model: BriefModel, note: Endnote): { prefix: Range; suffix: Range; prefixText: string; suffixText: string } {
  const line = model.lines[note.numberRange.start.line];
  const textStart = note.segments[0].range.start;
  const suffixEnd = textStart.line === note.numberRange.end.line ? textStart.character : line.length;
  const prefix = { start: note.range.start, end: note.numberRange.start };
  const suffix = { start: note.numberRange.end, end: { line: note.numberRange.end.line, character: suffixEnd } };
  return {
    prefix,
    suffix,
    prefixText: line.slice(prefix.start.character, prefix.end.character),
    suffixText: line.slice(suffix.start.character, suffix.end.character),
  };
}

function noteStyle(model: BriefModel, note: Endnote): string {
  if (note.style === 'gfm') return '[^N]:';
  const { prefixText, suffixText } = noteAffixes(model, note);
  return `${prefixText}N${suffixText.trimEnd()}`;
}

const MARKER_STYLES: Record<MarkerStyle, string> = { superscript: '¹', gfm: '[^N]', 'sup-html': '<sup>N</sup>' };

function survey<T>(items: StyledItem<T>[]): StyleSurvey<T> {
  const counts = new Map<string, number>();
  for (const { style } of items) counts.set(style, (counts.get(style) ?? 0) + 1);
  let majority = items[0]?.style ?? '';
  for (const [style, count] of counts) if (count > (counts.get(majority) ?? 0)) majority = style;
  const firstSwitch = items.find((entry, i) => i > 0 && entry.style !== items[i - 1].style);
  return { items, counts, majority, firstSwitch };
}

export function surveyNotes(model: BriefModel): StyleSurvey<Endnote> {
  return survey(model.endnotes.map((note) => ({ item: note, style: noteStyle(model, note) })));
}

export function surveyMarkers(model: BriefModel): StyleSurvey<Marker> {
  // A `<sup>3,4</sup>` list yields one marker per number over the same text: count the text once.
  const distinct = model.markers.filter((marker, i, all) => i === 0 || comparePositions(marker.range.start, all[i - 1].range.start) !== 0);
  return survey(distinct.map((marker) => ({ item: marker, style: MARKER_STYLES[marker.style] })));
}

const MAX_LISTED_RUNS = 3;

/** "notes 1–20 are written `- N`, notes 21–62 `N`", or a count per style when the styles alternate often. */
function describe<T>(found: StyleSurvey<T>, noun: string, label: (item: T) => string): string {
  const runs: { style: string; first: T; last: T }[] = [];
  for (const { item, style } of found.items) {
    const run = runs[runs.length - 1];
    if (run && run.style === style) run.last = item;
    else runs.push({ style, first: item, last: item });
  }
  const switchAt = label(found.firstSwitch!.item);
  const advice = `Write them all as \`${found.majority}\`, the style most of them use.`;
  if (runs.length <= MAX_LISTED_RUNS) {
    const parts = runs.map((run, i) => {
      const span = run.first === run.last ? `${noun} ${label(run.first)}` : `${noun}s ${label(run.first)}–${label(run.last)}`;
      return i === 0 ? `${span} ${run.first === run.last ? 'is' : 'are'} written \`${run.style}\`` : `${span} \`${run.style}\``;
    });
    const sentence = parts.join(', ');
    return `${sentence[0].toUpperCase()}${sentence.slice(1)}. ${advice}`;
  }
  const perStyle = [...found.counts].map(([style, count]) => `\`${style}\` (${count})`).join(', ');
  return `${noun[0].toUpperCase()}${noun.slice(1)}s are written in ${found.counts.size} styles: ${perStyle}; the style first switches at ${noun} ${switchAt}. ${advice}`;
}

export const inconsistentNoteFormat: Rule = {
  code: 'inconsistent-note-format',
  description: 'Endnotes or markers switch numbering style within the brief.',
  defaultSeverity: 'warning',
  fixable: true,
  check(model) {
    const findings: Finding[] = [];
    const notes = surveyNotes(model);
    if (notes.firstSwitch) {
      const note = notes.firstSwitch.item;
      findings.push({ range: { start: note.range.start, end: note.numberRange.end }, message: describe(notes, 'note', (n) => n.label) });
    }
    const markers = surveyMarkers(model);
    if (markers.firstSwitch) {
      findings.push({ range: markers.firstSwitch.item.range, message: describe(markers, 'marker', (m) => m.label) });
    }
    return findings;
  },
};
