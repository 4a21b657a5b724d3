/**
 * No network access anywhere in the server, and hostile note text stays text in hovers.
 * The server runs with network-guard.js preloaded: any HTTP, HTTPS, TCP, TLS, UDP or DNS
 * call is written to a log and fails. A whole session — diagnostics, hovers, code
 * actions, symbols, renumber — must leave the log empty.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { LspSession, startServer } from '../lsp-client';

const GUARD = path.join(__dirname, 'network-guard.js');
const URI = 'file:///tmp/policy-brief-no-network/brief.md';
const NOTE = '1. <script>alert(1)</script> [x](command:workbench.action.quit) `code` *em* at http://example.org/a_b, 2024.';
const BRIEF = ['# A Brief', '', '## Executive Summary', '', 'A claim.¹ Another.²', '', '## Recommendations', '', 'Act.', '', '## Endnotes', '', NOTE, ''].join('\n');

describe('no network access, safe hovers', () => {
  let log: string;
  let session: LspSession;
  before(async () => {
    log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-net-')), 'violations.log');
    fs.writeFileSync(log, '');
    session = await startServer({ settings: { debounceMs: 0 }, execArgv: ['--require', GUARD], env: { POLICY_BRIEF_NETWORK_LOG: log } });
  });
  after(async () => {
    await session.stop();
    fs.rmSync(path.dirname(log), { recursive: true, force: true });
  });

  it('the guard catches network use (checked on a plain node process)', () => {
    const probe = spawnSync(process.execPath, ['--require', GUARD, '-e', "try { require('https').get('https://example.org') } catch {} try { require('net').connect(80, 'example.org') } catch {}"], {
      env: { ...process.env, POLICY_BRIEF_NETWORK_LOG: log },
    });
    assert.strictEqual(probe.status, 0);
    assert.deepStrictEqual(fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => line.split(' ')[0]), ['https.get', 'net.connect']);
    fs.writeFileSync(log, '');
  });

  it('a session with diagnostics, hovers, code actions, symbols and renumber makes no network call', async () => {
    session.open(URI, BRIEF, 'markdown', 1);
    const published = await session.diagnostics(URI, 1);
    assert.deepStrictEqual(published.diagnostics.map((d) => d.code), ['orphan-marker']);

    const hover = await session.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 4, character: 8 } });
    const value = (hover.contents as { kind: string; value: string }).value;
    assert.strictEqual(
      value,
      [
        '**Note 1**',
        '',
        '\\<script\\>alert\\(1\\)\\<\\/script\\> \\[x\\]\\(command\\:workbench\\.action\\.quit\\) \\`code\\` \\*em\\* at http\\:\\/\\/example\\.org\\/a\\_b\\, 2024\\.',
        '',
        '---',
        '',
        '- Author: \\<script\\>alert\\(1\\)\\<\\/script\\> x \\`code\\`',
        '- Title: em',
        '- Date: 2024',
        '- URL: [http\\:\\/\\/example\\.org\\/a\\_b](http://example.org/a_b)',
      ].join('\n'),
    );
    assert.deepStrictEqual([...value.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]), ['http://example.org/a_b'], 'the only link is the note’s own web address');
    assert.doesNotMatch(value, /\]\(command:/, 'no command link survives');
    assert.doesNotMatch(value, /(?<!\\)</, 'no unescaped < (raw HTML) survives');

    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: published.diagnostics[0].range,
      context: { diagnostics: published.diagnostics },
    });
    assert.ok(actions.length > 0, 'a quick fix is offered for the orphan marker');
    await session.request('textDocument/documentSymbol', { textDocument: { uri: URI } });
    await session.request('workspace/executeCommand', { command: 'policyBrief.server.renumber', arguments: [{ uri: URI }] });

    session.change(URI, 2, [{ range: { start: { line: 13, character: 0 }, end: { line: 13, character: 0 } }, text: '2. Ferry Office, “Review,” 2024, https://example.org/second.\n' }]);
    const after = await session.diagnostics(URI, 2);
    assert.strictEqual(after.version, 2);
    assert.ok(!after.diagnostics.some((d) => d.code === 'orphan-marker'), 'note 2 now exists');
    assert.strictEqual(fs.readFileSync(log, 'utf8'), '');
    assert.strictEqual(session.process.exitCode, null);
  });
});
