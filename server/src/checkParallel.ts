/**
 * `policy-brief check` over worker threads: each worker takes the next file from a
 * shared counter, checks it exactly as the sequential path does (cli.ts checkFile),
 * and posts the outcome with the stderr lines it produced. The caller replays the
 * outcomes in file order, so output and exit code are the same as sequentially.
 *
 * The main thread blocks on Atomics.wait and drains the ports with
 * receiveMessageOnPort, so `main()` stays synchronous for its callers.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from 'worker_threads';
import { BriefConfig, BriefDiagnostic } from './brief';

/** Below this many bytes in all, starting workers (≈50 ms each, loading the parser) costs more than it saves. */
const PARALLEL_MIN_BYTES = 256 * 1024;
const WORKER_SCRIPT = path.join(__dirname, 'checkWorker.js');

export interface CheckedFile {
  path: string;
  diagnostics: BriefDiagnostic[];
}

export interface FileOutcome {
  index: number;
  /** Lines the check wrote to stderr (config-file problems, encoding warnings), in order. */
  messages: string[];
  result?: CheckedFile;
  /** The one-line error for a file that could not be checked. */
  failure?: string;
}

export interface WorkerInput {
  files: string[];
  explicit: BriefConfig | undefined;
  /** Int32 [next file index, outcomes posted]. */
  counters: SharedArrayBuffer;
  port: MessagePort;
}

/**
 * How many workers to use: `requested` when given (1 means no workers); otherwise half
 * the cores, up to one per file, when the files are large enough to be worth it. Half,
 * because one thread checking briefs keeps about 1.5 cores busy — V8 collects its
 * garbage on helper threads — so on 2 cores a second worker only adds its start-up
 * (measured: 1.5 s for 6 × 500 KB on one thread, 1.75 s on two).
 */
export function workerCount(files: string[], requested: number | undefined): number {
  if (requested !== undefined) return Math.min(requested, files.length);
  if (files.length < 2 || !fs.existsSync(WORKER_SCRIPT)) return 1;
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += fs.statSync(file).size;
    } catch {
      // reported when the file is read
    }
  }
  return bytes < PARALLEL_MIN_BYTES ? 1 : Math.max(1, Math.min(Math.floor(os.availableParallelism() / 2), files.length));
}

/** Checks `files` on `jobs` worker threads; outcomes come back indexed like `files`. */
export function checkInWorkers(files: string[], explicit: BriefConfig | undefined, jobs: number): FileOutcome[] {
  const counters = new SharedArrayBuffer(8);
  const view = new Int32Array(counters);
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  for (let i = 0; i < jobs; i++) {
    const { port1, port2 } = new MessageChannel();
    const input: WorkerInput = { files, explicit, counters, port: port2 };
    workers.push(new Worker(WORKER_SCRIPT, { workerData: input, transferList: [port2] }));
    ports.push(port1);
  }
  const outcomes: FileOutcome[] = new Array(files.length);
  let received = 0;
  while (received < files.length) {
    let drained = false;
    for (const port of ports) {
      let message: { message: FileOutcome } | undefined;
      while ((message = receiveMessageOnPort(port) as { message: FileOutcome } | undefined)) {
        outcomes[message.message.index] = message.message;
        received++;
        drained = true;
      }
    }
    if (!drained) Atomics.wait(view, 1, received, 100);
  }
  for (const port of ports) port.close();
  for (const worker of workers) void worker.terminate();
  return outcomes;
}
