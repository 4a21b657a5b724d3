/**
 * Typing fast: requests are answered from the current version while diagnostics wait
 * for the debounce; a burst of edits publishes diagnostics for the last version, and
 * never for an older version after a newer one.
 */
import * as assert from 'assert';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { generateBrief } from '../../bench/generate';
import { LspSession, startServer } from '../lsp-client';

const BRIEF = generateBrief('markdown', 20_000, 5);
const END = BRIEF.split('\n').length - 1;

function titles(symbols: DocumentSymbol[]): string[] {
  return symbols.flatMap((s) => [s.name, ...titles(s.children ?? [])]);
}

describe('language server over stdio: responsiveness while typing', () => {
  let session: LspSession;
  afterEach(async () => session.stop());

  it('answers a request from the newest version at once, without waiting for the debounced diagnostics', async () => {
    session = await startServer({ settings: { debounceMs: 1000 } });
    const uri = 'file:///tmp/policy-brief-protocol/typing.md';
    session.open(uri, BRIEF, 'markdown', 1);
    await session.diagnostics(uri, 1);
    session.change(uri, 2, [{ range: { start: { line: END, character: 0 }, end: { line: END, character: 0 } }, text: '\n## Annex on Ferries\n\nText.\n' }]);
    let published = false;
    const diagnostics = session.diagnostics(uri, 2).then((p) => ((published = true), p));
    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(titles(symbols).includes('Annex on Ferries'), 'the outline already has the heading typed in version 2');
    assert.strictEqual(published, false, 'the answer came before the debounced diagnostics');
    assert.strictEqual((await diagnostics).version, 2);
  });

  it('after a burst of edits publishes the last version, in increasing order of versions', async () => {
    session = await startServer({ settings: { debounceMs: 0 } });
    const uri = 'file:///tmp/policy-brief-protocol/burst.md';
    session.open(uri, BRIEF, 'markdown', 1);
    await session.diagnostics(uri, 1);
    for (let version = 2; version <= 40; version++) {
      session.change(uri, version, [{ range: { start: { line: END, character: 0 }, end: { line: END, character: 0 } }, text: 'e' }]);
    }
    session.change(uri, 41, [{ range: { start: { line: END, character: 0 }, end: { line: END, character: 0 } }, text: '\n\nOrphan.⁹⁹⁹' }]);
    const last = await session.diagnostics(uri, 41);
    assert.strictEqual(last.version, 41);
    assert.ok(last.diagnostics.some((d) => d.code === 'orphan-marker' && d.range.start.line === END + 2), 'the diagnostics are those of the last text');
    const versions = session.published.filter((p) => p.uri === uri).map((p) => p.version as number);
    assert.deepStrictEqual(versions, [...versions].sort((a, b) => a - b), 'never an older version after a newer one');
  });
});
