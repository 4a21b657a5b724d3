#!/usr/bin/env node
/**
 * policy-brief — the command-line checker. Its commands, output formats and exit
 * codes are a contract (see README "Command line"): change them only additively.
 *   0  no error-severity diagnostic
 *   1  at least one error-severity diagnostic
 *   2  usage or I/O error (one line on stderr, never a stack trace)
 */
import * as fs from 'fs';
import * as path from 'path';
import { isMainThread } from 'worker_threads';
import { RULES, analyze, detectFormat, parseBrief, resolveConfig, BriefConfig, BriefModel, Severity } from './brief';
import { BriefSymbol, documentSymbols } from './brief/features/symbols';
import { briefStats, formatStats } from './brief/features/stats';
import { draftOf } from './brief/fixes/edits';
import { renumber } from './brief/fixes/renumber';
import { CheckedFile, checkInWorkers, workerCount } from './checkParallel';
import { configForDocument, readConfigFile } from './configFile';
import { VERSION } from './version';

const BRIEF_EXTENSIONS = /\.(?:md|markdown|txt|brief)$/i;

const USAGE = `Usage: policy-brief <command> [options]

Commands:
  check [--format text|json|sarif] [--config FILE] PATH...   check briefs (files or folders)
  inspect FILE                                               print the parsed model as JSON
  outline FILE                                               print the section tree
  renumber FILE [--write]                                    renumber footnotes by first appearance (print, or write in place)
  stats FILE [--json]                                        words, notes and sources per section

check --jobs N checks files on N worker threads (default: half the cores when the files total 256 KB or more).

Exit codes: 0 no errors, 1 errors found, 2 usage or I/O problem.`;

class UsageError extends Error {}

export interface LoadedFile {
  path: string;
  /** The text without its byte-order mark. */
  text: string;
  /** Whether the file started with a UTF-8 byte-order mark (kept when the file is written back). */
  bom: boolean;
  /** False when invalid bytes were replaced with U+FFFD: writing the text back would lose them. */
  validUtf8: boolean;
}

/** Reads a file as UTF-8 without a BOM; invalid bytes become U+FFFD, with a warning. */
/** A path that exists but is no file to read: reading a device such as /dev/zero would never end. */
class NotAFileError extends Error {
  constructor(
    readonly path: string,
    stat: fs.Stats,
  ) {
    const kind = stat.isDirectory()
      ? 'a folder'
      : stat.isSocket()
        ? 'a socket'
        : stat.isFIFO()
          ? 'a named pipe'
          : stat.isCharacterDevice() || stat.isBlockDevice()
            ? 'a device'
            : 'not a file';
    super(`not a regular file (${kind})`);
  }
}

function readBrief(file: string, warn: (message: string) => void): LoadedFile {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new NotAFileError(file, stat);
  const bytes = fs.readFileSync(file);
  let text: string;
  let validUtf8 = true;
  try {
    // ignoreBOM keeps a leading BOM in the text, so it can be seen here and written back later.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    validUtf8 = false;
    warn(`${file}: not valid UTF-8; invalid bytes were replaced with �`);
  }
  const bom = text.startsWith('\uFEFF');
  return { path: file, text: bom ? text.slice(1) : text, bom, validUtf8 };
}

function collectFiles(target: string, into: string[]): void {
  const stat = fs.statSync(target);
  if (stat.isDirectory()) {
    const entries = fs.readdirSync(target, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = path.join(target, entry.name);
      if (entry.isDirectory()) collectFiles(child, into);
      // A link is listed too, so that a broken one is reported rather than silently skipped.
      else if ((entry.isFile() || entry.isSymbolicLink()) && BRIEF_EXTENSIONS.test(entry.name)) into.push(child);
    }
  } else {
    into.push(target);
  }
}

interface Options {
  format: 'text' | 'json' | 'sarif';
  config?: string;
  /** Worker threads for `check` (default: half the cores when the files are large enough). */
  jobs?: number;
  write: boolean;
  paths: string[];
}

function parseOptions(args: string[]): Options {
  const options: Options = { format: 'text', write: false, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--format' || arg === '-f') {
      const value = args[++i];
      if (value !== 'text' && value !== 'json' && value !== 'sarif') throw new UsageError(`--format must be text, json or sarif (got ${value ?? 'nothing'})`);
      options.format = value;
    } else if (arg.startsWith('--format=')) {
      const value = arg.slice('--format='.length);
      if (value !== 'text' && value !== 'json' && value !== 'sarif') throw new UsageError(`--format must be text, json or sarif (got ${value})`);
      options.format = value;
    } else if (arg === '--config') {
      options.config = args[++i];
      if (!options.config) throw new UsageError('--config needs a file');
    } else if (arg === '--jobs' || arg === '-j') {
      const value = Number(args[++i]);
      if (!Number.isInteger(value) || value < 1) throw new UsageError(`--jobs must be a whole number, 1 or more (got ${args[i] ?? 'nothing'})`);
      options.jobs = value;
    } else if (arg === '--json') {
      options.format = 'json';
    } else if (arg === '--write') {
      options.write = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      options.paths.push(arg);
    }
  }
  return options;
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

function configFor(file: string, explicit: BriefConfig | undefined, io: Io): BriefConfig {
  if (explicit) return explicit;
  const { config, file: loaded } = configForDocument(file);
  for (const problem of loaded?.problems ?? []) io.err(`${loaded!.file}: ${problem.message}`);
  return config;
}

type FileResult = CheckedFile;

/** Checks one file as `check` does; throws on I/O errors. Worker threads call this too. */
export function checkFile(file: string, explicit: BriefConfig | undefined, io: Io): FileResult {
  const loaded = readBrief(file, io.err);
  const { diagnostics } = analyze(loaded.text, configFor(file, explicit, io), { fileName: file });
  return { path: file, diagnostics };
}

function check(options: Options, io: Io): number {
  if (!options.paths.length) throw new UsageError('check needs at least one file or folder');
  let explicit: BriefConfig | undefined;
  if (options.config) {
    const loaded = readConfigFile(options.config);
    if (loaded.settings === undefined) throw new UsageError(loaded.problems[0]?.message ?? `cannot read ${options.config}`);
    for (const problem of loaded.problems) io.err(`${options.config}: ${problem.message}`);
    explicit = resolveConfig(loaded.settings).config;
  }
  const files: string[] = [];
  let ioFailed = false;
  for (const target of options.paths) {
    try {
      collectFiles(target, files);
    } catch (error) {
      io.err(`policy-brief: ${target}: ${describeIoError(error)}`);
      ioFailed = true;
    }
  }
  const results: FileResult[] = [];
  const jobs = workerCount(files, options.jobs);
  if (jobs > 1) {
    for (const outcome of checkInWorkers(files, explicit, jobs)) {
      for (const message of outcome.messages) io.err(message);
      if (outcome.result) results.push(outcome.result);
      if (outcome.failure !== undefined) {
        io.err(outcome.failure);
        ioFailed = true;
      }
    }
  } else {
    for (const file of files) {
      try {
        results.push(checkFile(file, explicit, io));
      } catch (error) {
        io.err(`policy-brief: ${file}: ${describeIoError(error)}`);
        ioFailed = true;
      }
    }
  }
  // Nothing could be read: the error lines say it all, an empty report would only add noise.
  if (ioFailed && !results.length) return 2;
  if (options.format === 'json') io.out(JSON.stringify(toJson(results), null, 2));
  else if (options.format === 'sarif') io.out(JSON.stringify(toSarif(results), null, 2));
  else printText(results, io);
  if (ioFailed) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

export function describeIoError(error: unknown): string {
  if (error instanceof UsageError || error instanceof NotAFileError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return (error as Error).message ?? String(error);
}

function printText(results: FileResult[], io: Io): void {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const result of results) {
    for (const d of result.diagnostics) {
      counts[d.severity]++;
      io.out(`${result.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  io.err(
    `${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information + counts.hint} other) in ${results.length} file${results.length === 1 ? '' : 's'}`,
  );
}

function toJson(results: FileResult[]) {
  return {
    version: 1,
    files: results.map((r) => ({
      path: r.path,
      diagnostics: r.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
    })),
  };
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function toSarif(results: FileResult[]) {
  const ruleIndex = new Map(RULES.map((rule, i) => [rule.code, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'policy-brief',
            version: VERSION,
            rules: RULES.map((rule) => ({
              id: rule.code,
              name: rule.code,
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.description },
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: ruleIndex.get(d.code),
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.path.split(path.sep).join('/') },
                  region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

function loadSingle(options: Options, command: string, io: Io): { file: LoadedFile; model: BriefModel } {
  if (options.paths.length !== 1) throw new UsageError(`${command} needs exactly one file`);
  const file = readBrief(options.paths[0], io.err);
  return { file, model: parseBrief(file.text, detectFormat(file.text, file.path)) };
}

export function inspectModel(model: BriefModel) {
  return {
    format: model.format,
    title: model.title?.text ?? null,
    sections: model.sections.map((s) => ({ title: s.title, level: s.level, line: s.headingRange.start.line })),
    markers: model.markers.map((m) => ({ number: m.number, line: m.range.start.line, character: m.range.start.character })),
    endnotes: model.endnotes.map((n) => ({ number: n.number, line: n.range.start.line, text: n.text, refersTo: n.seeNote?.target ?? null })),
    links: model.links.map((l) => ({ text: l.text, target: l.target, line: l.range.start.line })),
  };
}

/** The editor's outline as text: sections, and under the Endnotes one line per note with its first words. */
export function formatOutline(symbols: BriefSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [
    `${'  '.repeat(depth)}${symbol.name}${symbol.detail ? `  ${symbol.detail}` : ''}  (line ${symbol.selectionRange.start.line + 1})`,
    ...formatOutline(symbol.children, depth + 1),
  ]);
}

/**
 * `renumber FILE [--write]`: prints the renumbered brief, or writes it back (keeping a
 * byte-order mark). Exit 1 when it refuses (the reason on stderr, the file untouched).
 */
function renumberFile(options: Options, io: Io): number {
  const { file, model } = loadSingle(options, 'renumber', io);
  const draft = draftOf(file.text, model);
  const result = renumber(draft);
  if (!result.ok) {
    io.err(`policy-brief: ${file.path}: ${result.reason}`);
    return 1;
  }
  const text = result.lines.join(draft.lineBreak);
  const summary = result.changes.size ? `${result.changes.size} note number${result.changes.size === 1 ? '' : 's'} changed` : 'footnotes already in order';
  if (!options.write) {
    io.out(text.endsWith(draft.lineBreak) ? text.slice(0, -draft.lineBreak.length) : text);
    io.err(`${file.path}: ${summary}`);
    return 0;
  }
  if (text !== file.text) {
    if (!file.validUtf8) throw new UsageError(`${file.path}: not valid UTF-8; not writing, so no byte is lost`);
    fs.writeFileSync(file.path, (file.bom ? '\uFEFF' : '') + text);
  }
  io.err(`${file.path}: ${summary}`);
  return 0;
}

export function main(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  try {
    if (!command) throw new UsageError('no command given');
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.out(VERSION);
      return 0;
    }
    const options = parseOptions(rest);
    switch (command) {
      case 'check':
        return check(options, io);
      case 'inspect':
        io.out(JSON.stringify(inspectModel(loadSingle(options, 'inspect', io).model), null, 2));
        return 0;
      case 'renumber':
        return renumberFile(options, io);
      case 'outline':
        io.out(formatOutline(documentSymbols(loadSingle(options, 'outline', io).model)).join('\n'));
        return 0;
      case 'stats': {
        const stats = briefStats(loadSingle(options, 'stats', io).model);
        io.out(options.format === 'json' ? JSON.stringify(stats, null, 2) : formatStats(stats).join('\n'));
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}" (try check, inspect, outline, stats or renumber)`);
    }
  } catch (error) {
    // One line, naming the file when the system names one: scripts read stderr line by line.
    const file = (error as NodeJS.ErrnoException).path;
    const hint = error instanceof UsageError ? ' (run "policy-brief --help" for usage)' : '';
    io.err(`policy-brief: ${file ? `${file}: ` : ''}${describeIoError(error)}${hint}`);
    return 2;
  }
}

// In a worker thread the bundled worker entry is require.main too, and embeds this module: only the main thread runs the CLI.
if (require.main === module && isMainThread) {
  // Both streams are written at the end, the report first, so the summary line follows the report in a terminal.
  const out: string[] = [];
  const err: string[] = [];
  const code = main(process.argv.slice(2), { out: (t) => out.push(t + '\n'), err: (t) => err.push(t + '\n') });
  process.stdout.write(out.join(''), () => process.stderr.write(err.join(''), () => process.exit(code)));
}
