/**
 * empty-section — a heading with nothing under it before the next heading.
 * Bad:  `## Background` immediately followed by `## Analysis`.
 * Good: text under each heading. A heading whose only content is subsections is fine.
 */
import { Rule } from './rule';

export const emptySection: Rule = {
  code: 'empty-section',
  description: 'A section has a heading but no text.',
  defaultSeverity: 'warning',
  fixable: false,
  check(model) {
    return model.sections
      .filter((section) => section.empty)
      .map((section) => ({ range: section.headingRange, message: `Section “${section.title}” has no text: write it, or remove the heading.` }));
  },
};
