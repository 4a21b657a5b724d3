/** Folding ranges: every section (subsections fold inside it) and every endnote that spans more than one line. */
import { BriefModel } from '../model';

export interface FoldRange {
  /** The line that stays visible: the heading, or the note's first line. */
  startLine: number;
  /** The last line folded away. */
  endLine: number;
  kind: 'section' | 'note';
}

export function foldingRanges(model: BriefModel): FoldRange[] {
  const folds: FoldRange[] = [];
  for (const section of model.sections) {
    const startLine = section.headingRange.start.line;
    if (section.range.end.line > startLine) folds.push({ startLine, endLine: section.range.end.line, kind: 'section' });
  }
  for (const note of model.endnotes) {
    if (note.range.end.line > note.range.start.line) folds.push({ startLine: note.range.start.line, endLine: note.range.end.line, kind: 'note' });
  }
  return folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
