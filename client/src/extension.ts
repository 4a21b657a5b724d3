/** The VS Code client: starts the language server and nothing more. */
import * as path from 'path';
import { ExtensionContext, workspace } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
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
  context.subscriptions.push(client);
  await client.start();
  registerWorkspaceFeatures(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
