/**
 * The language server: a thin adapter between LSP and the analysis core.
 * It tracks documents and settings, debounces, and converts types; every
 * decision about briefs is made in ./brief.
 * Run it with `node server/out/server.js --stdio` (or --node-ipc, as the VS Code client does).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  ClientCapabilities,
  createConnection,
  Diagnostic,
  DidChangeConfigurationNotification,
  InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, AnalysisSession, BriefFormat, analyze, detectFormat, looksLikeBrief, resolveConfig, BriefConfig } from './brief';
import { configForDocument } from './configFile';
import { toConfigDiagnostics, toLspDiagnostic } from './convert';
import { HANDLER_GROUPS } from './handlers';
import { ServerContext } from './handlers/context';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
// A .vsix stores the README as readme.md (vsce renames it), the repository as README.md: link to whichever is there.
const README_URI = pathToFileURL(
  ['README.md', 'readme.md'].map((name) => path.resolve(__dirname, '..', '..', name)).find((file) => fs.existsSync(file)) ?? path.resolve(__dirname, '..', '..', 'README.md'),
).toString();

let canPullConfiguration = false;
let clientCapabilities: ClientCapabilities = {};
const settingsCache = new Map<string, Promise<BriefConfig>>();
const timers = new Map<string, NodeJS.Timeout>();
/** Per open document: its latest version's analysis (pending or done), and the session that makes the next one incremental. */
const analyses = new Map<string, { version: number; analysis: Promise<Analysis | null> }>();
const sessions = new Map<string, AnalysisSession>();
const reportedRuleFailures = new Set<string>();

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  clientCapabilities = params.capabilities;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...Object.assign({}, ...HANDLER_GROUPS.map((group) => group.capabilities)),
    },
    serverInfo: { name: 'policy-brief' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'policyBrief' });
});

function filePath(uri: string): string | null {
  return uri.startsWith('file:') ? fileURLToPath(uri) : null;
}

async function settingsFor(uri: string): Promise<BriefConfig> {
  let pending = settingsCache.get(uri);
  if (!pending) {
    pending = (async () => {
      const editorSettings = canPullConfiguration ? ((await connection.workspace.getConfiguration({ scopeUri: uri, section: 'policyBrief' })) as Record<string, unknown> | null) : null;
      const file = filePath(uri);
      if (!file) return resolveConfig(editorSettings ?? {}).config;
      const { config, file: loaded } = configForDocument(file, editorSettings ?? {});
      // Problems are shown on the settings file itself (an empty list clears them once it is fixed); the brief gets the defaults.
      if (loaded) void connection.sendDiagnostics({ uri: pathToFileURL(loaded.file).toString(), diagnostics: toConfigDiagnostics(loaded) });
      return config;
    })();
    settingsCache.set(uri, pending);
  }
  return pending;
}

function formatOf(document: TextDocument): BriefFormat {
  if (document.languageId === 'markdown') return 'markdown';
  return detectFormat(document.getText(), filePath(document.uri) ?? undefined);
}

/** Analyses a document as the editor checks it (null when it is not checked as a brief), uncached: files read from disk come through here too. */
async function checkDocument(document: TextDocument, session?: AnalysisSession): Promise<Analysis | null> {
  const config = await settingsFor(document.uri);
  const analysis = analyze(document.getText(), config, { format: formatOf(document), session });
  const wanted =
    document.languageId === 'policy-brief' || config.detection === 'always' || (config.detection === 'auto' && looksLikeBrief(analysis.model, config));
  for (const failure of analysis.ruleFailures) {
    if (reportedRuleFailures.has(failure.code)) continue;
    reportedRuleFailures.add(failure.code);
    connection.console.error(`policy-brief: rule ${failure.code} failed and was skipped: ${(failure.error as Error)?.stack ?? String(failure.error)}`);
  }
  return wanted ? analysis : null;
}

/**
 * The analysis for a document's current version, computed at most once per version
 * and incrementally from the previous one. Settings are awaited first: from there on
 * nothing yields to the message loop until the analysis is stored, so the text
 * analysed is the text of the version it is stored under.
 */
async function analysisFor(document: TextDocument): Promise<Analysis | null> {
  await settingsFor(document.uri);
  const cached = analyses.get(document.uri);
  if (cached && cached.version === document.version) return cached.analysis;
  let session = sessions.get(document.uri);
  if (!session) sessions.set(document.uri, (session = new AnalysisSession()));
  const analysis = checkDocument(document, session);
  analyses.set(document.uri, { version: document.version, analysis });
  return analysis;
}

function diagnosticsFor(analysis: Analysis | null, uri: string): Diagnostic[] {
  return analysis ? analysis.diagnostics.map((d) => toLspDiagnostic(d, uri, README_URI)) : [];
}

async function validate(document: TextDocument, version: number): Promise<void> {
  if (document.version !== version) return;
  const analysis = await analysisFor(document);
  if (documents.get(document.uri)?.version !== version) return;
  await connection.sendDiagnostics({ uri: document.uri, version, diagnostics: diagnosticsFor(analysis, document.uri) });
}

/**
 * Runs `work` once messages that already arrived have been handled: a newer didChange
 * then supersedes the version `work` was meant for (validate skips it), and a waiting
 * request is answered first. The JSON-RPC layer handles queued messages one per
 * setImmediate, so two turns let at least the first of them through.
 */
function afterQueuedMessages(work: () => void): void {
  setImmediate(() => setImmediate(work));
}

function schedule(document: TextDocument, delay?: number): void {
  clearTimeout(timers.get(document.uri));
  void settingsFor(document.uri).then((config) => {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        const version = document.version;
        afterQueuedMessages(() => {
          const current = documents.get(document.uri);
          if (current) validate(current, version).catch((error) => connection.console.error(`policy-brief: ${(error as Error).stack ?? error}`));
        });
      }, delay ?? config.debounceMs),
    );
  });
}

documents.onDidOpen((event) => schedule(event.document, 0));
documents.onDidChangeContent((event) => schedule(event.document));
documents.onDidClose((event) => {
  clearTimeout(timers.get(event.document.uri));
  timers.delete(event.document.uri);
  analyses.delete(event.document.uri);
  sessions.delete(event.document.uri);
  settingsCache.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

function revalidateAll(): void {
  settingsCache.clear();
  analyses.clear();
  for (const document of documents.all()) schedule(document, 0);
}

connection.onDidChangeConfiguration(revalidateAll);
connection.onDidChangeWatchedFiles(revalidateAll);

const context: ServerContext = {
  connection,
  documents,
  analysisFor,
  parseReuseFork: (uri) => sessions.get(uri)?.parseReuse.fork(),
  checkDocument,
  diagnosticsFor,
  settingsFor,
  clientCapabilities: () => clientCapabilities,
};
for (const group of HANDLER_GROUPS) group.register(context);

documents.listen(connection);
connection.listen();
