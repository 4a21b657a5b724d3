/**
 * Document links for the URLs in endnotes — bare, `<…>`-wrapped or Markdown link
 * targets. A URL broken across lines (split-url) is linked as the part that is
 * visible on its first line, exactly as written: joining it is the quick fix's job,
 * not a silent repair. Only http and https targets are produced.
 */
import { BriefModel, Range, containsPosition } from '../model';
import { webHref } from './hover';

export interface BriefLink {
  range: Range;
  /** The normalised http(s) address. */
  target: string;
}

export function documentLinks(model: BriefModel): BriefLink[] {
  const segmentsByLine = new Map<number, Range[]>();
  for (const note of model.endnotes) {
    for (const segment of note.segments) {
      const line = segment.range.start.line;
      const list = segmentsByLine.get(line);
      if (list) list.push(segment.range);
      else segmentsByLine.set(line, [segment.range]);
    }
  }
  const links: BriefLink[] = [];
  for (const url of model.urls) {
    const inNote = segmentsByLine.get(url.range.start.line)?.some((segment) => containsPosition(segment, url.range.start));
    const target = inNote ? webHref(url.url) : null;
    if (target !== null) links.push({ range: url.range, target });
  }
  return links;
}
