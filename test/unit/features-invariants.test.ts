/**
 * Invariants of every navigation feature on any input: nothing throws, every range
 * lies inside the document, a symbol's selection lies inside its range, folds are
 * well formed, links are http(s), and a hover renders no HTML and no other link.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { BriefModel, Range, comparePositions } from '../../server/src/brief';
import { definitionAt } from '../../server/src/brief/features/definition';
import { foldingRanges } from '../../server/src/brief/features/folding';
import { hoverAt } from '../../server/src/brief/features/hover';
import { documentLinks } from '../../server/src/brief/features/links';
import { highlightsAt, referenceRanges } from '../../server/src/brief/features/references';
import { BriefSymbol, documentSymbols, workspaceSymbols } from '../../server/src/brief/features/symbols';
import { PLAINTEXT_SEED, readText, seedsPresent } from '../helpers';
import { fixturePath, modelOfText, render } from './features-support';

function inside(model: BriefModel, r: Range): boolean {
  const valid = (p: { line: number; character: number }) => p.line >= 0 && p.line < model.lines.length && p.character >= 0 && p.character <= model.lines[p.line].length;
  return valid(r.start) && valid(r.end) && comparePositions(r.start, r.end) <= 0;
}

function contains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

function checkSymbols(model: BriefModel, symbols: BriefSymbol[]): void {
  for (const symbol of symbols) {
    assert.ok(inside(model, symbol.range) && contains(symbol.range, symbol.selectionRange), `symbol ${symbol.name}`);
    checkSymbols(model, symbol.children);
  }
}

/** Hover texts already read as Markdown: the same hover comes back at every position of a marker. */
const rendered = new Set<string>();

function checkHoverMarkdown(markdown: string): void {
  if (rendered.has(markdown)) return;
  rendered.add(markdown);
  const { html, links } = render(markdown);
  assert.deepStrictEqual(html, []);
  for (const link of links) assert.match(link.url, /^https?:\/\//);
}

function checkEverywhere(model: BriefModel, positions: { line: number; character: number }[]): void {
  checkSymbols(model, documentSymbols(model));
  for (const s of workspaceSymbols(model, 'a')) assert.ok(inside(model, s.range));
  for (const fold of foldingRanges(model)) assert.ok(fold.startLine < fold.endLine && fold.endLine < model.lines.length);
  for (const link of documentLinks(model)) assert.ok(inside(model, link.range) && /^https?:\/\//.test(link.target));
  for (const position of positions) {
    const hover = hoverAt(model, position);
    if (hover) {
      assert.ok(inside(model, hover.range) && hover.markdown.length > 0);
      checkHoverMarkdown(hover.markdown);
    }
    for (const d of definitionAt(model, position)) assert.ok(inside(model, d.origin) && inside(model, d.range) && contains(d.range, d.selectionRange));
    for (const r of referenceRanges(model, position, true)) assert.ok(inside(model, r));
    for (const h of highlightsAt(model, position)) assert.ok(inside(model, h.range));
  }
}

/** Every position of every line, plus one past the end of each. */
function allPositions(model: BriefModel): { line: number; character: number }[] {
  return model.lines.flatMap((text, line) => Array.from({ length: text.length + 2 }, (_, character) => ({ line, character })));
}

describe('navigation invariants', () => {
  it('hold at every position of the feature fixtures', () => {
    for (const name of ['navigation.txt', 'navigation.md', 'hostile.md']) {
      const model = modelOfText(readText(fixturePath(name)), name);
      checkEverywhere(model, allPositions(model));
    }
  });

  (seedsPresent() ? it : it.skip)('hold on every line of seed 000, at each marker, note number and reference', () => {
    const model = modelOfText(readText(PLAINTEXT_SEED));
    const positions = [
      ...model.markers.flatMap((m) => [m.range.start, m.range.end]),
      ...model.endnotes.flatMap((n) => [n.numberRange.start, ...n.references.map((r) => r.targetRange.start)]),
      ...model.lines.map((_, line) => ({ line, character: 0 })),
    ];
    checkEverywhere(model, positions);
  });

  it('hold on random drafts made of markers, notes, references, headings and URLs', () => {
    const piece = fc.constantFrom(
      'Text', ' ', '\n', '\n\n', '\r\n', '¹', '²³', '[^1]', '[^a]', '<sup>2, 3</sup>', '[^1]: ', '# ', '## ', 'Endnotes', 'ENDNOTES',
      '1 ', '- 2 ', '3. ', 'See footnote 1.', 'See note 2', 'Ibid.', '“Title,” ', 'Outlet, 2020, ', '<https://example.org/a', '>', 'www.x.org', '😀', '\t',
      '<script>', '[x](command:y)', '`', '*', '_', '|', '\\', '&amp;', 'javascript:z',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.boolean(), (pieces, markdown) => {
        const model = modelOfText(pieces.join(''), markdown ? 'draft.md' : 'draft.txt');
        checkEverywhere(model, allPositions(model));
      }),
      { numRuns: 300 },
    );
  });
});
