/**
 * brief-length — the brief is longer than the configured word limit (`briefLength`; no limit by default, so silent).
 * Bad:  5,200 words with `"briefLength": 3000`.
 * Good: 3,000 words or fewer. Words are body words: title, byline, headings, markers and notes are not counted.
 */
import { bodyWords, lineWordCounts, wordCount } from '../features/stats';
import { range } from '../model';
import { Rule } from './rule';

export const briefLength: Rule = {
  code: 'brief-length',
  description: 'The brief, without its notes, is longer than `briefLength` words (no limit is set by default).',
  defaultSeverity: 'warning',
  fixable: false,
  check(model, config) {
    const limit = config.briefLength;
    if (limit === null) return [];
    const words = bodyWords(lineWordCounts(model));
    if (words <= limit) return [];
    const at = model.title?.range ?? model.sections[0]?.headingRange ?? range(0, 0, 0, model.lines[0].length);
    return [{ range: at, message: `The brief has ${wordCount(words)} without its notes; the limit is ${limit}. Cut ${wordCount(words - limit)}.` }];
  },
};
