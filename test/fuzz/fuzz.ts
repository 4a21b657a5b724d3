/**
 * Edit-sequence fuzzing through the real server over stdio. Each sequence opens a
 * brief (a seed, a rule fixture or a small built-in one), applies random incremental
 * edits made of the characters writers and PDFs produce, asks for hovers, definitions,
 * symbols, code actions and a renumber along the way, and then waits for the
 * diagnostics of the last version. Counted: server crashes, error responses, missing
 * diagnostics for the last version, diagnostics outside the document, and requests
 * that took more than a second. A local TextDocument mirrors every edit, so the
 * expected text is known exactly.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-protocol';
import { BriefDiagnostic, analyze, detectFormat, resolveConfig } from '../../server/src/brief';
import { FIXTURES, MARKDOWN_SEED, PLAINTEXT_SEED, seedsPresent } from '../helpers';
import { LspSession, startServer } from '../lsp-client';

export interface FuzzCounts {
  sequences: number;
  edits: number;
  requests: number;
  /** Diagnostics checked against the last version's text. */
  diagnostics: number;
  crashes: number;
  errorResponses: number;
  missingDiagnostics: number;
  outOfRangeDiagnostics: number;
  /** Last versions whose diagnostics differ from a check from scratch of the same text. */
  incrementalMismatches: number;
  slowRequests: number;
}

export interface FuzzOptions {
  sequences: number;
  seed: number;
  /** Called with a line describing each failure, so that it can be reproduced. */
  report?: (line: string) => void;
}

const SLOW_MS = 1000;
const SETTINGS = { debounceMs: 0, detection: 'always' };
const CONFIG = resolveConfig(SETTINGS).config;
const TOKENS = ['a', 'Z', 'e', ' ', '.', '7', '12', '¹', '²³', '⁴⁵⁶', '[^', ']', '[^3]', ']:', '<sup>', '</sup>', 'See footnote ', 'See note 2', 'Ibid.', '\n', '\n\n', '\r\n', '\r', '\t', '# ', '## Endnotes\n', 'Endnotes\n', '1. ', '- 2 ', '😀', '𝔘', '\u200b', '□', '\uFEFF', 'https://ex', 'ample.org/a', '(', ')', '*', '`'];
const BUILT_IN = [
  '# A Brief\n\nBy Ann Author\n\n## Executive Summary\n\nA claim.¹ Another.²\n\n## Recommendations\n\nAct.³\n\n## Endnotes\n\n1. A source, 2024.\n2. See footnote 1.\n3. Ibid.\n',
  'Policy Paper\r\nBy Ann Author\r\n\r\nEXECUTIVE SUMMARY\r\n\r\nText.¹\r\n\r\nEndnotes\r\n\r\n- 1 Source <https://example.org/a-long-\r\n\r\nurl/>.\r\n',
];

/** mulberry32: small, fast and reproducible from one number. */
export function random(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Base {
  name: string;
  text: string;
  languageId: 'markdown' | 'plaintext';
}

export function fuzzBases(): Base[] {
  const bases: Base[] = BUILT_IN.map((text, i) => ({ name: `built-in-${i}`, text, languageId: i === 0 ? 'markdown' : 'plaintext' }));
  const rules = path.join(FIXTURES, 'rules');
  for (const file of fs.readdirSync(rules).sort()) {
    if (/\.(md|txt)$/.test(file)) bases.push({ name: file, text: fs.readFileSync(path.join(rules, file), 'utf8'), languageId: file.endsWith('.md') ? 'markdown' : 'plaintext' });
  }
  if (seedsPresent()) {
    bases.push({ name: 'seed-000', text: fs.readFileSync(PLAINTEXT_SEED, 'utf8'), languageId: 'plaintext' });
    bases.push({ name: 'seed-004', text: fs.readFileSync(MARKDOWN_SEED, 'utf8'), languageId: 'markdown' });
  }
  return bases;
}

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function rangeInside(range: Range, lengths: number[]): boolean {
  const inside = (p: Position) => p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line];
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return inside(range.start) && inside(range.end) && ordered;
}

export function diagnosticsOutside(diagnostics: Diagnostic[], text: string): Diagnostic[] {
  const lengths = lineLengths(text);
  return diagnostics.filter((d) => !rangeInside(d.range, lengths) || (d.relatedInformation ?? []).some((r) => !rangeInside(r.location.range, lengths)));
}

/** What must agree between the server's diagnostics and the core's: where, which rule, what it says. */
function summary(diagnostic: Diagnostic | BriefDiagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line}:${start.character}-${end.line}:${end.character} ${String(diagnostic.code)} ${diagnostic.message}`;
}

/** The diagnostics of a check from scratch, as the server would publish them for this document. */
function fromScratch(document: TextDocument): string[] {
  const text = document.getText();
  const format = document.languageId === 'markdown' ? 'markdown' : detectFormat(text, new URL(document.uri).pathname);
  return analyze(text, CONFIG, { format }).diagnostics.map(summary);
}

export async function fuzz(options: FuzzOptions): Promise<FuzzCounts> {
  const counts: FuzzCounts = {
    sequences: 0,
    edits: 0,
    requests: 0,
    diagnostics: 0,
    crashes: 0,
    errorResponses: 0,
    missingDiagnostics: 0,
    outOfRangeDiagnostics: 0,
    incrementalMismatches: 0,
    slowRequests: 0,
  };
  const report = options.report ?? (() => undefined);
  const next = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const bases = fuzzBases();
  let session: LspSession | null = null;
  let crashed = false;
  let stopping = false;

  const ensureServer = async () => {
    if (session && !crashed) return session;
    if (session) await session.stop();
    crashed = false;
    const started = await startServer({ settings: SETTINGS });
    started.process.once('exit', (code, signal) => {
      if (session === started && !stopping) {
        crashed = true;
        counts.crashes++;
        report(`server exited (code ${code}, signal ${signal})`);
      }
    });
    session = started;
    return started;
  };

  const timedRequest = async (server: LspSession, method: string, params: unknown, label: string) => {
    counts.requests++;
    const started = Date.now();
    try {
      await server.request(method, params);
    } catch (error) {
      counts.errorResponses++;
      report(`${label}: ${method} failed: ${(error as Error).message}`);
    }
    const took = Date.now() - started;
    if (took > SLOW_MS) {
      counts.slowRequests++;
      report(`${label}: ${method} took ${took} ms`);
    }
  };

  for (let n = 0; n < options.sequences; n++) {
    const server = await ensureServer();
    const base = pick(bases);
    const label = `sequence ${n} (seed ${options.seed}, ${base.name})`;
    const uri = `file:///tmp/policy-brief-fuzz/${n}.${base.languageId === 'markdown' ? 'md' : 'txt'}`;
    let mirror = TextDocument.create(uri, base.languageId, 1, base.text);
    server.open(uri, base.text, base.languageId, 1);
    const edits = 1 + Math.floor(next() * 12);
    for (let e = 0; e < edits && !crashed; e++) {
      const text = mirror.getText();
      const start = Math.floor(next() * (text.length + 1));
      const deleted = next() < 0.5 ? 0 : Math.floor(next() * (next() < 0.1 ? 400 : 12));
      const inserted = Array.from({ length: Math.floor(next() * 4) }, () => pick(TOKENS)).join('');
      const range = { start: mirror.positionAt(start), end: mirror.positionAt(Math.min(text.length, start + deleted)) };
      const version = mirror.version + 1;
      mirror = TextDocument.update(mirror, [{ range, text: inserted }], version);
      server.change(uri, version, [{ range, text: inserted }]);
      counts.edits++;
      if (next() < 0.4) {
        const lines = mirror.lineCount;
        const line = Math.floor(next() * lines);
        const lineText = mirror.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
        const position = { line, character: Math.floor(next() * (lineText.length + 1)) };
        const textDocument = { uri };
        const kind = pick(['hover', 'definition', 'symbols', 'codeAction', 'renumber'] as const);
        if (kind === 'hover') await timedRequest(server, 'textDocument/hover', { textDocument, position }, label);
        else if (kind === 'definition') await timedRequest(server, 'textDocument/definition', { textDocument, position }, label);
        else if (kind === 'symbols') await timedRequest(server, 'textDocument/documentSymbol', { textDocument }, label);
        else if (kind === 'codeAction') {
          const latest = server.published.filter((p) => p.uri === uri).pop();
          await timedRequest(server, 'textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: latest?.diagnostics ?? [], ...(next() < 0.2 ? { only: ['source.fixAll'] } : {}) } }, label);
        } else await timedRequest(server, 'workspace/executeCommand', { command: 'policyBrief.server.renumber', arguments: [{ uri }] }, label);
      }
    }
    if (!crashed) {
      try {
        const published = await server.diagnostics(uri, mirror.version, 10_000);
        if (published.version !== mirror.version) {
          counts.missingDiagnostics++;
          report(`${label}: diagnostics for version ${published.version}, expected ${mirror.version}`);
        } else {
          counts.diagnostics += published.diagnostics.length;
          const outside = diagnosticsOutside(published.diagnostics, mirror.getText());
          if (outside.length) {
            counts.outOfRangeDiagnostics += outside.length;
            report(`${label}: ${outside.length} diagnostics outside the document, e.g. ${JSON.stringify(outside[0])}`);
          }
          const served = published.diagnostics.map(summary);
          const scratch = fromScratch(mirror);
          if (served.join('\n') !== scratch.join('\n')) {
            counts.incrementalMismatches++;
            const first = Math.max(0, served.findIndex((line, i) => line !== scratch[i]));
            report(`${label}: diagnostics differ from a check from scratch at #${first}: published ${JSON.stringify(served[first])}, from scratch ${JSON.stringify(scratch[first])}`);
          }
        }
      } catch (error) {
        counts.missingDiagnostics++;
        report(`${label}: ${(error as Error).message}`);
      }
      server.close(uri);
    }
    // Only this sequence's diagnostics are waited on: forget the rest so memory stays flat.
    server.published.length = 0;
    counts.sequences++;
  }
  stopping = true;
  if (session) await (session as LspSession).stop();
  return counts;
}
