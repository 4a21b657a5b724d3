/**
 * A minimal LSP client for protocol tests, benchmarks and fuzzing: spawns the real
 * server (`node server/out/server.js --stdio`) and speaks JSON-RPC to it. Waits are
 * on events (a diagnostics notification for a given version), never on sleeps.
 */
import { ChildProcess, spawn } from 'child_process';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { SERVER } from './helpers';

export interface LspSession {
  process: ChildProcess;
  connection: MessageConnection;
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  /** What the server answered to initialize. */
  initializeResult: InitializeResult;
  /** Messages the server wrote with window/logMessage. */
  logs: string[];
  open(uri: string, text: string, languageId?: string, version?: number): void;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  close(uri: string): void;
  /** Resolves with the first diagnostics for `uri` at `version` or later (already received ones count). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Resolves with the next diagnostics for `uri` published after this call (e.g. a re-check after a settings change). */
  nextDiagnostics(uri: string, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Changes what the client answers to workspace/configuration; send workspace/didChangeConfiguration to tell the server. */
  setSettings(settings: Record<string, unknown>): void;
  request<R>(method: string, params: unknown): Promise<R>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Settings answered to workspace/configuration requests (section `policyBrief`). */
  settings?: Record<string, unknown>;
  rootUri?: string | null;
  env?: NodeJS.ProcessEnv;
  execArgv?: string[];
  /** Extra textDocument client capabilities, e.g. `{ definition: { linkSupport: true } }`. */
  textDocumentCapabilities?: Record<string, unknown>;
}

export async function startServer(options: StartOptions = {}): Promise<LspSession> {
  const child = spawn(process.execPath, [...(options.execArgv ?? []), SERVER, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  let settings = options.settings ?? {};
  const matches = (p: PublishDiagnosticsParams, uri: string, version?: number) => p.uri === uri && (version === undefined || (p.version ?? -1) >= version);

  const waitForPublish = (uri: string, version: number | undefined, timeoutMs: number) =>
    new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`)), timeoutMs);
      waiters.push({
        uri,
        version,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });

  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (matches(params, waiters[i].uri, waiters[i].version)) {
        waiters[i].resolve(params);
        waiters.splice(i, 1);
      }
    }
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => logs.push(params.message));
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === 'policyBrief' ? settings : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  connection.listen();

  const initializeResult: InitializeResult = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, applyEdit: true, workspaceEdit: { documentChanges: true } },
      textDocument: {
        publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll', 'refactor'] } } },
        rename: { prepareSupport: true },
        ...options.textDocumentCapabilities,
      },
    },
  });
  await connection.sendNotification('initialized', {});

  return {
    process: child,
    connection,
    published,
    initializeResult,
    logs,
    open(uri, text, languageId = 'markdown', version = 1) {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    change(uri, version, changes) {
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    },
    close(uri) {
      void connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    diagnostics(uri, version, timeoutMs = 10_000) {
      for (let i = published.length - 1; i >= 0; i--) if (matches(published[i], uri, version)) return Promise.resolve(published[i]);
      return waitForPublish(uri, version, timeoutMs);
    },
    nextDiagnostics(uri, timeoutMs = 10_000) {
      return waitForPublish(uri, undefined, timeoutMs);
    },
    setSettings(next) {
      settings = next;
    },
    request<R>(method: string, params: unknown) {
      return connection.sendRequest(method, params) as Promise<R>;
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        void connection.sendNotification('exit');
      } catch {
        // the server may already be gone
      }
      connection.dispose();
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 2000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
}
