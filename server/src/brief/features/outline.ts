/** The section tree shared by the editor's outline and `policy-brief outline`. */
import { BriefModel, Section } from '../model';

export interface SectionNode {
  section: Section;
  children: SectionNode[];
}

/** Nests sections by level: a section holds every following section of a deeper level. */
export function sectionTree(model: BriefModel): SectionNode[] {
  const roots: SectionNode[] = [];
  const stack: SectionNode[] = [];
  for (const section of model.sections) {
    const node: SectionNode = { section, children: [] };
    while (stack.length && stack[stack.length - 1].section.level >= section.level) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  }
  return roots;
}
