/**
 * missing-section — a required section (Executive Summary, Recommendations, Endnotes) has no heading.
 * Bad:  a brief that opens with its summary paragraph under the title, with no heading.
 * Good: `## Executive Summary` above that paragraph (plain text: an `EXECUTIVE SUMMARY` line).
 * Endnotes is required only when the brief has markers or notes, and not when every note is a GFM
 * footnote (`[^1]: …`), which the renderer lists by itself. Names and aliases come from
 * `policyBrief.requiredSections`.
 */
import { BriefModel } from '../model';
import { findRequiredSection, hasNotes } from '../query';
import { Rule } from './rule';

function whereToAdd(model: BriefModel, name: string): string {
  const heading = model.format === 'markdown' ? `a heading “## ${name}”` : `a line “${name.toUpperCase()}”`;
  const lower = name.toLowerCase();
  if (/summary|abstract|overview|finding|takeaway/.test(lower) && model.firstParagraph) {
    return `add ${heading} above the opening summary paragraph (line ${model.firstParagraph.range.start.line + 1})`;
  }
  if (/note|reference|source/.test(lower)) return `add ${heading} above the numbered notes at the end`;
  if (/recommend/.test(lower) && model.endnotesSection) {
    return `add ${heading} before the ${model.endnotesSection.title} (line ${model.endnotesSection.headingRange.start.line + 1})`;
  }
  return `add ${heading}`;
}

/** GFM footnotes (`[^1]: …`) are gathered into a notes list by the renderer, so they need no heading of their own. */
function notesRenderThemselves(model: BriefModel): boolean {
  return model.endnotes.length > 0 && model.endnotes.every((note) => note.style === 'gfm') && model.markers.every((marker) => marker.style === 'gfm');
}

export const missingSection: Rule = {
  code: 'missing-section',
  description: 'A required section (by default Executive Summary, Recommendations, Endnotes) is missing.',
  defaultSeverity: 'warning',
  fixable: true,
  check(model, config) {
    const anchor = model.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: model.lines[0]?.length ?? 0 } };
    return config.requiredSections
      .filter((required) => !(required.onlyWithNotes && (!hasNotes(model) || notesRenderThemselves(model))) && !findRequiredSection(model, required))
      .map((required) => {
        const also = required.aliases?.length ? ` (or ${required.aliases.join(', ')})` : '';
        return { range: anchor, message: `The brief has no ${required.name} section${also}: ${whereToAdd(model, required.name)}.` };
      });
  },
};
