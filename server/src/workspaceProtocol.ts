/**
 * Two custom requests and two commands beside the standard LSP ones, shared by the server
 * and the VS Code client (and open to any LSP client, e.g. for a Neovim statusline), with the
 * texts both show. Plain types and pure functions only: the client bundles this file, so it
 * imports nothing at run time.
 */
import type { Range, WorkspaceEdit } from 'vscode-languageserver-types';

/**
 * `workspace/executeCommand` ids, with arguments `[{uri, position?}]`, answering a CommandResult.
 * They carry `.server.`: the language client registers every server command as an editor
 * command, and the extension's own `policyBrief.renumber` / `policyBrief.insertFootnote`
 * (which apply the edit and move the cursor) must not collide with them.
 */
export const RENUMBER_COMMAND = 'policyBrief.server.renumber';
export const INSERT_FOOTNOTE_COMMAND = 'policyBrief.server.insertFootnote';

/** What the commands answer: an edit to apply (and where to put the cursor), or a message saying why not. */
export interface CommandResult {
  edit?: WorkspaceEdit;
  /** The document version the edit was computed for. */
  version?: number;
  /** Insert Footnote: the new note's placeholder text, to select after applying the edit. */
  selection?: Range | null;
  message?: string;
  /** True when the message says why nothing was done (the editor shows it as a warning). */
  refused?: boolean;
}

/** `policyBrief/documentInfo` {uri} → DocumentInfo for an open document, or null when it is not checked as a brief. */
export const DOCUMENT_INFO_REQUEST = 'policyBrief/documentInfo';

/**
 * `policyBrief/checkFiles` {uris} → CheckFilesResult. Files open in the editor are reported
 * as they are; the others are read from disk, checked as the editor would check them, and
 * their diagnostics published, so that they show in the Problems view.
 */
export const CHECK_FILES_REQUEST = 'policyBrief/checkFiles';

export interface ProblemCounts {
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

export interface DocumentInfoParams {
  uri: string;
}

export interface DocumentInfo extends ProblemCounts {
  /** Endnotes in the brief. */
  notes: number;
  /** Marker occurrences in the body. */
  markers: number;
  /** Body words, notes excluded: what a word limit counts (server/src/brief/features/stats.ts). */
  words: number;
  /** What the status bar shows, e.g. "6094 words · 62 notes · 3 problems" (hints are not problems: the Problems view does not list them). */
  label: string;
}

export interface CheckFilesParams {
  uris: string[];
}

export interface FileCheck {
  uri: string;
  /** Whether the file is checked as a brief (detection `auto` leaves a README alone). */
  brief: boolean;
  counts: ProblemCounts;
  /** Why the file could not be read, when it could not. */
  error?: string;
}

export interface CheckFilesResult {
  files: FileCheck[];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The status bar's text for a brief, e.g. "6094 words · 62 notes · 3 problems" (hints are not counted). */
export function statusLabel(words: number, notes: number, counts: ProblemCounts): string {
  const problems = counts.errors + counts.warnings + counts.information;
  return `${plural(words, 'word')} · ${plural(notes, 'note')} · ${problems === 0 ? 'no problems' : plural(problems, 'problem')}`;
}

/** What "Check All Briefs in Workspace" says when it is done (or was stopped after `checks.length` of `total` files). */
export function checkSummary(checks: FileCheck[], total: number): string {
  const briefs = checks.filter((check) => check.brief);
  const sum = (key: keyof ProblemCounts) => briefs.reduce((n, check) => n + check.counts[key], 0);
  const [errors, warnings, information] = [sum('errors'), sum('warnings'), sum('information')];
  const problems = errors + warnings + information;
  const unreadable = checks.filter((check) => check.error !== undefined).length;
  const scope = checks.length < total ? `stopped after ${checks.length} of ${total} files` : `checked ${plural(total, 'file')}`;
  const found = `${plural(briefs.length, 'brief')}, ${problems === 0 ? 'no problems' : `${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${information} other)`}`;
  return `${scope[0].toUpperCase()}${scope.slice(1)}: ${found}${unreadable ? `; ${plural(unreadable, 'file')} could not be read` : ''}.`;
}
