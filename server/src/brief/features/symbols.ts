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
  // Only the head of a long note is looked at (a pasted appendix can be megabytes); its last, perhaps cut, word is dropped.
  const headLength = 4 * chars;
  const cut = text.length > headLength;
  const slice = cut ? text.slice(0, headLength) : text;
  const whole = cut ? slice.replace(/\S*$/, '') : slice;
  const head = collapseWhitespace(whole.trim() ? whole : slice);
  const all = head.split(' ');
  let result = '';
  for (const word of all.slice(0, words)) {
    const next = result ? `${result} ${word}` : word;
    if (next.length > chars) break;
    result = next;
  }
  if (!result && all[0]) result = Array.from(all[0]).slice(0, chars).join('');
  return cut || result.length < head.length ? `${result}…` : result;
}

function noteSymbol(note: Endnote): BriefSymbol {
  return { name: note.label, detail: firstWords(note.text), kind: 'note', range: note.range, selectionRange: note.numberRange, children: [] };
}

/** Per model, i.e. per document version: editors ask for symbols again and again (outline, breadcrumbs, sticky scroll). */
const symbolCache = new WeakMap<BriefModel, BriefSymbol[]>();

/** The outline of a brief. The result is shared between callers of the same model: read it, do not change it. */
export function documentSymbols(model: BriefModel): BriefSymbol[] {
  let symbols = symbolCache.get(model);
  if (!symbols) {
    symbols = buildSymbols(model);
    symbolCache.set(model, symbols);
  }
  return symbols;
}

function buildSymbols(model: BriefModel): BriefSymbol[] {
  const symbolOf = new Map<SectionNode, BriefSymbol>();
  const toSymbol = (node: SectionNode): BriefSymbol => {
    const { section } = node;
    const symbol: BriefSymbol = { name: section.title, detail: '', kind: 'section', range: section.range, selectionRange: section.headingRange, children: node.children.map(toSymbol) };
    symbolOf.set(node, symbol);
    return symbol;
  };
  const tree = sectionTree(model);
  const roots = tree.map(toSymbol);
  const touched = new Set<BriefSymbol[]>();
  for (const note of model.endnotes) {
    // Descend through sections only: a section's children list also fills up with notes.
    let nodes = tree;
    let siblings = roots;
    for (;;) {
      const holder = nodes.find((node) => containsPosition(node.section.range, note.range.start));
      if (!holder) break;
      nodes = holder.children;
      siblings = symbolOf.get(holder)!.children;
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

