/**
 * Preloaded into `policy-brief check` by the benchmark (`node -r cpuprobe.js`), so
 * that the CLI itself needs no benchmark hooks: on exit it writes the CPU time of the
 * whole process — every thread, V8's compiler and collector helpers included — to
 * stderr. CPU time over wall time is how many cores the check kept busy.
 */
import { CPU_PREFIX } from './probe-prefixes';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`${CPU_PREFIX}${(user + system) / 1000}\n`);
});
