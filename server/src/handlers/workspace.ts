/**
 * The status bar's numbers and "Check All Briefs in Workspace": the two custom requests of
 * ../workspaceProtocol.ts. Reading the files from disk happens here, in the server, so the
 * client stays free of analysis.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../brief';
import { sectionCounts } from '../brief/features/stats';
import {
  CHECK_FILES_REQUEST,
  CheckFilesParams,
  CheckFilesResult,
  DOCUMENT_INFO_REQUEST,
  DocumentInfo,
  DocumentInfoParams,
  FileCheck,
  ProblemCounts,
  statusLabel,
} from '../workspaceProtocol';
import { HandlerGroup, ServerContext } from './context';

function countProblems(analysis: Analysis | null): ProblemCounts {
  const counts: ProblemCounts = { errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const diagnostic of analysis?.diagnostics ?? []) {
    if (diagnostic.severity === 'error') counts.errors++;
    else if (diagnostic.severity === 'warning') counts.warnings++;
    else if (diagnostic.severity === 'information') counts.information++;
    else counts.hints++;
  }
  return counts;
}

/** The language a file opens in, as VS Code would pick it from the extension. */
function languageOf(file: string): string {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  return extension === '.brief' ? 'policy-brief' : 'plaintext';
}

async function checkFile(context: ServerContext, uri: string, publishedFromDisk: Set<string>): Promise<FileCheck> {
  const open = context.documents.get(uri);
  if (open) {
    const analysis = await context.analysisFor(open);
    return { uri, brief: analysis !== null, counts: countProblems(analysis) };
  }
  let text: string;
  try {
    if (!uri.startsWith('file:')) throw new Error('only files on disk can be checked');
    text = await fs.readFile(fileURLToPath(uri), 'utf8');
  } catch (error) {
    return { uri, brief: false, counts: countProblems(null), error: (error as Error).message };
  }
  // An editor drops the byte-order mark before it hands a document over; do the same so positions agree.
  const document = TextDocument.create(uri, languageOf(uri), 0, text.replace(/^\uFEFF/, ''));
  const analysis = await context.checkDocument(document);
  if (analysis || publishedFromDisk.has(uri)) {
    await context.connection.sendDiagnostics({ uri, diagnostics: context.diagnosticsFor(analysis, uri) });
    if (analysis) publishedFromDisk.add(uri);
    else publishedFromDisk.delete(uri);
  }
  return { uri, brief: analysis !== null, counts: countProblems(analysis) };
}

export const workspace: HandlerGroup = {
  capabilities: {},
  register(context) {
    const { connection, documents } = context;
    /** Files whose diagnostics came from a check of the workspace, so a later check can clear them when they no longer apply. */
    const publishedFromDisk = new Set<string>();
    documents.onDidOpen((event) => publishedFromDisk.delete(event.document.uri));

    connection.onRequest(DOCUMENT_INFO_REQUEST, async (params: DocumentInfoParams): Promise<DocumentInfo | null> => {
      const document = documents.get(params.uri);
      const analysis = document ? await context.analysisFor(document) : null;
      if (!analysis) return null;
      const counts = countProblems(analysis);
      const notes = analysis.model.endnotes.length;
      const words = sectionCounts(analysis.model).words;
      return { notes, markers: analysis.model.markers.length, words, ...counts, label: statusLabel(words, notes, counts) };
    });

    connection.onRequest(CHECK_FILES_REQUEST, async (params: CheckFilesParams, token): Promise<CheckFilesResult> => {
      const files: FileCheck[] = [];
      for (const uri of params.uris) {
        if (token.isCancellationRequested) break;
        files.push(await checkFile(context, uri, publishedFromDisk));
      }
      return { files };
    });
  },
};
