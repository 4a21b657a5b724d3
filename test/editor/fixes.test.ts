/** Quick fixes and commands that edit the brief, applied through the editor and checked on the resulting text. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, fixtureUri, openFixture, positionOf } from './wait';

/** The fixture's text with each [before, after] replacement made once: the expected result stays readable beside its source. */
function edited(document: vscode.TextDocument, original: string, replacements: [string, string][]): string {
  let text = original;
  for (const [before, after] of replacements) {
    assert.ok(text.includes(before), `“${before}” is in ${document.fileName}`);
    text = text.replace(before, after);
  }
  return text;
}

describe('fixes in the editor', () => {
  it('renumbers footnotes through the quick fix on a marker-order diagnostic', async () => {
    const uri = fixtureUri('renumber.md');
    const document = (await openFixture('renumber.md')).document;
    const original = document.getText();
    const [diagnostic] = await diagnosticsWhen(uri, (all) => all.some((d) => codeOf(d) === 'marker-order'), 'marker-order');
    assert.strictEqual(codeOf(diagnostic), 'marker-order');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const renumber = actions.filter((action) => action.title === 'Renumber footnotes by first appearance');
    assert.strictEqual(renumber.length, 1, `actions offered: ${actions.map((action) => action.title).join(' | ')}`);
    assert.ok(renumber[0].edit, 'the quick fix carries its edit');
    assert.strictEqual(await vscode.workspace.applyEdit(renumber[0].edit), true);

    assert.strictEqual(
      document.getText(),
      edited(document, original, [
        ['children cycling to school.² Parents cited safety first.¹', 'children cycling to school.¹ Parents cited safety first.²'],
        [
          '1. Parents\' Travel Survey, “Why We Drive,” 2023, <https://example.org/survey/why-we-drive>.\n2. Schools Travel Census, “Mode Share by School,” 2024, <https://example.org/census/mode-share>.',
          '1. Schools Travel Census, “Mode Share by School,” 2024, <https://example.org/census/mode-share>.\n2. Parents\' Travel Survey, “Why We Drive,” 2023, <https://example.org/survey/why-we-drive>.',
        ],
      ]),
    );
    await diagnosticsWhen(uri, (all) => all.length === 0, 'no diagnostics after renumbering');
  });

  it('inserts a footnote at the cursor with the Insert Footnote command, renumbers the later note and selects the new stub', async () => {
    const editor = await openFixture('insert.md');
    const document = editor.document;
    const original = document.getText();
    const cursor = positionOf(document, 'Families came most.', 'Families came most.'.length);
    editor.selection = new vscode.Selection(cursor, cursor);

    await vscode.commands.executeCommand('policyBrief.insertFootnote');

    assert.strictEqual(
      document.getText(),
      edited(document, original, [
        ['Families came most. Evening hours helped students most.²', 'Families came most.² Evening hours helped students most.³'],
        ['\n2. Student Union', '\n2. TODO: add the source.\n3. Student Union'],
      ]),
    );
    const stub = positionOf(document, '2. TODO: add the source.', 3);
    assert.deepStrictEqual(
      [editor.selection.start, editor.selection.end].map((p) => [p.line, p.character]),
      [
        [stub.line, stub.character],
        [stub.line, stub.character + 'TODO: add the source.'.length],
      ],
    );
  });
});
