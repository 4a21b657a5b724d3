/**
 * Quick fixes, fix-all, the renumber and insert-footnote commands and rename, asked
 * of the real server over stdio; the returned edits are applied with
 * vscode-languageserver-textdocument and the resulting text compared exactly.
 */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspSession, startServer } from '../lsp-client';

const BRIEF = [
  'Water Rights in the Delta', '', 'By A. Writer', '', 'EXECUTIVE SUMMARY', '',
  'Allocations fell.² Farmers sued.¹ The court agreed.³', '',
  'RECOMMENDATIONS', '', 'Fund the basin plan.', '',
  'Endnotes', '',
  '1 R. Diaz, “Delta Allocations,” Water Review, May 2023, <https://example.org/delta/>', '', 'allocations.html.', '',
  '2 M. Chen, “Basin Courts,” Law Quarterly, 2021, <https://example.org/courts>.', '',
  '3 See footnote 2.', '',
].join('\n');

/** BRIEF renumbered: markers by first citation, notes 1 and 2 swapped whole, the "See footnote" following note 2. */
const RENUMBERED = BRIEF.replace('fell.² Farmers sued.¹', 'fell.¹ Farmers sued.²')
  .replace('1 R. Diaz, “Delta Allocations,” Water Review, May 2023, <https://example.org/delta/>\n\nallocations.html.', '1 M. Chen, “Basin Courts,” Law Quarterly, 2021, <https://example.org/courts>.')
  .replace('2 M. Chen, “Basin Courts,” Law Quarterly, 2021, <https://example.org/courts>.', '2 R. Diaz, “Delta Allocations,” Water Review, May 2023, <https://example.org/delta/>\n\nallocations.html.')
  .replace('3 See footnote 2.', '3 See footnote 1.');

let counter = 0;

describe('language server over stdio: fixes', () => {
  let session: LspSession;
  before(async () => {
    session = await startServer({ settings: { debounceMs: 0 } });
  });
  after(async () => session.stop());

  async function open(text: string, languageId = 'plaintext') {
    const uri = `file:///tmp/policy-brief-fixes/brief-${++counter}.${languageId === 'markdown' ? 'md' : 'txt'}`;
    session.open(uri, text, languageId, 1);
    const { diagnostics } = await session.diagnostics(uri, 1);
    return { uri, diagnostics };
  }

  function applied(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
    const edits: TextEdit[] = edit?.changes?.[uri] ?? [];
    assert.ok(edits.length > 0, 'the edit changes the document');
    return TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, text), edits);
  }

  const codeActions = (uri: string, diagnostics: Diagnostic[], only?: string[]) =>
    session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, ...(only ? { only } : {}) },
    });

  it('offers the split-url quick fix, whose edit joins the URL', async () => {
    const { uri, diagnostics } = await open(BRIEF);
    const split = diagnostics.filter((d) => d.code === 'split-url');
    const actions = await codeActions(uri, split);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [['Join the split URL', 'quickfix', true]]);
    assert.strictEqual(applied(BRIEF, uri, actions[0].edit), BRIEF.replace('<https://example.org/delta/>\n\nallocations.html.', '<https://example.org/delta/allocations.html>.'));
  });

  it('offers Renumber on marker-order, and its edit renumbers markers, notes and "See footnote"', async () => {
    const { uri, diagnostics } = await open(BRIEF);
    const order = diagnostics.filter((d) => d.code === 'marker-order');
    const actions = await codeActions(uri, order);
    assert.deepStrictEqual(actions.map((a) => a.title), ['Renumber footnotes by first appearance']);
    assert.strictEqual(applied(BRIEF, uri, actions[0].edit), RENUMBERED);
  });

  it('offers Renumber disabled, with the reason, when renumbering would be a guess', async () => {
    const text = ['Claim.² Other.¹ Third.⁴', '', 'Endnotes', '', '1 One.', '2 Two.', ''].join('\n');
    const { uri, diagnostics } = await open(text, 'policy-brief');
    const actions = await codeActions(uri, diagnostics.filter((d) => d.code === 'marker-order'));
    assert.deepStrictEqual(actions, [
      {
        title: 'Renumber footnotes by first appearance',
        kind: 'quickfix',
        diagnostics: diagnostics.filter((d) => d.code === 'marker-order'),
        disabled: { reason: 'Cannot renumber: marker ⁴ on line 1 cites note 4, which does not exist. Add the note or remove the marker first.' },
      },
    ]);
  });

  it('answers source.fixAll with one action that applies every safe fix', async () => {
    const { uri } = await open(BRIEF);
    const actions = await codeActions(uri, [], ['source.fixAll']);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind]), [['Fix all safely fixable Policy Brief problems', 'source.fixAll.policyBrief']]);
    assert.strictEqual(applied(BRIEF, uri, actions[0].edit), RENUMBERED.replace('<https://example.org/delta/>\n\nallocations.html.', '<https://example.org/delta/allocations.html>.'));
    assert.deepStrictEqual(await codeActions(uri, []), [], 'no source action without being asked');
  });

  it('renumbers through workspace/executeCommand, and says why when it refuses', async () => {
    const { uri } = await open(BRIEF);
    const result = await session.request<{ edit?: WorkspaceEdit; version?: number; message?: string }>('workspace/executeCommand', { command: 'policyBrief.server.renumber', arguments: [{ uri }] });
    assert.strictEqual(result.version, 1);
    assert.strictEqual(applied(BRIEF, uri, result.edit).split('\n')[6], 'Allocations fell.¹ Farmers sued.² The court agreed.³');

    const duplicate = await open(['A.¹', '', 'Endnotes', '', '1 One.', '', '1 Other.', ''].join('\n'), 'policy-brief');
    assert.deepStrictEqual(await session.request('workspace/executeCommand', { command: 'policyBrief.server.renumber', arguments: [{ uri: duplicate.uri }] }), {
      message: 'Cannot renumber: there are 2 notes numbered 1 (lines 5 and 7), so markers citing 1 could mean either. Give each note its own number first.',
      refused: true,
    });
  });

  it('inserts a footnote through workspace/executeCommand and returns the stub to select', async () => {
    const text = ['# Library Hours', '', '**By T. Reyes**', '', '## Executive Summary', '', 'Sundays tripled visits.[^1] Families came most. Evenings helped.[^2]', '', '[^1]: City Libraries, 2024.', '', '[^2]: Student Union, 2024.', ''].join('\n');
    const { uri } = await open(text, 'markdown');
    const result = await session.request<{ edit?: WorkspaceEdit; selection?: unknown }>('workspace/executeCommand', {
      command: 'policyBrief.server.insertFootnote',
      arguments: [{ uri, position: { line: 6, character: 47 } }],
    });
    assert.strictEqual(
      applied(text, uri, result.edit),
      text.replace('Families came most. Evenings helped.[^2]', 'Families came most.[^2] Evenings helped.[^3]').replace('[^2]: Student Union', '[^2]: TODO: add the source.\n\n[^3]: Student Union'),
    );
    assert.deepStrictEqual(result.selection, { start: { line: 10, character: 6 }, end: { line: 10, character: 27 } });
  });

  it('renames a note number with prepareRename and rename, and refuses a taken number', async () => {
    const { uri } = await open(BRIEF);
    const position = { line: 6, character: 32 };
    assert.deepStrictEqual(await session.request('textDocument/prepareRename', { textDocument: { uri }, position }), {
      range: { start: { line: 6, character: 32 }, end: { line: 6, character: 33 } },
      placeholder: '1',
    });
    const edit = await session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: '4' });
    const renamed = applied(BRIEF, uri, edit);
    assert.strictEqual(renamed.split('\n')[6], 'Allocations fell.² Farmers sued.⁴ The court agreed.³');
    assert.strictEqual(renamed.split('\n').filter((line) => /^\d /.test(line)).map((line) => line.slice(0, 12)).join(' | '), '2 M. Chen, “ | 3 See footno | 4 R. Diaz, “');
    await assert.rejects(session.request('textDocument/rename', { textDocument: { uri }, position, newName: '2' }), /Note number 2 is already taken: there is a note 2\./);
  });
});
