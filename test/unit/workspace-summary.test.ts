/** The texts of the status bar and of "Check All Briefs in Workspace" (server/src/workspaceProtocol.ts). */
import * as assert from 'assert';
import { FileCheck, ProblemCounts, checkSummary, statusLabel } from '../../server/src/workspaceProtocol';

const counts = (errors: number, warnings: number, information = 0, hints = 0): ProblemCounts => ({ errors, warnings, information, hints });
const check = (name: string, brief: boolean, problems: ProblemCounts, error?: string): FileCheck => ({
  uri: `file:///briefs/${name}`,
  brief,
  counts: problems,
  ...(error ? { error } : {}),
});

describe('status bar label', () => {
  it('counts notes and problems, singular and plural, and calls zero problems "no problems"', () => {
    assert.strictEqual(statusLabel(6094, 62, counts(1, 2)), '6094 words · 62 notes · 3 problems');
    assert.strictEqual(statusLabel(1, 1, counts(0, 0, 1)), '1 word · 1 note · 1 problem');
    assert.strictEqual(statusLabel(0, 0, counts(0, 0)), '0 words · 0 notes · no problems');
  });

  it('leaves hints out, as the Problems view does', () => {
    assert.strictEqual(statusLabel(120, 5, counts(0, 0, 0, 4)), '120 words · 5 notes · no problems');
  });
});

describe('Check All Briefs summary', () => {
  it('sums the problems of the briefs, by severity', () => {
    const checks = [check('a.md', true, counts(2, 1)), check('b.txt', true, counts(0, 2, 1, 3)), check('README.md', false, counts(0, 0))];
    assert.strictEqual(checkSummary(checks, 3), 'Checked 3 files: 2 briefs, 6 problems (2 errors, 3 warnings, 1 other).');
  });

  it('says so when nothing is wrong, and names unreadable files', () => {
    assert.strictEqual(checkSummary([check('a.md', true, counts(0, 0))], 1), 'Checked 1 file: 1 brief, no problems.');
    const unreadable = [check('a.md', true, counts(0, 1)), check('gone.md', false, counts(0, 0), 'ENOENT: no such file')];
    assert.strictEqual(checkSummary(unreadable, 2), 'Checked 2 files: 1 brief, 1 problem (0 errors, 1 warning, 0 other); 1 file could not be read.');
  });

  it('tells a cancelled check from a finished one', () => {
    assert.strictEqual(checkSummary([check('a.md', true, counts(1, 0))], 40), 'Stopped after 1 of 40 files: 1 brief, 1 problem (1 error, 0 warnings, 0 other).');
    assert.strictEqual(checkSummary([], 0), 'Checked 0 files: 0 briefs, no problems.');
  });
});
