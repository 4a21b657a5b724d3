/**
 * `npm run bench`: cold check, keystroke and request latency through the real
 * server, memory, the floor, a peer (markdownlint) and parallel CLI throughput,
 * in one run. Prints a table and writes bench/results.json. Never part of
 * `npm test`: speed is measured here, not asserted.
 *
 *   node out/bench/run.js [--quick]     --quick: fewer iterations, no 5 MB cold runs
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { DEFAULT_CONFIG, analyze, parseBrief, BriefModel } from '../server/src/brief';
import { CLI, ROOT } from '../test/helpers';
import { LspSession, startServer } from '../test/lsp-client';
import { BENCH_SIZES, BenchFormat, generateBrief } from './generate';
import { CPU_PREFIX, IDLE_COLLECTION_PREFIX, MEMORY_PREFIX } from './probe-prefixes';

const QUICK = process.argv.includes('--quick');
const FORMATS: BenchFormat[] = ['markdown', 'plaintext'];
const EXTENSION: Record<BenchFormat, string> = { markdown: 'md', plaintext: 'txt' };
const KB = 1000;

interface Stats {
  n: number;
  median: number;
  p95: number;
  p99: number;
  min: number;
}

interface Row {
  group: string;
  name: string;
  stats?: Stats;
  /** A measured value that is not a latency (a ratio, bytes, a throughput). */
  value?: number;
  unit: string;
  target?: string;
  met?: boolean;
  note?: string;
}

const rows: Row[] = [];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, median: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), min: sorted[0] };
}

/**
 * Median and tails of timed runs over `texts[warmup…]`, after untimed runs over `texts[0…warmup)` that let the JIT
 * settle; `samples` more than there are texts go round them again (for checkers that remember nothing).
 */
function time(run: (text: string) => void, texts: readonly string[], warmup: number, samples = texts.length - warmup): Stats {
  for (let i = 0; i < warmup; i++) run(texts[i]);
  const timed = texts.slice(warmup);
  const durations: number[] = [];
  for (let i = 0; i < samples; i++) {
    const text = timed[i % timed.length];
    const start = performance.now();
    run(text);
    durations.push(performance.now() - start);
  }
  return stats(durations);
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

const briefs = new Map<string, string>();
function brief(format: BenchFormat, bytes: number): string {
  const key = `${format}:${bytes}`;
  let text = briefs.get(key);
  if (!text) {
    text = generateBrief(format, bytes);
    briefs.set(key, text);
  }
  return text;
}

/** What any checker must at least do: split into lines and run one regex over the text. */
function floorPass(text: string): number {
  const lines = text.split('\n');
  const matches = text.match(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^\d+\]|<sup>\d+<\/sup>/g);
  return lines.length + (matches?.length ?? 0);
}

/**
 * The briefs of the cold checks: both formats at every size, and Markdown with inline and block markup (generate.ts)
 * below 5 MB, which measures the Markdown parser's share of a check where the line reader leaves it more to do.
 */
const COLD_VARIANTS: ReadonlyArray<{ format: BenchFormat; markup: boolean; maxBytes: number }> = [
  { format: 'markdown', markup: false, maxBytes: Infinity },
  { format: 'plaintext', markup: false, maxBytes: Infinity },
  { format: 'markdown', markup: true, maxBytes: 1_000_000 },
];

async function coldChecks(): Promise<void> {
  const remark = unified().use(remarkParse).use(remarkGfm);
  const { lint } = (await import('markdownlint/sync')) as typeof import('markdownlint/sync');
  let coldSeed = 1001;
  for (const size of BENCH_SIZES) {
    if (QUICK && size.bytes > 1_000_000) continue;
    for (const { format, markup, maxBytes } of COLD_VARIANTS) {
      if (size.bytes > maxBytes) continue;
      // Runs by cost: plain text checks some 30× faster than Markdown, so its 5 MB brief can have as many runs as Markdown's 500 KB (3 runs gave medians 110–260 ms).
      const cost = format === 'markdown' ? size.bytes : size.bytes / 10;
      const iterations = cost >= 5_000_000 ? 3 : cost >= 500_000 ? 10 : 30;
      // The 50 KB runs come first in the process: a few more untimed runs let the optimising compiler catch up with the Markdown parser.
      const warmup = cost >= 5_000_000 ? 0 : cost >= 500_000 ? 3 : 10;
      // A cold check sees each brief once: the checker remembers normalised headings by their text (for the next
      // keystroke), so the same text again, or a brief from the same seed (whose first notes and headings are the same at
      // every size), would time a warm check. Odd seeds keep Markdown's notes GFM footnote definitions.
      const texts = Array.from({ length: warmup + iterations }, () => generateBrief(format, size.bytes, (coldSeed += 2), { markup }));
      const label = `${format}${markup ? ' with markup' : ''} ${size.name}`;
      log(`cold check: ${label}`);
      const ours = time((text) => analyze(text, DEFAULT_CONFIG, { format }), texts, warmup);
      const floor = time(floorPass, texts, warmup, Math.max(iterations, 10));
      rows.push({ group: 'cold check', name: label, stats: ours, unit: 'ms' });
      rows.push({ group: 'floor', name: `${label} split+regex`, stats: floor, unit: 'ms' });
      const overFloor = ours.median / floor.median;
      rows.push({
        group: 'ratio',
        name: `${label} cold / floor`,
        value: overFloor,
        unit: '×',
        ...(format === 'plaintext' ? { target: '≤ 3×', met: overFloor <= 3 } : {}),
      });
      if (format !== 'markdown') continue;
      const bare = time((text) => remark.parse(text), texts, warmup);
      rows.push({ group: 'peer', name: `${label} bare remark+gfm parse`, stats: bare, unit: 'ms' });
      rows.push({ group: 'ratio', name: `${label} cold / bare remark`, value: ours.median / bare.median, unit: '×', target: '≤ 1.2×', met: ours.median / bare.median <= 1.2 });
      const markdownlint = time((text) => lint({ strings: { brief: text } }), texts, warmup);
      rows.push({ group: 'peer', name: `${label} markdownlint 0.40 (default rules)`, stats: markdownlint, unit: 'ms' });
      rows.push({
        group: 'ratio',
        name: `${label} cold / markdownlint`,
        value: ours.median / markdownlint.median,
        unit: '×',
        target: '≤ 1×',
        met: ours.median <= markdownlint.median,
      });
    }
  }
}

/** A position after a lowercase letter near the middle of the line: typing there changes a word, not a number or a marker. */
function editPoint(line: string): number | null {
  for (let offset = 0; offset < line.length / 2; offset++) {
    for (const at of [Math.floor(line.length / 2) + offset, Math.floor(line.length / 2) - offset]) {
      if (at > 0 && at < line.length && /[a-z]/.test(line[at - 1]) && /[a-z ]/.test(line[at])) return at;
    }
  }
  return null;
}

function spread(lines: number[], count: number): number[] {
  return Array.from({ length: count }, (_, i) => lines[Math.floor((i * lines.length) / count)]);
}

function bodyLines(model: BriefModel): number[] {
  const notesFrom = model.endnotesSection?.range.start.line ?? model.lines.length;
  const headings = new Set(model.sections.map((s) => s.headingRange.start.line));
  const lines: number[] = [];
  for (let line = 0; line < notesFrom; line++) if (model.lines[line].length > 80 && !headings.has(line)) lines.push(line);
  return lines;
}

function noteLines(model: BriefModel): number[] {
  return model.endnotes.filter((note) => !note.seeNote).map((note) => note.segments[0].range.start.line);
}

async function keystrokes(session: LspSession, uri: string, text: string, lines: number[], count: number, version: { next: number }): Promise<Stats> {
  const current = text.split('\n');
  const samples: number[] = [];
  for (const line of spread(lines, count)) {
    const at = editPoint(current[line]);
    if (at === null) continue;
    current[line] = current[line].slice(0, at) + 'e' + current[line].slice(at);
    const v = version.next++;
    const start = performance.now();
    session.change(uri, v, [{ range: { start: { line, character: at }, end: { line, character: at } }, text: 'e' }]);
    await session.diagnostics(uri, v, 60_000);
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

const METHOD_NOT_FOUND = -32601;

async function requestLatency(session: LspSession, method: string, params: unknown, iterations: number): Promise<Stats | string> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    try {
      await session.request(method, params);
    } catch (error) {
      if ((error as { code?: number }).code === METHOD_NOT_FOUND) return `${method} is not implemented yet`;
      return `${method} failed: ${(error as Error).message}`;
    }
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

async function serverLatency(): Promise<void> {
  const size = 500 * KB;
  for (const format of FORMATS) {
    const text = brief(format, size);
    const model = parseBrief(text, format);
    const uri = `file:///tmp/policy-brief-bench/brief-500k.${EXTENSION[format]}`;
    const session = await startServer({ settings: { debounceMs: 0 } });
    try {
      log(`keystrokes: ${format} 500 KB`);
      const openStart = performance.now();
      session.open(uri, text, format === 'markdown' ? 'markdown' : 'plaintext', 1);
      await session.diagnostics(uri, 1, 120_000);
      rows.push({ group: 'server', name: `${format} 500 KB open → first diagnostics`, value: performance.now() - openStart, unit: 'ms' });
      const version = { next: 2 };
      const edits = QUICK ? 50 : 200;
      const body = await keystrokes(session, uri, text, bodyLines(model), edits, version);
      rows.push({ group: 'keystroke', name: `${format} 500 KB body edit → diagnostics`, stats: body, unit: 'ms', target: 'p50 ≤ 15, p99 ≤ 50', met: body.median <= 15 && body.p99 <= 50 });
      const notes = await keystrokes(session, uri, text, noteLines(model), edits / 2, version);
      rows.push({ group: 'keystroke', name: `${format} 500 KB Endnotes edit → diagnostics`, stats: notes, unit: 'ms', target: 'p50 ≤ 15, p99 ≤ 50', met: notes.median <= 15 && notes.p99 <= 50 });

      const marker = model.markers[Math.floor(model.markers.length / 2)].labelRange.start;
      const note = model.endnotes[Math.floor(model.endnotes.length / 2)].numberRange.start;
      const textDocument = { uri };
      const requests: [string, string, unknown][] = [
        ['hover on a marker', 'textDocument/hover', { textDocument, position: marker }],
        ['definition of a marker', 'textDocument/definition', { textDocument, position: marker }],
        ['references of a note', 'textDocument/references', { textDocument, position: note, context: { includeDeclaration: true } }],
        ['documentSymbol', 'textDocument/documentSymbol', { textDocument }],
        [
          'codeAction (source actions, renumber)',
          'textDocument/codeAction',
          { textDocument, range: { start: marker, end: marker }, context: { diagnostics: [], only: ['source'] } },
        ],
      ];
      for (const [name, method, params] of requests) {
        const isCodeAction = method === 'textDocument/codeAction';
        // Code actions compute fixes and can take far longer than navigation: fewer samples keep the run under 5 minutes.
        const result = await requestLatency(session, method, params, QUICK ? 10 : isCodeAction ? 20 : 100);
        if (typeof result === 'string') {
          log(`  skipped ${name}: ${result}`);
          rows.push({ group: 'request', name: `${format} 500 KB ${name}`, unit: 'ms', note: `skipped: ${result}` });
        } else {
          rows.push({
            group: 'request',
            name: `${format} 500 KB ${name}`,
            stats: result,
            unit: 'ms',
            ...(isCodeAction ? {} : { target: 'p99 ≤ 10', met: result.p99 <= 10 }),
          });
        }
      }
    } finally {
      await session.stop();
    }
  }
}

async function memory(): Promise<void> {
  const probe = path.join(__dirname, 'memprobe.js');
  for (const format of FORMATS) {
    const size = QUICK ? 500 * KB : 5_000_000;
    const text = brief(format, size);
    const bytes = Buffer.byteLength(text);
    log(`memory: ${format} ${size / 1e6} MB`);
    const session = await startServer({ settings: { debounceMs: 0 }, execArgv: ['--expose-gc', '-r', probe] });
    try {
      const idle = await sample(session);
      const uri = `file:///tmp/policy-brief-bench/brief-memory.${EXTENSION[format]}`;
      session.open(uri, text, format === 'markdown' ? 'markdown' : 'plaintext', 1);
      await session.diagnostics(uri, 1, 300_000);
      const loaded = await sample(session);
      const label = `${format} ${(bytes / 1e6).toFixed(1)} MB`;
      rows.push({ group: 'memory', name: `${label} server RSS after GC`, value: loaded.rss / bytes, unit: '× doc', target: '≤ 15×', met: loaded.rss / bytes <= 15, note: `${mb(loaded.rss)} MB (idle server ${mb(idle.rss)} MB)` });
      rows.push({ group: 'memory', name: `${label} server heap after GC`, value: loaded.heapUsed / bytes, unit: '× doc', note: `${mb(loaded.heapUsed)} MB (idle server ${mb(idle.heapUsed)} MB)` });
      rows.push({ group: 'memory', name: `${label} RSS growth over idle`, value: (loaded.rss - idle.rss) / bytes, unit: '× doc' });
      // A forced collection leaves V8's young generation at the size parsing grew it to (32 MB); V8's memory reducer gives it back
      // once the server has been idle a while (20–30 s here), and that is what a writer's machine holds while the brief stays open.
      const waitStart = performance.now();
      if (await logLine(session, IDLE_COLLECTION_PREFIX, session.logs.length, 90_000)) {
        const waited = (performance.now() - waitStart) / 1000;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        const settled = await sample(session);
        rows.push({
          group: 'memory',
          name: `${label} server RSS once idle`,
          value: settled.rss / bytes,
          unit: '× doc',
          target: '≤ 15×',
          met: settled.rss / bytes <= 15,
          note: `${mb(settled.rss)} MB, heap ${mb(settled.heapUsed)} MB, after V8's own collection ${waited.toFixed(0)} s later`,
        });
      } else {
        log(`memory: ${format}: V8 did not collect by itself within 90 s; no "once idle" row`);
      }
    } finally {
      await session.stop();
    }
  }
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(0);
}

async function sample(session: LspSession): Promise<{ rss: number; heapUsed: number }> {
  const seen = session.logs.length;
  session.process.kill('SIGUSR2');
  const line = await logLine(session, MEMORY_PREFIX, seen, 5_000);
  if (line === undefined) throw new Error('the server did not report its memory');
  return JSON.parse(line.slice(MEMORY_PREFIX.length)) as { rss: number; heapUsed: number };
}

/** The first line the server writes to stderr, after its first `seen` writes, that starts with `prefix`, waiting at most `timeoutMs`. */
async function logLine(session: LspSession, prefix: string, seen: number, timeoutMs: number): Promise<string | undefined> {
  const deadline = performance.now() + timeoutMs;
  do {
    const line = session.logs.slice(seen).join('').split('\n').find((l) => l.startsWith(prefix));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 25));
  } while (performance.now() < deadline);
  return undefined;
}

function parallelCli(): void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-bench-'));
  try {
    const files = QUICK ? 4 : 8;
    let total = 0;
    for (let i = 0; i < files; i++) {
      const format = FORMATS[i % 2];
      const text = generateBrief(format, 500 * KB, 100 + i);
      total += Buffer.byteLength(text);
      fs.writeFileSync(path.join(folder, `brief-${i}.${EXTENSION[format]}`), text);
    }
    log(`parallel check: ${files} files, ${(total / 1e6).toFixed(1)} MB`);
    const probe = path.join(__dirname, 'cpuprobe.js');
    const run = (jobs: string[]) => {
      const start = performance.now();
      const result = spawnSync(process.execPath, ['-r', probe, CLI, 'check', ...jobs, '--format', 'json', folder], { encoding: 'utf8', maxBuffer: 1 << 28 });
      const ms = performance.now() - start;
      if (result.status !== 0 && result.status !== 1) throw new Error(`policy-brief check failed: ${result.stderr}`);
      const cpuLine = result.stderr.split('\n').find((line) => line.startsWith(CPU_PREFIX));
      return { ms, coresBusy: cpuLine ? Number(cpuLine.slice(CPU_PREFIX.length)) / ms : NaN, output: result.stdout };
    };
    const iterations = QUICK ? 2 : 3;
    const cores = os.availableParallelism();
    const runs: Record<'single' | 'parallel', ReturnType<typeof run>[]> = { single: [], parallel: [] };
    let same = true;
    for (let i = 0; i < iterations; i++) {
      const a = run(['--jobs', '1']);
      const b = run(['--jobs', String(cores)]);
      runs.single.push(a);
      runs.parallel.push(b);
      same &&= a.output === b.output;
    }
    const s = stats(runs.single.map((r) => r.ms));
    const p = stats(runs.parallel.map((r) => r.ms));
    const busy = (kind: 'single' | 'parallel') => stats(runs[kind].map((r) => r.coresBusy)).median;
    rows.push({ group: 'cli', name: `check folder, ${files} × 500 KB, --jobs 1`, stats: s, unit: 'ms' });
    rows.push({ group: 'cli', name: `check folder, ${files} × 500 KB, --jobs ${cores} (one worker per core)`, stats: p, unit: 'ms', note: same ? 'output identical' : 'OUTPUT DIFFERS' });
    rows.push({ group: 'cli', name: 'cores busy (CPU time ÷ wall time), --jobs 1', value: busy('single'), unit: 'cores', note: 'one thread, with V8\'s compiler and collector helpers' });
    rows.push({ group: 'cli', name: `cores busy (CPU time ÷ wall time), --jobs ${cores}`, value: busy('parallel'), unit: 'cores' });
    rows.push({
      group: 'ratio',
      name: 'parallel speed-up',
      value: s.median / p.median,
      unit: '×',
      target: '≥ 1.6×',
      met: s.median / p.median >= 1.6,
      // Workers cannot keep more cores busy than there are: what one thread already keeps busy bounds the gain.
      note: `at most ${(cores / busy('single')).toFixed(2)}× here (${cores} cores)`,
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

function format(n: number | undefined): string {
  if (n === undefined) return '';
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

function printTable(): void {
  const header = ['group', 'measure', 'median', 'p95', 'p99', 'N', 'unit', 'target', 'met'];
  const table = rows.map((r) => [
    r.group,
    r.name + (r.note ? ` — ${r.note}` : ''),
    format(r.stats?.median ?? r.value),
    format(r.stats?.p95),
    format(r.stats?.p99),
    r.stats ? String(r.stats.n) : '',
    r.unit,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
}

async function main(): Promise<void> {
  const started = performance.now();
  execFileSync(process.execPath, [CLI, '--version']);
  await coldChecks();
  await serverLatency();
  await memory();
  parallelCli();
  printTable();
  const cpu = os.cpus();
  const results = {
    date: new Date().toISOString(),
    quick: QUICK,
    machine: { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGB: Math.round(os.totalmem() / 1e9), node: process.version, platform: `${os.platform()} ${os.release()}` },
    seconds: Math.round((performance.now() - started) / 1000),
    rows,
  };
  fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  log(`\n${results.machine.cpu}, ${results.machine.cores} cores, Node ${process.version}; ${results.seconds} s; wrote bench/results.json`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
