/**
 * `npm run fuzz [-- SEQUENCES [SEED]]`: 10,000 edit sequences by default. Prints each
 * failure as it happens and the counts at the end; exits 1 when any count is not zero.
 */
import { fuzz } from './fuzz';

async function main(): Promise<number> {
  const sequences = Number(process.argv[2] ?? 10_000);
  const seed = Number(process.argv[3] ?? Date.now() % 1_000_000);
  const started = Date.now();
  const counts = await fuzz({ sequences, seed, report: (line) => console.log(`  ${line}`) });
  console.log(`fuzz: ${counts.sequences} sequences, ${counts.edits} edits, ${counts.requests} requests, ${counts.diagnostics} diagnostics checked in ${Math.round((Date.now() - started) / 1000)} s (seed ${seed})`);
  console.log(`crashes: ${counts.crashes}`);
  console.log(`error responses: ${counts.errorResponses}`);
  console.log(`missing diagnostics for the last version: ${counts.missingDiagnostics}`);
  console.log(`out-of-range diagnostics: ${counts.outOfRangeDiagnostics}`);
  console.log(`last diagnostics unlike a check from scratch: ${counts.incrementalMismatches}`);
  console.log(`requests over 1 s: ${counts.slowRequests}`);
  const failures = counts.crashes + counts.errorResponses + counts.missingDiagnostics + counts.outOfRangeDiagnostics + counts.incrementalMismatches + counts.slowRequests;
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
