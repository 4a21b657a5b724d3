/**
 * What a session keeps from version to version (chunks, notes, remembered citations,
 * rule findings) must not keep the versions' texts alive. V8 makes a slice of a long
 * string point into it, so a kept heading title or note segment cut straight from a
 * version's text held that whole text: 300 keystrokes in a 500 KB brief grew the heap
 * by 300 MB. The heap is measured after forced collections, so the bound is on what
 * is still reachable, not on timing.
 */
import * as assert from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import { AnalysisSession, BriefFormat, DEFAULT_CONFIG, analyze } from '../../server/src/brief';
import { generateBrief } from '../../bench/generate';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function heapAfterCollection(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('an editing session does not keep old versions of the text', () => {
  for (const format of ['markdown', 'plaintext'] as BriefFormat[]) {
    it(`${format}: 100 edits spread over a 500 KB brief`, function () {
      this.timeout(120_000);
      const original = generateBrief(format, 500_000);
      const session = new AnalysisSession();
      analyze(original, DEFAULT_CONFIG, { format, session });
      const lines = original.split('\n');
      const editable = lines.map((line, i) => (line.length > 40 ? i : -1)).filter((i) => i >= 0);
      const before = heapAfterCollection();
      const edits = 100;
      for (let i = 0; i < edits; i++) {
        const line = editable[Math.floor((i * editable.length) / edits)];
        lines[line] = `${lines[line].slice(0, 20)}e${lines[line].slice(20)}`;
        analyze(lines.join('\n'), DEFAULT_CONFIG, { format, session });
      }
      const grown = heapAfterCollection() - before;
      const versionBytes = original.length;
      // Each kept version would cost at least its length in bytes; a session keeps about one version's worth of parts.
      assert.ok(grown < 10 * versionBytes, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over ${edits} edits of a ${(versionBytes / 1e6).toFixed(1)} MB text`);
    });
  }
});
