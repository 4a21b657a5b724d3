/** The status bar's and "Check All Briefs in Workspace"'s requests, against the real server over stdio. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { CHECK_FILES_REQUEST, CheckFilesResult, DOCUMENT_INFO_REQUEST, DocumentInfo } from '../../server/src/workspaceProtocol';
import { tempFolderPerSuite } from '../helpers';
import { LspSession, startServer } from '../lsp-client';

const NOTE_1 = 'Regional Water Board, “Annual Price Report 2023,” March 2024, <https://example.org/water/annual-2023>.';
const NOTE_2 = 'Maria Chen, “Who Pays for Drought?” Journal of Water Policy, Vol. 14, No. 2, 2022, pp. 33–51.';
const SUMMARY = 'Household water prices rose twice as fast in dry years.¹ Utilities passed costs on with a lag.²';

/** A Markdown brief whose marker ² has no note (orphan-marker at line 4, characters 94–95). */
const MARKDOWN_BRIEF = ['# Paying for Drought', '', '## Executive Summary', '', SUMMARY, '', '## Recommendations', '', 'Publish monthly prices for every region.', '', '## Endnotes', '', `1. ${NOTE_1}`, ''].join('\n');
/** A plain-text brief whose note 2 points at itself (self-reference at line 15). */
const PLAIN_BRIEF = ['PAYING FOR DROUGHT', '', 'By Alex Rivera', '', 'EXECUTIVE SUMMARY', '', SUMMARY, '', 'RECOMMENDATIONS', '', 'Publish monthly prices for every region.', '', 'Endnotes', '', `1 ${NOTE_1}`, '2 See footnote 2.', ''].join('\n');
const README = '# My project\n\n## Install\n\nRun the installer.\n';

function summarise(published: PublishDiagnosticsParams | undefined) {
  return published?.diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range }));
}

function lastPublished(session: LspSession, uri: string): PublishDiagnosticsParams | undefined {
  return [...session.published].reverse().find((p) => p.uri === uri);
}

describe('language server over stdio: workspace requests', () => {
  let session: LspSession;
  const dir = tempFolderPerSuite('policy-brief-workspace-');
  const uriOf = (name: string) => pathToFileURL(path.join(dir.path, name)).toString();
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir.path, name), text);

  before(async () => {
    session = await startServer({ settings: { debounceMs: 0 } });
  });
  after(() => session.stop());

  describe(DOCUMENT_INFO_REQUEST, () => {
    it('counts notes, markers and problems of the current version, with the status-bar label', async () => {
      const uri = uriOf('open-brief.md');
      session.open(uri, MARKDOWN_BRIEF, 'markdown', 1);
      await session.diagnostics(uri, 1);
      assert.deepStrictEqual(await session.request<DocumentInfo | null>(DOCUMENT_INFO_REQUEST, { uri }), {
        notes: 1,
        markers: 2,
        words: 23,
        errors: 1,
        warnings: 0,
        information: 0,
        hints: 0,
        label: '23 words · 1 note · 1 problem',
      });

      const endOfNotes = { line: 13, character: 0 };
      session.change(uri, 2, [{ range: { start: endOfNotes, end: endOfNotes }, text: `2. ${NOTE_2}\n` }]);
      const fixed = await session.diagnostics(uri, 2);
      assert.deepStrictEqual(fixed.diagnostics, []);
      const info = await session.request<DocumentInfo | null>(DOCUMENT_INFO_REQUEST, { uri });
      assert.deepStrictEqual([info?.notes, info?.markers, info?.label], [2, 2, '23 words · 2 notes · no problems']);
    });

    it('counts each severity, and leaves hints out of the label as the Problems view leaves them out', async () => {
      const hinted = await startServer({ settings: { debounceMs: 0, rules: { 'orphan-marker': 'hint', 'self-reference': 'warning' } } });
      try {
        const uri = uriOf('hinted.txt');
        hinted.open(uri, PLAIN_BRIEF.replace(SUMMARY, `${SUMMARY} Rebates lag.³`), 'plaintext', 1);
        await hinted.diagnostics(uri, 1);
        const info = await hinted.request<DocumentInfo | null>(DOCUMENT_INFO_REQUEST, { uri });
        assert.deepStrictEqual(info, { notes: 2, markers: 3, words: 25, errors: 0, warnings: 1, information: 0, hints: 1, label: '25 words · 2 notes · 1 problem' });
      } finally {
        await hinted.stop();
      }
    });

    it('answers null for a file that is not checked as a brief and for a document that is not open', async () => {
      const readme = uriOf('README.md');
      session.open(readme, README, 'markdown', 1);
      await session.diagnostics(readme, 1);
      assert.strictEqual(await session.request(DOCUMENT_INFO_REQUEST, { uri: readme }), null);
      assert.strictEqual(await session.request(DOCUMENT_INFO_REQUEST, { uri: uriOf('never-opened.md') }), null);
    });
  });

  describe(CHECK_FILES_REQUEST, () => {
    it('reads closed files from disk, publishes their diagnostics with .policybrief.json applied, and reports counts per file', async () => {
      write('.policybrief.json', JSON.stringify({ rules: { 'orphan-marker': 'warning', 'marker-order': 'off' } }));
      write('brief.md', MARKDOWN_BRIEF);
      write('draft.txt', `\uFEFF${PLAIN_BRIEF.replace('PAYING FOR DROUGHT', 'PAYING FOR DROUGHT³')}`);
      write('notes.md', README);
      const uris = ['brief.md', 'draft.txt', 'notes.md', 'missing.brief'].map(uriOf);
      const result = await session.request<CheckFilesResult>(CHECK_FILES_REQUEST, { uris });

      const none = { errors: 0, warnings: 0, information: 0, hints: 0 };
      assert.deepStrictEqual(
        result.files.map((f) => ({ ...f, error: f.error === undefined ? undefined : /ENOENT/.test(f.error) })),
        [
          { uri: uris[0], brief: true, counts: { ...none, warnings: 1 }, error: undefined },
          { uri: uris[1], brief: true, counts: { ...none, errors: 1, warnings: 1 }, error: undefined },
          { uri: uris[2], brief: false, counts: none, error: undefined },
          { uri: uris[3], brief: false, counts: none, error: true },
        ],
      );
      assert.deepStrictEqual(summarise(lastPublished(session, uris[0])), [
        { code: 'orphan-marker', severity: 2, range: { start: { line: 4, character: 94 }, end: { line: 4, character: 95 } } },
      ]);
      const draft = lastPublished(session, uris[1]);
      assert.deepStrictEqual(
        draft?.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
        [
          ['orphan-marker', 0, 18],
          ['self-reference', 15, 2],
        ],
        'the byte-order mark is not counted as a character',
      );
      assert.strictEqual(lastPublished(session, uris[2]), undefined, 'nothing is published for a file that is not a brief');
    });

    it('takes an open document as the editor has it, not as it is on disk', async () => {
      const uri = uriOf('edited.txt');
      write('edited.txt', PLAIN_BRIEF);
      session.open(uri, PLAIN_BRIEF.replace('2 See footnote 2.', `2 ${NOTE_2}`), 'plaintext', 1);
      await session.diagnostics(uri, 1);
      const published = session.published.length;
      const result = await session.request<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: [uri] });
      assert.deepStrictEqual(result.files, [{ uri, brief: true, counts: { errors: 0, warnings: 0, information: 0, hints: 0 } }]);
      assert.strictEqual(session.published.length, published, 'an open document keeps the diagnostics of its open version');
    });

    it('clears what an earlier check published once the file is fixed or stops being a brief', async () => {
      write('later.md', MARKDOWN_BRIEF);
      write('gone.md', MARKDOWN_BRIEF);
      const [later, gone] = [uriOf('later.md'), uriOf('gone.md')];
      await session.request<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: [later, gone] });
      assert.deepStrictEqual([lastPublished(session, later)?.diagnostics.length, lastPublished(session, gone)?.diagnostics.length], [1, 1]);

      write('later.md', MARKDOWN_BRIEF.replace(`1. ${NOTE_1}\n`, `1. ${NOTE_1}\n2. ${NOTE_2}\n`));
      write('gone.md', README);
      const result = await session.request<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: [later, gone] });
      assert.deepStrictEqual(result.files.map((f) => f.brief), [true, false]);
      assert.deepStrictEqual(lastPublished(session, later)?.diagnostics, []);
      assert.deepStrictEqual(lastPublished(session, gone)?.diagnostics, []);
    });
  });
});
