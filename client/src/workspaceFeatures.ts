/**
 * The status bar item ("6094 words · 62 notes · 3 problems", click for the Problems view) and the
 * "Check All Briefs in Workspace" command. Both only ask the server (see
 * server/src/workspaceProtocol.ts); the client finds the files, the server reads and checks them.
 */
import { CancellationToken, ExtensionContext, ProgressLocation, StatusBarAlignment, ThemeColor, Uri, commands, languages, window, workspace } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { CHECK_FILES_REQUEST, CheckFilesResult, DOCUMENT_INFO_REQUEST, DocumentInfo, FileCheck, checkSummary } from '../../server/src/workspaceProtocol';

const BRIEF_LANGUAGES = ['markdown', 'plaintext', 'policy-brief'];
const BRIEF_FILES = '**/*.{md,markdown,txt,brief}';
const NOT_BRIEFS = '{**/node_modules/**,**/.git/**}';
/** Files per request: small enough for steady progress and prompt cancellation, large enough to keep round trips few. */
const BATCH = 20;
const SHOW_PROBLEMS = 'workbench.actions.view.problems';

export function registerWorkspaceFeatures(context: ExtensionContext, client: LanguageClient): void {
  const item = window.createStatusBarItem('policyBrief.status', StatusBarAlignment.Right, 100);
  item.name = 'Policy Brief';
  item.command = SHOW_PROBLEMS;
  let latest = 0;

  async function updateStatus(): Promise<void> {
    const document = window.activeTextEditor?.document;
    const request = ++latest;
    let info: DocumentInfo | null = null;
    if (document && BRIEF_LANGUAGES.includes(document.languageId)) {
      try {
        info = await client.sendRequest<DocumentInfo | null>(DOCUMENT_INFO_REQUEST, { uri: document.uri.toString() });
      } catch {
        // the server is restarting or gone: show nothing rather than stale numbers
      }
    }
    // A later editor switch or publish may have answered first; its numbers are the current ones.
    if (request !== latest) return;
    if (!info) {
      item.hide();
      return;
    }
    item.text = `$(note) ${info.label}`;
    item.tooltip = `Policy Brief: ${info.words} words without the notes, ${info.notes} endnotes, ${info.markers} markers. Click to open the Problems view.`;
    item.backgroundColor = info.errors > 0 ? new ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  }

  context.subscriptions.push(
    item,
    window.onDidChangeActiveTextEditor(() => void updateStatus()),
    // The server publishes once per analysed version, so this also follows edits.
    languages.onDidChangeDiagnostics((event) => {
      const active = window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) void updateStatus();
    }),
    commands.registerCommand('policyBrief.checkWorkspace', () => checkAllBriefs(client)),
  );
  void updateStatus();
}

async function checkBatches(client: LanguageClient, files: Uri[], report: (done: number) => void, token: CancellationToken): Promise<FileCheck[]> {
  const checked: FileCheck[] = [];
  for (let start = 0; start < files.length && !token.isCancellationRequested; start += BATCH) {
    const uris = files.slice(start, start + BATCH).map((file) => file.toString());
    try {
      checked.push(...(await client.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris }, token)).files);
    } catch (error) {
      if (token.isCancellationRequested) break;
      throw error;
    }
    report(checked.length);
  }
  return checked;
}

/** Resolves, with what was checked, as soon as the check ends; the summary stays on screen without holding the command up. */
async function checkAllBriefs(client: LanguageClient): Promise<FileCheck[]> {
  if (!workspace.workspaceFolders?.length) {
    void window.showInformationMessage('Policy Brief: open a folder first; Check All Briefs checks the Markdown and text files in it.');
    return [];
  }
  const outcome = await window.withProgress(
    { location: ProgressLocation.Notification, title: 'Policy Brief: checking briefs', cancellable: true },
    async (progress, token) => {
      const files = (await workspace.findFiles(BRIEF_FILES, NOT_BRIEFS, undefined, token)).sort((a, b) => a.fsPath.localeCompare(b.fsPath));
      let reported = 0;
      const checked = await checkBatches(
        client,
        files,
        (done) => {
          progress.report({ message: `${done} of ${files.length} files`, increment: ((done - reported) / files.length) * 100 });
          reported = done;
        },
        token,
      );
      return { checked, total: files.length };
    },
  );
  void window.showInformationMessage(`Policy Brief: ${checkSummary(outcome.checked, outcome.total)}`, 'Show Problems').then((action) => {
    if (action) void commands.executeCommand(SHOW_PROBLEMS);
  });
  return outcome.checked;
}
