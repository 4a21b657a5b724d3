/**
 * The editorial checks through the real server over stdio: the note-format quick fix,
 * the editorial settings as the editor sends them (nested under `policyBrief`), and the
 * hover on a section heading.
 */
import * as assert from 'assert';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { LspSession, startServer } from '../lsp-client';
import { FIXTURES, PLAINTEXT_SEED, readText, seedsPresent } from '../helpers';

let counter = 0;

describe('language server over stdio: editorial checks', () => {
  let session: LspSession;
  before(async () => {
    session = await startServer({ settings: { debounceMs: 0, sectionLimits: { 'Executive Summary': 300 }, citation: { requiredFields: ['locator'] } } });
  });
  after(async () => session.stop());

  async function open(text: string) {
    const uri = `file:///tmp/policy-brief-editorial/brief-${++counter}.txt`;
    session.open(uri, text, 'plaintext', 1);
    const { diagnostics } = await session.diagnostics(uri, 1);
    return { uri, diagnostics };
  }

  async function fixNoteFormat(text: string): Promise<{ diagnostics: Diagnostic[]; fixed: string }> {
    const { uri, diagnostics } = await open(text);
    const found = diagnostics.filter((d) => d.code === 'inconsistent-note-format');
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: found[0].range, context: { diagnostics: found } });
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [['Write every note and marker the way most are written', 'quickfix', true]]);
    const edits: TextEdit[] = actions[0].edit?.changes?.[uri] ?? [];
    return { diagnostics: found, fixed: TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, text), edits) };
  }

  it('offers the note-format quick fix, whose edit writes `- N` notes as `N.`', async () => {
    const text = readText(path.join(FIXTURES, 'rules', 'inconsistent-note-format.hit.txt'));
    const { diagnostics, fixed } = await fixNoteFormat(text);
    assert.deepStrictEqual(diagnostics.map((d) => [d.range.start, d.severity, d.source]), [[{ line: 16, character: 0 }, 2, 'policy-brief']]);
    assert.strictEqual(fixed, text.replace('\n- 1 Transport', '\n1. Transport').replace('\n- 2 L. Berg', '\n2. L. Berg'));
  });

  it('applies the editor’s section limit and required citation fields', async () => {
    const text = readText(path.join(FIXTURES, 'rules', 'incomplete-citation.hit.txt'));
    const { diagnostics } = await open(text);
    assert.deepStrictEqual(
      diagnostics.filter((d) => d.code === 'incomplete-citation').map((d) => d.message),
      ['Note 3 lacks a locator (a URL, a DOI, or volume and pages): a reader needs it to find the source.'],
    );
    const limited = await open(`Short Brief\n\nBy A. Writer\n\nEXECUTIVE SUMMARY\n\n${'word '.repeat(301).trim()}\n\nRECOMMENDATIONS\n\nAct now.\n`);
    assert.deepStrictEqual(
      limited.diagnostics.filter((d) => d.code === 'section-length').map((d) => [d.range.start.line, d.message]),
      [[4, 'Section “EXECUTIVE SUMMARY” has 301 words; the limit for Executive Summary is 300. Cut 1 word.']],
    );
  });

  describe('on the plain-text seed', function () {
    before(function () {
      if (!seedsPresent()) this.skip();
    });

    it('fixes the note style: the twenty `- N` notes lose their dash, nothing else changes', async () => {
      const seed = readText(PLAINTEXT_SEED);
      const { diagnostics, fixed } = await fixNoteFormat(seed);
      assert.deepStrictEqual(diagnostics.map((d) => d.range), [{ start: { line: 185, character: 0 }, end: { line: 185, character: 2 } }]);
      const lines = seed.split('\n');
      const endnotes = lines.indexOf('Endnotes');
      assert.strictEqual(fixed, lines.map((line, i) => (i > endnotes && /^- \d+ /.test(line) ? line.slice(2) : line)).join('\n'));
      assert.strictEqual(seed.length - fixed.length, 40);
    });

    it('shows a section’s numbers on hover over its heading', async () => {
      const { uri } = await open(readText(PLAINTEXT_SEED));
      const hover = await session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 3 } });
      assert.deepStrictEqual(hover.range, { start: { line: 8, character: 0 }, end: { line: 8, character: 17 } });
      assert.strictEqual((hover.contents as MarkupContent).value, "**EXECUTIVE SUMMARY**\n\n- 360 words (6% of the brief's 6094)\n- 1 marker");
    });
  });
});
