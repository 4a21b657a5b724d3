/** Worker-thread entry for parallel `check` (see checkParallel.ts): checks files until none is left. */
import { workerData } from 'worker_threads';
import { FileOutcome, WorkerInput } from './checkParallel';
import { checkFile, describeIoError } from './cli';

const { files, explicit, counters, port } = workerData as WorkerInput;
const view = new Int32Array(counters);
for (let index = Atomics.add(view, 0, 1); index < files.length; index = Atomics.add(view, 0, 1)) {
  const messages: string[] = [];
  const io = { out: (text: string) => messages.push(text), err: (text: string) => messages.push(text) };
  let outcome: FileOutcome;
  try {
    outcome = { index, messages, result: checkFile(files[index], explicit, io) };
  } catch (error) {
    outcome = { index, messages, failure: `policy-brief: ${files[index]}: ${describeIoError(error)}` };
  }
  port.postMessage(outcome);
  Atomics.add(view, 1, 1);
  Atomics.notify(view, 1);
}
port.close();
