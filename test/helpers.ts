/** Shared test helpers: paths, fixture loading, and the seeds (present only when ../shared sits beside the repo). */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const SEEDS = path.resolve(ROOT, '..', 'shared', 'seeds');
export const PLAINTEXT_SEED = path.join(SEEDS, '000_28bfa8476e78ed43.txt');
export const MARKDOWN_SEED = path.join(SEEDS, '004_74fe1db315f39e4d.txt');
export const CLI = path.join(ROOT, 'server', 'out', 'cli.js');
export const SERVER = path.join(ROOT, 'server', 'out', 'server.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI (`node server/out/cli.js ARGS…`) to completion. */
export function runCli(args: string[], cwd?: string): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function seedsPresent(): boolean {
  return fs.existsSync(PLAINTEXT_SEED) && fs.existsSync(MARKDOWN_SEED);
}

export function readText(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** One expected diagnostic in a fixture's `*.expected.json`: 1-based line and column, as the CLI prints them. */
export interface ExpectedDiagnostic {
  code: string;
  line: number;
  column: number;
  severity: string;
  message: string;
}

/** A temporary folder made and removed by the given hooks; read it through `.path` inside the tests. */
function tempFolder(prefix: string, setUp: (hook: () => void) => void, tearDown: (hook: () => void) => void): { readonly path: string } {
  let folder = '';
  setUp(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  tearDown(() => fs.rmSync(folder, { recursive: true, force: true }));
  return {
    get path() {
      return folder;
    },
  };
}

/** A fresh temporary folder for each test of the enclosing `describe`, removed after the test. Call it inside the `describe`. */
export function tempFolderPerTest(prefix: string): { readonly path: string } {
  return tempFolder(prefix, beforeEach, afterEach);
}

/**
 * One temporary folder for all the tests of the enclosing `describe`, removed after the
 * last. Call it inside the `describe`, before the `before` hooks that fill it.
 */
export function tempFolderPerSuite(prefix: string): { readonly path: string } {
  return tempFolder(prefix, before, after);
}
