/** The VS Code client: starts the language server and turns two editor commands into server commands; no analysis here. */
import * as path from 'path';
import { ExtensionContext, Selection, commands, window, workspace } from 'vscode';
import { ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CommandResult, INSERT_FOOTNOTE_COMMAND, RENUMBER_COMMAND } from '../../server/src/workspaceProtocol';
import { registerWorkspaceFeatures } from './workspaceFeatures';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const documentSelector = ['markdown', 'plaintext', 'policy-brief'].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/.policybrief.json') },
  };
  client = new LanguageClient('policyBrief', 'Policy Brief', serverOptions, clientOptions);
  context.subscriptions.push(
    client,
    commands.registerCommand('policyBrief.renumber', () => runOnServer(RENUMBER_COMMAND, false)),
    commands.registerCommand('policyBrief.insertFootnote', () => runOnServer(INSERT_FOOTNOTE_COMMAND, true)),
  );
  await client.start();
  registerWorkspaceFeatures(context, client);
}

/** Asks the server for the edit, applies it, and selects what the server says the writer types next (a new note's placeholder). */
async function runOnServer(command: string, withCursor: boolean): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || !client) return;
  const document = editor.document;
  const argument = { uri: document.uri.toString(), ...(withCursor ? { position: client.code2ProtocolConverter.asPosition(editor.selection.active) } : {}) };
  const result = (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [argument] })) as CommandResult | null;
  if (!result?.edit) {
    if (result?.message) void (result.refused ? window.showWarningMessage(result.message) : window.showInformationMessage(result.message));
    return;
  }
  if (result.version !== undefined && result.version !== document.version) {
    void window.showWarningMessage('The brief changed while Policy Brief was working on it: run the command again.');
    return;
  }
  const applied = await workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(result.edit));
  if (applied && result.selection) {
    const range = client.protocol2CodeConverter.asRange(result.selection);
    editor.selection = new Selection(range.start, range.end);
    editor.revealRange(range);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
