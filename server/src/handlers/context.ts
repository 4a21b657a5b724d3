/** What every group of LSP handlers gets from the server: the connection, the documents, and the analysis of a document's current version. */
import { Connection, ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocuments } from 'vscode-languageserver/node';
import { Analysis, BriefConfig } from '../brief';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The analysis of the document's current version (computed once per version), or null when the document is not checked as a brief. */
  analysisFor(document: TextDocument): Promise<Analysis | null>;
  settingsFor(uri: string): Promise<BriefConfig>;
}

/** A group of LSP features: the capabilities it announces and the handlers it registers. */
export interface HandlerGroup {
  capabilities: ServerCapabilities;
  register(context: ServerContext): void;
}
