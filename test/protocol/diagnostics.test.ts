/** Drives the real server over stdio: initialize, didOpen, didChange, publishDiagnostics. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { analyze, resolveConfig } from '../../server/src/brief';
import { LspSession, startServer } from '../lsp-client';

const URI = 'file:///tmp/policy-brief-protocol/brief.md';
const BRIEF = ['# A Brief', '', '## Executive Summary', '', 'A claim.¹', '', '## Recommendations', '', 'Act.', '', '## Endnotes', '', '1. A. Writer, “A Source,” 2024, <https://example.org/source>.', ''].join('\n');

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

/** A brief whose marker ² has no note: one orphan-marker error, nothing else. */
const ORPHAN_BRIEF = BRIEF.replace('A claim.¹', 'A claim.¹ Another.²');
const ORPHAN_AT = { line: 4, character: ORPHAN_BRIEF.split('\n')[4].indexOf('²') };
const PLAIN_BRIEF = [
  'Ferry Timetables',
  '',
  'By A. Writer',
  '',
  'EXECUTIVE SUMMARY',
  '',
  'Winter sailings were cut by half.¹ Island schools lost pupils.²',
  '',
  'RECOMMENDATIONS',
  '',
  'Restore the winter timetable.',
  '',
  'Endnotes',
  '',
  '1 Ferry Office, “Winter Timetable Review,” March 2024, <https://example.org/ferry/review>.',
  '',
].join('\n');
const NOT_A_BRIEF = '# My project\n\n## Install\n\n## Usage\n\nRun it.\n';

function summary(published: PublishDiagnosticsParams) {
  return published.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}:${d.severity}`);
}

/** What the core says about a text, in the same shape: the server must publish exactly this. */
function coreSummary(text: string, format: 'markdown' | 'plaintext', settings: Record<string, unknown> = {}) {
  const severity = { error: 1, warning: 2, information: 3, hint: 4 };
  return analyze(text, resolveConfig(settings).config, { format }).diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}:${severity[d.severity]}`);
}

describe('language server over stdio: languages, versions and settings', () => {
  let session: LspSession;
  let n = 0;
  const uri = (name: string) => `file:///tmp/policy-brief-protocol/${++n}-${name}`;
  beforeEach(async () => {
    session = await startServer({ settings: { debounceMs: 0 } });
  });
  afterEach(async () => session.stop());

  it('checks a plain-text document as plain text and carries the document version', async () => {
    const doc = uri('brief.txt');
    session.open(doc, PLAIN_BRIEF, 'plaintext', 7);
    const published = await session.diagnostics(doc, 7);
    assert.strictEqual(published.version, 7);
    assert.deepStrictEqual(summary(published), [`orphan-marker@6:${PLAIN_BRIEF.split('\n')[6].indexOf('²')}:1`]);
    assert.deepStrictEqual(summary(published), coreSummary(PLAIN_BRIEF, 'plaintext'));
  });

  it('publishes for the latest version after full and incremental changes', async () => {
    const doc = uri('brief.md');
    session.open(doc, BRIEF, 'markdown', 1);
    assert.deepStrictEqual(summary(await session.diagnostics(doc, 1)), []);
    session.change(doc, 2, [{ text: ORPHAN_BRIEF }]);
    session.change(doc, 3, [{ range: { start: { line: 13, character: 0 }, end: { line: 13, character: 0 } }, text: '2. B. Writer, “Another Source,” 2023, <https://example.org/another>.\n' }]);
    const latest = await session.diagnostics(doc, 3);
    assert.strictEqual(latest.version, 3);
    assert.deepStrictEqual(summary(latest), []);
    assert.ok(session.published.filter((p) => p.uri === doc).every((p, i, all) => i === 0 || (p.version ?? 0) >= (all[i - 1].version ?? 0)), 'versions never go back');
  });

  it('always checks a policy-brief document, even one that does not look like a brief', async () => {
    const doc = uri('notes.brief');
    const text = 'Ferry notes\n\nSailings were cut.¹\n';
    session.open(doc, text, 'policy-brief', 1);
    const published = await session.diagnostics(doc, 1);
    assert.deepStrictEqual(summary(published), coreSummary(text, 'plaintext'));
    assert.ok(summary(published).includes('orphan-marker@2:18:1'));
  });

  it('re-checks open documents with the new settings after workspace/didChangeConfiguration', async () => {
    const doc = uri('brief.md');
    session.open(doc, ORPHAN_BRIEF, 'markdown', 1);
    assert.deepStrictEqual(summary(await session.diagnostics(doc, 1)), [`orphan-marker@${ORPHAN_AT.line}:${ORPHAN_AT.character}:1`]);

    session.setSettings({ debounceMs: 0, rules: { 'orphan-marker': 'hint' } });
    let next = session.nextDiagnostics(doc);
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const downgraded = await next;
    assert.strictEqual(downgraded.version, 1);
    assert.deepStrictEqual(summary(downgraded), [`orphan-marker@${ORPHAN_AT.line}:${ORPHAN_AT.character}:4`]);

    session.setSettings({ debounceMs: 0, rules: { 'orphan-marker': 'off' } });
    next = session.nextDiagnostics(doc);
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepStrictEqual(summary(await next), []);
  });

  it('reads the nearest .policybrief.json over the editor settings, and again when the client reports it changed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-protocol-'));
    try {
      const configFile = path.join(dir, '.policybrief.json');
      fs.writeFileSync(configFile, '{ "rules": { "orphan-marker": "warning" } }');
      fs.mkdirSync(path.join(dir, 'briefs'));
      const doc = pathToFileURL(path.join(dir, 'briefs', 'brief.md')).toString();
      session.setSettings({ debounceMs: 0, rules: { 'orphan-marker': 'hint' } });
      session.open(doc, ORPHAN_BRIEF, 'markdown', 1);
      assert.deepStrictEqual(summary(await session.diagnostics(doc, 1)), [`orphan-marker@${ORPHAN_AT.line}:${ORPHAN_AT.character}:2`]);

      fs.writeFileSync(configFile, '{ "rules": { "orphan-marker": "off" } }');
      const next = session.nextDiagnostics(doc);
      await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).toString(), type: 2 }] });
      assert.deepStrictEqual(summary(await next), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('detection: auto skips a README, always checks it, off checks only policy-brief documents', async () => {
    const readme = uri('README.md');
    const brief = uri('brief.md');
    const pinned = uri('brief.brief');
    session.open(readme, NOT_A_BRIEF, 'markdown', 1);
    session.open(brief, ORPHAN_BRIEF, 'markdown', 1);
    session.open(pinned, ORPHAN_BRIEF, 'policy-brief', 1);
    assert.deepStrictEqual(summary(await session.diagnostics(readme, 1)), []);
    assert.deepStrictEqual(summary(await session.diagnostics(brief, 1)), coreSummary(ORPHAN_BRIEF, 'markdown'));
    assert.deepStrictEqual(summary(await session.diagnostics(pinned, 1)), coreSummary(ORPHAN_BRIEF, 'markdown'));

    const recheck = async (settings: Record<string, unknown>) => {
      session.setSettings({ debounceMs: 0, ...settings });
      const next = [readme, brief, pinned].map((doc) => session.nextDiagnostics(doc));
      await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      return (await Promise.all(next)).map(summary);
    };

    const always = await recheck({ detection: 'always' });
    assert.deepStrictEqual(always[0], coreSummary(NOT_A_BRIEF, 'markdown'));
    assert.deepStrictEqual(always[0].map((d) => d.split('@')[0]), ['missing-section', 'missing-section', 'empty-section']);

    const off = await recheck({ detection: 'off' });
    assert.deepStrictEqual(off, [[], [], coreSummary(ORPHAN_BRIEF, 'markdown')]);
    assert.ok(off[2].length > 0);
  });
});
