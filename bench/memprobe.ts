/**
 * Preloaded into the language server by the benchmark (`node --expose-gc -r memprobe.js`),
 * so that the server itself needs no benchmark hooks: on SIGUSR2 it collects garbage
 * and writes its memory use to stderr, which the LSP test client records.
 */
import { MEMORY_PREFIX } from './probe-prefixes';

process.on('SIGUSR2', () => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) {
    collect();
    collect();
  }
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  process.stderr.write(`${MEMORY_PREFIX}${JSON.stringify({ rss, heapUsed, heapTotal, external, collected: collect !== undefined })}\n`);
});
