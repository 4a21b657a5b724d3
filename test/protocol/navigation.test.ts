/** Navigation through the real server over stdio: hover, definition, references, highlight, symbols, folding, links. */
import * as assert from 'assert';
import { pathToFileURL } from 'url';
import type { DocumentHighlight, DocumentLink, DocumentSymbol, FoldingRange, Hover, Location, MarkupContent, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { range } from '../../server/src/brief';
import { PLAINTEXT_SEED, readText, seedsPresent } from '../helpers';
import { LspSession, startServer } from '../lsp-client';
import { fixturePath } from '../unit/features-support';

const TXT = fixturePath('navigation.txt');
const MD = fixturePath('navigation.md');
const TXT_URI = pathToFileURL(TXT).toString();
const MD_URI = pathToFileURL(MD).toString();

type SymbolShape = [string, number, number, SymbolShape[]];
const shape = (symbols: DocumentSymbol[]): SymbolShape[] => symbols.map((s) => [s.name, s.kind, s.selectionRange.start.line, shape(s.children ?? [])]);

describe('language server over stdio: navigation', () => {
  let session: LspSession;
  const at = (uri: string, line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });

  before(async () => {
    session = await startServer({ settings: { debounceMs: 0 } });
    session.open(TXT_URI, readText(TXT), 'plaintext', 1);
    session.open(MD_URI, readText(MD), 'markdown', 1);
    await Promise.all([session.diagnostics(TXT_URI, 1), session.diagnostics(MD_URI, 1)]);
  });
  after(async () => session.stop());

  it('announces every navigation capability', () => {
    const { capabilities } = session.initializeResult;
    assert.deepStrictEqual(
      [capabilities.hoverProvider, capabilities.definitionProvider, capabilities.referencesProvider, capabilities.documentHighlightProvider, capabilities.workspaceSymbolProvider, capabilities.foldingRangeProvider],
      [true, true, true, true, true, true],
    );
    assert.deepStrictEqual([capabilities.documentSymbolProvider, capabilities.documentLinkProvider], [{ label: 'Policy Brief' }, { resolveProvider: false }]);
  });

  it('hover on ³ shows the chain 3 → 2 → 1 and note 1’s citation as escaped Markdown, over the marker', async () => {
    const hover = (await session.request<Hover>('textDocument/hover', at(TXT_URI, 5, 101)))!;
    assert.deepStrictEqual(hover.range, range(5, 101, 5, 102));
    const contents = hover.contents as MarkupContent;
    assert.deepStrictEqual(Object.keys(contents).sort(), ['kind', 'value']);
    assert.strictEqual(contents.kind, 'markdown');
    assert.strictEqual(
      contents.value,
      [
        '**Note 3:** See footnote 2\\.',
        '**Source: note 1** (3 → 2 → 1)',
        'Jane Roe and Omar Sy\\, “Rain and Ruin in the Sahel\\,” Sahel Review\\, March 3\\, 2021\\, \\<https\\:\\/\\/example\\.org\\/sahel\\/rain\\-and\\-ruin\\>\\.',
        '---',
        '- Author: Jane Roe and Omar Sy\n- Title: Rain and Ruin in the Sahel\n- Outlet: Sahel Review\n- Date: March 3\\, 2021\n- URL: [https\\:\\/\\/example\\.org\\/sahel\\/rain\\-and\\-ruin](https://example.org/sahel/rain-and-ruin)',
      ].join('\n\n'),
    );
  });

  it('hover answers null in plain prose', async () => {
    assert.strictEqual(await session.request('textDocument/hover', at(TXT_URI, 5, 0)), null);
  });

  it('definition from a marker, a "See footnote N" and a <sup> marker lands on the note’s number', async () => {
    assert.deepStrictEqual(await session.request<Location[]>('textDocument/definition', at(TXT_URI, 5, 101)), [{ uri: TXT_URI, range: range(29, 0, 29, 1) }]);
    assert.deepStrictEqual(await session.request<Location[]>('textDocument/definition', at(TXT_URI, 27, 15)), [{ uri: TXT_URI, range: range(25, 0, 25, 1) }]);
    assert.deepStrictEqual(await session.request<Location[]>('textDocument/definition', at(MD_URI, 6, 60)), [{ uri: MD_URI, range: range(15, 2, 15, 3) }]);
  });

  it('definition answers LocationLinks (origin, whole note, number) to a client that supports them', async () => {
    const linking = await startServer({ settings: { debounceMs: 0 }, textDocumentCapabilities: { definition: { linkSupport: true } } });
    try {
      linking.open(TXT_URI, readText(TXT), 'plaintext', 1);
      assert.deepStrictEqual(await linking.request('textDocument/definition', at(TXT_URI, 27, 15)), [
        { originSelectionRange: range(27, 2, 27, 16), targetUri: TXT_URI, targetRange: range(25, 0, 25, 125), targetSelectionRange: range(25, 0, 25, 1) },
      ]);
    } finally {
      await linking.stop();
    }
  });

  it('references from note 4: the note, both markers and the Ibid. in note 5', async () => {
    const params = { ...at(TXT_URI, 31, 0), context: { includeDeclaration: true } };
    assert.deepStrictEqual(await session.request<Location[]>('textDocument/references', params), [
      { uri: TXT_URI, range: range(31, 0, 31, 1) },
      { uri: TXT_URI, range: range(9, 26, 9, 27) },
      { uri: TXT_URI, range: range(21, 23, 21, 24) },
      { uri: TXT_URI, range: range(35, 2, 35, 6) },
    ]);
    const withoutDeclaration = await session.request<Location[]>('textDocument/references', { ...params, context: { includeDeclaration: false } });
    assert.strictEqual(withoutDeclaration.length, 3);
  });

  it('document highlight marks the note’s number as Write and each citation as Read', async () => {
    assert.deepStrictEqual(await session.request<DocumentHighlight[]>('textDocument/documentHighlight', at(TXT_URI, 5, 42)), [
      { range: range(25, 0, 25, 1), kind: 3 },
      { range: range(5, 42, 5, 43), kind: 2 },
      { range: range(27, 15, 27, 16), kind: 2 },
    ]);
  });

  it('document symbols: the section tree (String) with the notes (Key) under Endnotes', async () => {
    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: MD_URI } });
    assert.deepStrictEqual(shape(symbols), [
      [
        'Roads to Recovery',
        15,
        0,
        [
          ['Summary', 15, 4, [['Funding', 15, 8, []]]],
          ['Endnotes', 15, 12, [['1', 20, 14, []], ['2', 20, 15, []], ['tolls', 20, 16, []], ['3', 20, 18, []]]],
        ],
      ],
    ]);
    const tolls = symbols[0].children![1].children![2];
    assert.deepStrictEqual(tolls, { name: 'tolls', detail: 'Kim Lee, “Toll Roads Revisited,” Transport Quarterly, May…', kind: 20, range: range(16, 0, 17, 48), selectionRange: range(16, 2, 16, 7) });
    assert.ok(!('detail' in symbols[0]), 'a heading has no detail');
    assert.ok(!('children' in symbols[0].children![0].children![0]), 'a section without subsections has no (empty) list of children');
  });

  it('workspace symbols search every open brief', async () => {
    const found = await session.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'endnotes' });
    assert.deepStrictEqual(
      found.map((s) => [s.name, s.kind, (s.location as Location).uri, (s.location as Location).range.start.line]),
      [
        ['Endnotes', 15, TXT_URI, 23],
        ['Endnotes', 15, MD_URI, 12],
      ],
    );
    const note = await session.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'toll roads' });
    assert.deepStrictEqual(note, [
      { name: 'Note tolls: Kim Lee, “Toll Roads Revisited,” Transport Quarterly, May 2018,…', kind: 20, containerName: 'Endnotes', location: { uri: MD_URI, range: range(16, 2, 16, 7) } },
    ]);
  });

  it('folding ranges for sections and the multi-line note', async () => {
    assert.deepStrictEqual(await session.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: TXT_URI } }), [
      { startLine: 3, endLine: 5 },
      { startLine: 7, endLine: 17 },
      { startLine: 11, endLine: 13 },
      { startLine: 15, endLine: 17 },
      { startLine: 19, endLine: 21 },
      { startLine: 23, endLine: 39 },
      { startLine: 31, endLine: 33 },
    ]);
  });

  it('document links for the URLs in notes, the split one by its first part', async () => {
    assert.deepStrictEqual(await session.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: TXT_URI } }), [
      { range: range(25, 84, 25, 123), target: 'https://example.org/sahel/rain-and-ruin' },
      { range: range(31, 96, 31, 143), target: 'https://example.org/reports/groundwater-across-' },
      { range: range(39, 21, 39, 42), target: 'http://www.example.org/atlas' },
    ]);
  });

  it('answers from the new version after an edit, without waiting for diagnostics', async () => {
    const uri = 'file:///tmp/policy-brief-navigation/edited.txt';
    session.open(uri, 'A claim.¹\n\nEndnotes\n\n1 First source, 2020.\n', 'plaintext', 1);
    await session.diagnostics(uri, 1);
    session.change(uri, 2, [{ range: { start: { line: 4, character: 2 }, end: { line: 4, character: 7 } }, text: 'Second' }]);
    const hover = (await session.request<Hover>('textDocument/hover', at(uri, 0, 8)))!;
    assert.strictEqual((hover.contents as MarkupContent).value, '**Note 1**\n\nSecond source\\, 2020\\.\n\n---\n\n- Date: 2020');
  });

  it('answers null for a document it does not know', async () => {
    assert.strictEqual(await session.request('textDocument/hover', at('file:///nowhere.txt', 0, 0)), null);
    assert.strictEqual(await session.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere.txt' } }), null);
  });

  (seedsPresent() ? describe : describe.skip)('seed 000', () => {
    const uri = pathToFileURL(PLAINTEXT_SEED).toString();
    const text = seedsPresent() ? readText(PLAINTEXT_SEED) : '';
    const lines = text.split(/\r\n|\r|\n/);
    const find = (needle: string, from = 0) => {
      for (let line = from; line < lines.length; line++) {
        const character = lines[line].indexOf(needle);
        if (character >= 0) return { line, character };
      }
      throw new Error(`${needle} not found`);
    };

    before(async () => {
      session.open(uri, text, 'plaintext', 1);
      await session.diagnostics(uri, 1);
    });

    it('hover on ⁶ shows note 5’s SIPRI source and the path 6 → 5', async () => {
      const hover = (await session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: find('⁶') }))!;
      const value = (hover.contents as MarkupContent).value;
      assert.ok(value.startsWith('**Note 6:** See footnote 5\\.\n\n**Source: note 5** (6 → 5)\n\n'));
      assert.ok(value.includes('- Outlet: Stockholm International Peace Research Institute'));
    });

    it('definition from ⁵⁸ lands on note 58', async () => {
      const endnotes = find('Endnotes', 150).line;
      const note58 = find('58 See footnote 14', endnotes);
      assert.deepStrictEqual(await session.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: find('⁵⁸') }), [
        { uri, range: range(note58.line, 0, note58.line, 2) },
      ]);
    });
  });
});
