/**
 * section-order — required sections out of their conventional order.
 * Bad:  Recommendations before the Executive Summary, or Endnotes before Recommendations.
 * Good: Executive Summary, body, Recommendations, Endnotes (the order of `policyBrief.requiredSections`).
 */
import { findRequiredSection } from '../query';
import { Finding, Rule } from './rule';

export const sectionOrder: Rule = {
  code: 'section-order',
  description: 'Required sections are not in the configured order.',
  defaultSeverity: 'warning',
  fixable: false,
  check(model, config) {
    const present = config.requiredSections
      .map((required) => ({ required, section: findRequiredSection(model, required) }))
      .filter((entry): entry is { required: typeof entry.required; section: NonNullable<typeof entry.section> } => entry.section !== undefined);
    const findings: Finding[] = [];
    for (let i = 1; i < present.length; i++) {
      const earlier = present.slice(0, i).find((e) => e.section.headingRange.start.line > present[i].section.headingRange.start.line);
      if (!earlier) continue;
      findings.push({
        range: present[i].section.headingRange,
        message: `“${present[i].section.title}” comes before “${earlier.section.title}” (line ${earlier.section.headingRange.start.line + 1}), but ${present[i].required.name} belongs after ${earlier.required.name}: move this section.`,
        related: [{ range: earlier.section.headingRange, message: earlier.required.name }],
      });
    }
    return findings;
  },
};
