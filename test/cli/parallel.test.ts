/**
 * `policy-brief check` on worker threads prints exactly what the sequential check
 * prints — same lines, same order, same stderr, same exit code — in every format,
 * with a per-file warning and a path that does not exist among the briefs.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { generateBrief } from '../../bench/generate';
import { CLI, tempFolderPerSuite } from '../helpers';

function check(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'check', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('policy-brief check --jobs: worker threads', () => {
  const folder = tempFolderPerSuite('policy-brief-parallel-');
  before(() => {
    for (let i = 0; i < 5; i++) {
      const format = i % 2 ? 'plaintext' : 'markdown';
      fs.writeFileSync(path.join(folder.path, `brief-${i}.${i % 2 ? 'txt' : 'md'}`), generateBrief(format, 6000, 40 + i));
    }
    fs.writeFileSync(path.join(folder.path, 'brief-5-latin1.md'), Buffer.from('# Caf\xe9 brief\n\nA claim.\xb9\n', 'latin1'));
    fs.writeFileSync(path.join(folder.path, 'z-short.md'), '# Notes on nothing\n');
  });

  for (const format of ['text', 'json', 'sarif']) {
    it(`${format}: the same output, warnings and exit code as one thread`, () => {
      const missing = path.join(folder.path, 'missing.md');
      const sequential = check(['--jobs', '1', '--format', format, folder.path, missing]);
      const parallel = check(['--jobs', '3', '--format', format, folder.path, missing]);
      assert.deepStrictEqual(parallel, sequential);
      assert.strictEqual(sequential.status, 2, 'the missing path is an I/O error');
      const stderr = sequential.stderr.split('\n');
      assert.ok(stderr[0].endsWith('missing.md: no such file or folder'), stderr[0]);
      assert.ok(stderr[1].endsWith('brief-5-latin1.md: not valid UTF-8; invalid bytes were replaced with �'), stderr[1]);
      if (format === 'text') {
        const files = [...new Set(sequential.stdout.trim().split('\n').map((line) => path.basename(line.split(':')[0])))];
        assert.deepStrictEqual(files, ['brief-0.md', 'brief-1.txt', 'brief-2.md', 'brief-3.txt', 'brief-4.md', 'brief-5-latin1.md', 'z-short.md']);
      }
    });
  }

  it('refuses a --jobs that is not a whole number of 1 or more', () => {
    const result = check(['--jobs', '0', folder.path]);
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /^policy-brief: --jobs must be a whole number, 1 or more \(got 0\)/);
  });
});
