/**
 * Two custom requests beside the standard LSP ones, shared by the server and the VS Code
 * client (and open to any LSP client, e.g. for a Neovim statusline). Plain types only: the
 * client bundles this file, so it must not import the server.
 */

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
  /** What the status bar shows, e.g. "62 notes · 3 problems" (hints are not problems: the Problems view does not list them). */
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
