/**
 * The quick fix for `inconsistent-note-format`: rewrites the notes (and markers) written
 * in a minority style the way most of them are written. Only the characters around a
 * note's number (`- `, `.`, `[`…`]`) or a marker's wrapping change; numbers and text do not.
 *
 * GFM footnotes (`[^1]` / `[^1]: …`) are never converted to or from: in Markdown they
 * link a marker to its definition, so changing one side alone would break the pair.
 */
import { BriefModel, Marker } from '../model';
import { noteAffixes, surveyMarkers, surveyNotes } from '../rules/inconsistent-note-format';
import { numberToSuperscript } from '../parse/text';
import { TextEdit } from './edits';
import { markerText } from '../query';

const GFM_STYLES = new Set(['[^N]:', '[^N]']);

function noteEdits(model: BriefModel): TextEdit[] {
  const { items, majority } = surveyNotes(model);
  const exemplar = items.find((entry) => entry.style === majority);
  if (!exemplar || GFM_STYLES.has(majority)) return [];
  const target = noteAffixes(model, exemplar.item);
  const edits: TextEdit[] = [];
  for (const { item, style } of items) {
    if (style === majority || GFM_STYLES.has(style)) continue;
    const { prefix, suffix, prefixText, suffixText } = noteAffixes(model, item);
    if (prefixText !== target.prefixText) edits.push({ range: prefix, newText: target.prefixText });
    if (suffixText !== target.suffixText) edits.push({ range: suffix, newText: target.suffixText });
  }
  return edits;
}

/** A marker rewritten in the target style, or null when that would change what it means. */
function rewriteMarker(model: BriefModel, marker: Marker, targetStyle: string): string | null {
  // `<sup>3,4</sup>` holds two markers: no single superscript run can stand for it.
  if (marker.number === null || markerText(model, marker).includes(',')) return null;
  if (targetStyle === '<sup>N</sup>') return `<sup>${marker.label}</sup>`;
  // A superscript run counts as a marker only when attached to the word before it.
  const before = model.lines[marker.range.start.line].slice(0, marker.range.start.character);
  return before === '' || /\s$/.test(before) ? null : numberToSuperscript(marker.number);
}

function markerEdits(model: BriefModel): TextEdit[] {
  const { items, majority } = surveyMarkers(model);
  if (GFM_STYLES.has(majority)) return [];
  const edits: TextEdit[] = [];
  for (const { item, style } of items) {
    if (style === majority || GFM_STYLES.has(style)) continue;
    const newText = rewriteMarker(model, item, majority);
    if (newText !== null) edits.push({ range: item.range, newText });
  }
  return edits;
}

/** Every edit that brings the brief's notes and markers to one style each; empty when nothing can be safely changed. */
export function noteFormatEdits(model: BriefModel): TextEdit[] {
  return [...noteEdits(model), ...markerEdits(model)];
}
