import { Range, Section } from '../model';
import { LineIndex, isBlank, normalizeHeading } from './text';

/** Headings that name the notes section. */
export const ENDNOTES_HEADINGS = ['endnotes', 'notes', 'footnotes', 'references', 'sources', 'works cited', 'bibliography', 'citations'];

/** Section names common enough in briefs that a bare line with one of them is a heading wherever it stands. */
export const KNOWN_SECTION_NAMES = new Set([
  ...ENDNOTES_HEADINGS,
  'executive summary', 'summary', 'abstract', 'key findings', 'key takeaways', 'key points', 'overview',
  'introduction', 'background', 'context', 'analysis', 'discussion', 'methodology', 'methods',
  'recommendations', 'policy recommendations', 'conclusion', 'conclusions', 'recommendations and conclusion',
  'conclusion and recommendations', 'policy implications', 'implications', 'about the author', 'about the authors',
  'acknowledgments', 'acknowledgements', 'appendix',
]);

export function isEndnotesHeading(title: string): boolean {
  return ENDNOTES_HEADINGS.includes(normalizeHeading(title));
}

export interface HeadingLine {
  title: string;
  level: number;
  line: number;
  /** Where the heading's text starts and ends on its line. */
  range: Range;
}

/**
 * Turns headings into sections: each runs to the line before the next heading of
 * the same or a higher level, without trailing blank lines. A section is empty
 * when the next heading follows with only blank lines between and is not one of its
 * subsections.
 */
export function buildSections(index: LineIndex, headings: HeadingLine[], endLine = index.lines.length): Section[] {
  return headings.map((heading, i) => {
    let next = i + 1;
    while (next < headings.length && headings[next].level > heading.level) next++;
    let last = (next < headings.length ? headings[next].line : endLine) - 1;
    while (last > heading.line && isBlank(index.lines[last])) last--;
    const following = headings[i + 1];
    const contentEnd = following ? following.line : endLine;
    let hasContent = false;
    for (let line = heading.line + 1; line < contentEnd && !hasContent; line++) hasContent = !isBlank(index.lines[line]);
    const hasSubsection = following !== undefined && following.level > heading.level;
    return {
      title: heading.title,
      level: heading.level,
      headingRange: heading.range,
      range: { start: { line: heading.line, character: 0 }, end: { line: last, character: index.lines[last].length } },
      empty: !hasContent && !hasSubsection,
    };
  });
}
