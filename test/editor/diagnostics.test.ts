/** Diagnostics from the real extension in a real editor, and their response to the policyBrief.rules setting. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, fixtureUri, openFixture, summary } from './wait';

describe('diagnostics in the editor', () => {
  it('reports an orphan marker and a See-footnote chain in a Markdown brief, with ranges, severities and links to the docs', async () => {
    const uri = fixtureUri('brief.md');
    await openFixture('brief.md');
    const diagnostics = await diagnosticsWhen(uri, (all) => all.length === 2, 'two diagnostics');
    assert.deepStrictEqual(diagnostics.map(summary), [
      {
        code: 'orphan-marker',
        range: [20, 40, 20, 41],
        severity: 'Error',
        message: 'Marker ⁶ cites note 6, but there is no note 6: add it to the Endnotes, or remove the marker.',
      },
      {
        code: 'see-footnote-chain',
        range: [27, 0, 27, 18],
        severity: 'Warning',
        message: 'Note 4 says “See footnote 3”, but note 3 only says “See footnote 1”: point note 4 at note 1, which holds the source.',
      },
    ]);
    // The link must lead to the README shipped beside the server, in the repository and in an installed .vsix alike.
    const { target } = diagnostics[0].code as { value: string; target: vscode.Uri };
    assert.strictEqual(target.fragment, 'orphan-marker');
    assert.match(target.path, /\/(README|readme)\.md$/);
    assert.ok(fs.existsSync(target.fsPath), `${target.fsPath} exists`);
  });

  it('checks a plain-text draft with Unicode superscript markers and bare-line headings', async () => {
    const uri = fixtureUri('draft.txt');
    const editor = await openFixture('draft.txt');
    assert.strictEqual(editor.document.languageId, 'plaintext');
    const diagnostics = await diagnosticsWhen(uri, (all) => all.length > 0, 'a diagnostic');
    assert.deepStrictEqual(diagnostics.map(summary), [
      {
        code: 'split-url',
        range: [23, 57, 23, 82],
        severity: 'Warning',
        message: 'The URL in note 1 is split across lines: “https://example.org/food-” continues on line 25 as “banks/annual-2024.”. Join the two parts into one URL.',
      },
    ]);
  });

  describe('the policyBrief.rules setting', () => {
    const rules = () => vscode.workspace.getConfiguration('policyBrief');
    afterEach(async () => rules().update('rules', undefined, vscode.ConfigurationTarget.Global));

    it('turns a rule off and changes another rule’s severity, and the open brief is checked again', async () => {
      const uri = fixtureUri('brief.md');
      await openFixture('brief.md');
      await diagnosticsWhen(uri, (all) => all.length === 2, 'the default diagnostics');

      await rules().update('rules', { 'orphan-marker': 'off', 'see-footnote-chain': 'error' }, vscode.ConfigurationTarget.Global);
      const changed = await diagnosticsWhen(uri, (all) => all.length === 1 && all[0].severity === vscode.DiagnosticSeverity.Error, 'the orphan marker to go');
      assert.deepStrictEqual(changed.map((d) => [codeOf(d), vscode.DiagnosticSeverity[d.severity]]), [['see-footnote-chain', 'Error']]);

      await rules().update('rules', undefined, vscode.ConfigurationTarget.Global);
      const restored = await diagnosticsWhen(uri, (all) => all.length === 2, 'the default diagnostics again');
      assert.deepStrictEqual(restored.map((d) => [codeOf(d), vscode.DiagnosticSeverity[d.severity]]), [
        ['orphan-marker', 'Error'],
        ['see-footnote-chain', 'Warning'],
      ]);
    });
  });
});
