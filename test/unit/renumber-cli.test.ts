/** `policy-brief renumber FILE [--write]` through the bundled CLI: output, writing in place, idempotence, refusal and exit codes. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CLI, FIXTURES, readText, tempFolderPerTest } from '../helpers';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const OUT_OF_ORDER = path.join(FIXTURES, 'fixes', 'marker-order.txt');
const RENUMBERED = readText(path.join(FIXTURES, 'fixes', 'marker-order.after.txt'));

describe('CLI: policy-brief renumber', () => {
  const temp = tempFolderPerTest('policy-brief-renumber-');

  it('prints the renumbered brief and leaves the file alone', () => {
    assert.deepStrictEqual(cli('renumber', OUT_OF_ORDER), { status: 0, stdout: RENUMBERED, stderr: `${OUT_OF_ORDER}: 2 note numbers changed\n` });
    assert.notStrictEqual(readText(OUT_OF_ORDER), RENUMBERED);
  });

  it('writes in place with --write, keeping a byte-order mark and CRLF, and changes nothing the second time', () => {
    const file = path.join(temp.path, 'brief.txt');
    fs.writeFileSync(file, '\uFEFF' + readText(OUT_OF_ORDER).replace(/\n/g, '\r\n'));
    assert.deepStrictEqual(cli('renumber', '--write', file), { status: 0, stdout: '', stderr: `${file}: 2 note numbers changed\n` });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '\uFEFF' + RENUMBERED.replace(/\n/g, '\r\n'));
    const written = fs.statSync(file).mtimeMs;
    assert.deepStrictEqual(cli('renumber', '--write', file), { status: 0, stdout: '', stderr: `${file}: footnotes already in order\n` });
    assert.strictEqual(fs.statSync(file).mtimeMs, written, 'an unchanged brief is not rewritten');
  });

  it('refuses with exit 1 and the reason when renumbering would be a guess, writing nothing', () => {
    const file = path.join(temp.path, 'brief.txt');
    const text = ['A.¹ B.²', '', 'Endnotes', '', '1 One.', '', '1 Other.', '', '2 Two.', ''].join('\n');
    fs.writeFileSync(file, text);
    assert.deepStrictEqual(cli('renumber', '--write', file), {
      status: 1,
      stdout: '',
      stderr: `policy-brief: ${file}: Cannot renumber: there are 2 notes numbered 1 (lines 5 and 7), so markers citing 1 could mean either. Give each note its own number first.\n`,
    });
    assert.strictEqual(readText(file), text);
  });

  it('exits 2 on usage and I/O errors', () => {
    assert.strictEqual(cli('renumber').status, 2);
    const missing = cli('renumber', path.join(temp.path, 'missing.txt'));
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /^policy-brief: .*missing\.txt: no such file or folder\n/);
  });
});
