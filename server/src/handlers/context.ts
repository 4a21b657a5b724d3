/** What every group of LSP handlers gets from the server: the connection, the documents, and the analysis of a document's current version. */
import { ClientCapabilities, Connection, Diagnostic, ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocuments } from 'vscode-languageserver/node';
import { Analysis, BriefConfig } from '../brief';
import type { ParseReuse } from '../brief/parse/reuse';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The analysis of the document's current version (computed once per version), or null when the document is not checked as a brief. */
  analysisFor(document: TextDocument): Promise<Analysis | null>;
  /** For parsing edited copies of the document: a fork of what its last analysis was parsed with (undefined before the first). */
  parseReuseFork(uri: string): ParseReuse | undefined;
  /** The same check without the per-version cache, for text that is not an open document (a file read from disk). */
  checkDocument(document: TextDocument): Promise<Analysis | null>;
  /** The LSP diagnostics the server publishes for an analysis (none for null). */
  diagnosticsFor(analysis: Analysis | null, uri: string): Diagnostic[];
  settingsFor(uri: string): Promise<BriefConfig>;
  /** What the client said it supports when it initialized (empty before that). */
  clientCapabilities(): ClientCapabilities;
}

/** A group of LSP features: the capabilities it announces and the handlers it registers. */
export interface HandlerGroup {
  capabilities: ServerCapabilities;
  register(context: ServerContext): void;
}
