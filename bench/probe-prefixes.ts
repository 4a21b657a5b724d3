/** How the probes preloaded into the server and the CLI (memprobe.ts, cpuprobe.ts) mark the lines they write to stderr. Kept apart from the probes: importing a probe installs it. */
export const MEMORY_PREFIX = 'policy-brief-memory ';
export const CPU_PREFIX = 'policy-brief-cpu-ms ';
export const IDLE_COLLECTION_PREFIX = 'policy-brief-unforced-full-gc';
