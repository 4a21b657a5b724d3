/** Helpers for the in-editor suite: open a fixture and wait on VS Code's events (never a fixed sleep). */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'policy-brief.policy-brief';
const DEADLINE_MS = 20000;

/** Activates the extension the launcher meant to test: the sources, or the installed .vsix when it names that folder. */
export async function activateExtensionUnderTest(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const expected = process.env.POLICY_BRIEF_EXPECT_EXTENSION_PATH;
  if (expected) assert.strictEqual(extension.extensionPath, expected);
  await extension.activate();
  assert.strictEqual(extension.isActive, true);
}

/** A file in the workspace the launcher opened (a temporary copy of test/editor/fixtures). */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the launcher opens a workspace folder');
  return vscode.Uri.file(path.join(folder.uri.fsPath, name));
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(document);
}

/** Resolves with the document's diagnostics from our server once `accept` holds, checking on every change event. */
export function diagnosticsWhen(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'policy-brief');
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = ours();
      if (!accept(diagnostics)) return false;
      finish();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out waiting for ${what} on ${path.basename(uri.fsPath)}; last seen: ${JSON.stringify(ours().map(summary))}`));
    }, DEADLINE_MS);
    function finish() {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** A diagnostic as plain data, so a failing assertion shows every field that differs. */
export function summary(diagnostic: vscode.Diagnostic) {
  const { start, end } = diagnostic.range;
  return {
    code: codeOf(diagnostic),
    range: [start.line, start.character, end.line, end.character],
    severity: vscode.DiagnosticSeverity[diagnostic.severity],
    message: diagnostic.message,
  };
}

/** The position of the `occurrence`-th `needle` in the document (0-based), offset by `delta` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0, occurrence = 0): vscode.Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = document.getText().indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `“${needle}” occurs ${occurrence + 1} times in ${path.basename(document.uri.fsPath)}`);
  }
  return document.positionAt(offset + delta);
}
