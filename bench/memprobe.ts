/**
 * Preloaded into the language server by the benchmark (`node --expose-gc -r memprobe.js`),
 * so that the server itself needs no benchmark hooks: on SIGUSR2 it collects garbage
 * and writes its memory use to stderr, which the LSP test client records; and it says
 * when V8 starts a full collection by itself, which on an idle server is V8's memory
 * reducer giving back the young generation a forced collection keeps.
 */
import { PerformanceObserver, constants } from 'perf_hooks';
import { IDLE_COLLECTION_PREFIX, MEMORY_PREFIX } from './probe-prefixes';

process.on('SIGUSR2', () => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) {
    collect();
    collect();
  }
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  process.stderr.write(`${MEMORY_PREFIX}${JSON.stringify({ rss, heapUsed, heapTotal, external, collected: collect !== undefined })}\n`);
});

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const { kind, flags } = entry.detail as { kind: number; flags: number };
    if (kind === constants.NODE_PERFORMANCE_GC_MAJOR && !(flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED)) process.stderr.write(`${IDLE_COLLECTION_PREFIX}\n`);
  }
}).observe({ entryTypes: ['gc'] });
