/** The bounded fuzz run of `npm test`: a fixed seed, so a failure reproduces with `npm run fuzz -- 300 20261123`. */
import * as assert from 'assert';
import { fuzz } from './fuzz';

describe('edit-sequence fuzzing through the server (300 sequences, fixed seed)', () => {
  it('no crash, no error response, diagnostics for every last version, all inside the document and as a check from scratch gives them, no request over 1 s', async function () {
    this.timeout(120_000);
    const failures: string[] = [];
    const counts = await fuzz({ sequences: 300, seed: 20261123, report: (line) => failures.push(line) });
    assert.deepStrictEqual(failures, []);
    assert.strictEqual(counts.sequences, 300);
    assert.ok(counts.edits >= 300 && counts.requests > 100 && counts.diagnostics > 300, `too little was exercised: ${JSON.stringify(counts)}`);
    assert.deepStrictEqual(
      {
        crashes: counts.crashes,
        errorResponses: counts.errorResponses,
        missingDiagnostics: counts.missingDiagnostics,
        outOfRangeDiagnostics: counts.outOfRangeDiagnostics,
        incrementalMismatches: counts.incrementalMismatches,
        slowRequests: counts.slowRequests,
      },
      { crashes: 0, errorResponses: 0, missingDiagnostics: 0, outOfRangeDiagnostics: 0, incrementalMismatches: 0, slowRequests: 0 },
    );
  });
});
