/**
 * section-length — a section longer than its word limit (`sectionLimits`; by default 400 words for the Executive Summary).
 * Bad:  an Executive Summary of 650 words, which no minister reads in two minutes.
 * Good: 400 words or fewer. A limit on a required section also applies to its aliases (Summary, Abstract…).
 * Words are body words, subsections included; headings, markers and notes are not counted (see features/stats.ts).
 */
import { RequiredSection } from '../config';
import { bodyWords, lineWordCounts, sectionLines, wordCount } from '../features/stats';
import { normalizeHeading } from '../parse/text';
import { findRequiredSection } from '../query';
import { Finding, Rule } from './rule';

/** The required section a limit names (by name or alias), so that its aliases count too. */
function sectionFor(name: string, required: RequiredSection[]): RequiredSection {
  const key = normalizeHeading(name);
  return required.find((r) => [r.name, ...(r.aliases ?? [])].some((n) => normalizeHeading(n) === key)) ?? { name };
}

export const sectionLength: Rule = {
  code: 'section-length',
  description: 'A section is longer than its configured word limit.',
  defaultSeverity: 'warning',
  fixable: false,
  check(model, config) {
    const limits = Object.entries(config.sectionLimits);
    if (!limits.length) return [];
    const findings: Finding[] = [];
    for (const [name, limit] of limits) {
      const section = findRequiredSection(model, sectionFor(name, config.requiredSections));
      if (!section) continue;
      const words = bodyWords(lineWordCounts(model, ...sectionLines(section)));
      if (words <= limit) continue;
      findings.push({
        range: section.headingRange,
        message: `Section “${section.title}” has ${wordCount(words)}; the limit for ${name} is ${limit}. Cut ${wordCount(words - limit)}.`,
      });
    }
    return findings;
  },
};
