/**
 * Document symbols (outline, breadcrumbs, Go to Symbol) and workspace symbols.
 *
 * The tree is the section tree (`sectionTree`: Markdown by heading level, plain text
 * by the heuristic in parse/plaintext.ts) with each endnote added as a child of the
 * deepest section that holds it — normally the Endnotes section; GFM definitions
 * written elsewhere stay where they are. A note's name is its number (or GFM label)
 * and its detail the first words of its text. `policy-brief outline` prints this tree.
 */
import { BriefModel, Endnote, Range, comparePositions, containsPosition } from '../model';
import { collapseWhitespace } from '../parse/text';
import { SectionNode, sectionTree } from './outline';

export type BriefSymbolKind = 'section' | 'note';

export interface BriefSymbol {
  name: string;
  detail: string;
  kind: BriefSymbolKind;
  /** The whole section or note. */
  range: Range;
  /** The heading, or the note's number. */
  selectionRange: Range;
  children: BriefSymbol[];
}

const DETAIL_WORDS = 8;
const DETAIL_CHARS = 60;

/** The first words of a text, cut at a word boundary, with `…` when something was left out. */
export function firstWords(text: string, words = DETAIL_WORDS, chars = DETAIL_CHARS): string {
  const all = collapseWhitespace(text).split(' ');
  let result = '';
  for (const word of all.slice(0, words)) {
    const next = result ? `${result} ${word}` : word;
    if (next.length > chars) break;
    result = next;
  }
  if (!result && all[0]) result = Array.from(all[0]).slice(0, chars).join('');
  return result.length < collapseWhitespace(text).length ? `${result}…` : result;
}

function noteSymbol(note: Endnote): BriefSymbol {
  return { name: note.label, detail: firstWords(note.text), kind: 'note', range: note.range, selectionRange: note.numberRange, children: [] };
}

function sectionSymbol(node: SectionNode): BriefSymbol {
  const { section } = node;
  return { name: section.title, detail: '', kind: 'section', range: section.range, selectionRange: section.headingRange, children: node.children.map(sectionSymbol) };
}

export function documentSymbols(model: BriefModel): BriefSymbol[] {
  const roots = sectionTree(model).map(sectionSymbol);
  const touched = new Set<BriefSymbol[]>();
  for (const note of model.endnotes) {
    let siblings = roots;
    for (;;) {
      const holder = siblings.find((s) => s.kind === 'section' && containsPosition(s.range, note.range.start));
      if (!holder) break;
      siblings = holder.children;
    }
    siblings.push(noteSymbol(note));
    touched.add(siblings);
  }
  for (const list of touched) list.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return roots;
}

export interface FlatSymbol {
  name: string;
  kind: BriefSymbolKind;
  /** The title of the section that holds the symbol, if any. */
  container: string | null;
  range: Range;
}

const WORKSPACE_NOTE_CHARS = 100;

/**
 * Sections and notes whose name contains every word of the query (any case). A note
 * is named `Note 12: first words…` so that editors, which filter on the name again,
 * keep what the server found.
 */
export function workspaceSymbols(model: BriefModel, query: string): FlatSymbol[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found: FlatSymbol[] = [];
  const noteText = new Map(model.endnotes.map((note) => [note.numberRange, note.text]));
  const visit = (symbols: BriefSymbol[], container: string | null) => {
    for (const symbol of symbols) {
      const name = symbol.kind === 'note' ? `Note ${symbol.name}: ${firstWords(noteText.get(symbol.selectionRange) ?? symbol.detail, Infinity, WORKSPACE_NOTE_CHARS)}` : symbol.name;
      const lower = name.toLowerCase();
      if (words.every((word) => lower.includes(word))) found.push({ name, kind: symbol.kind, container, range: symbol.selectionRange });
      visit(symbol.children, symbol.kind === 'section' ? symbol.name : container);
    }
  };
  visit(documentSymbols(model), null);
  return found;
}

