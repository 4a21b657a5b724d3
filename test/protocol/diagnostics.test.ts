/** Drives the real server over stdio: initialize, didOpen, didChange, publishDiagnostics. */
import * as assert from 'assert';
import { LspSession, startServer } from '../lsp-client';

const URI = 'file:///tmp/policy-brief-protocol/brief.md';
const BRIEF = ['# A Brief', '', '## Executive Summary', '', 'A claim.¹', '', '## Recommendations', '', 'Act.', '', '## Endnotes', '', '1. A source, 2024.', ''].join('\n');

describe('language server over stdio: diagnostics', () => {
  let session: LspSession;
  before(async () => {
    session = await startServer({ settings: { debounceMs: 0 } });
  });
  after(async () => session.stop());

  it('publishes no diagnostics for a clean brief, then an orphan-marker after an edit adds a marker', async () => {
    session.open(URI, BRIEF, 'markdown', 1);
    const first = await session.diagnostics(URI, 1);
    assert.deepStrictEqual(first.diagnostics, []);

    session.change(URI, 2, [{ range: { start: { line: 4, character: 9 }, end: { line: 4, character: 9 } }, text: ' Another.²' }]);
    const second = await session.diagnostics(URI, 2);
    assert.strictEqual(second.version, 2);
    assert.deepStrictEqual(
      second.diagnostics.map((d) => ({ code: d.code, line: d.range.start.line, character: d.range.start.character, source: d.source, severity: d.severity })),
      [{ code: 'orphan-marker', line: 4, character: 18, source: 'policy-brief', severity: 1 }],
    );
    assert.match(second.diagnostics[0].codeDescription!.href, /README\.md#orphan-marker$/);
    assert.strictEqual(second.diagnostics[0].message, 'Marker ² cites note 2, but there is no note 2: add it to the Endnotes, or remove the marker.');
  });

  it('leaves a Markdown file that does not look like a brief alone (detection: auto)', async () => {
    const uri = 'file:///tmp/policy-brief-protocol/README.md';
    session.open(uri, '# My project\n\n## Install\n\n## Usage\n', 'markdown', 1);
    const published = await session.diagnostics(uri, 1);
    assert.deepStrictEqual(published.diagnostics, []);
  });
});
