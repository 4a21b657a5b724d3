/** Shared by the feature tests: fixture models, positions found by text, and a Markdown reader for hover output. */
import * as path from 'path';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { BriefModel, Position, analyze } from '../../server/src/brief';
import { FIXTURES, readText } from '../helpers';

export const FEATURE_FIXTURES = path.join(FIXTURES, 'features');

export function fixturePath(name: string): string {
  return path.join(FEATURE_FIXTURES, name);
}

export function modelOf(file: string): BriefModel {
  return analyze(readText(file), undefined, { fileName: file }).model;
}

export function modelOfText(text: string, fileName = 'brief.txt'): BriefModel {
  return analyze(text, undefined, { fileName }).model;
}

/** Where `needle` starts on `line` (its `occurrence`-th appearance), for placing a cursor. */
export function at(model: BriefModel, line: number, needle: string, occurrence = 1): Position {
  let character = -1;
  for (let i = 0; i < occurrence; i++) character = model.lines[line].indexOf(needle, character + 1);
  if (character < 0) throw new Error(`"${needle}" not found on line ${line}`);
  return { line, character };
}

/** The first marker with this number or label. */
export function markerPosition(model: BriefModel, label: string): Position {
  const marker = model.markers.find((m) => m.label === label);
  if (!marker) throw new Error(`no marker ${label}`);
  return marker.range.start;
}

export function notePosition(model: BriefModel, label: string): Position {
  const note = model.endnotes.find((n) => n.label === label);
  if (!note) throw new Error(`no note ${label}`);
  return note.numberRange.start;
}

const markdown = unified().use(remarkParse).use(remarkGfm);

function textOf(node: RootContent | Root): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('');
  return '';
}

export interface Rendered {
  /** Each block as a reader sees it: paragraphs as their text, list items as `- text`, rules as `---`. */
  blocks: string[];
  links: { text: string; url: string }[];
  /** Raw HTML that a renderer would pass through. */
  html: string[];
}

/** Reads Markdown the way a CommonMark + GFM renderer does. */
export function render(source: string): Rendered {
  const tree = markdown.parse(source) as Root;
  const rendered: Rendered = { blocks: [], links: [], html: [] };
  const walk = (node: RootContent | Root) => {
    if (node.type === 'link') rendered.links.push({ text: textOf(node), url: node.url });
    if (node.type === 'html') rendered.html.push(node.value);
    if ('children' in node) (node.children as RootContent[]).forEach(walk);
  };
  walk(tree);
  for (const block of tree.children) {
    if (block.type === 'list') rendered.blocks.push(...block.children.map((item) => `- ${textOf(item)}`));
    else if (block.type === 'thematicBreak') rendered.blocks.push('---');
    else rendered.blocks.push(textOf(block));
  }
  return rendered;
}
