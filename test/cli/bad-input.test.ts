/**
 * The CLI under bad input: each problem is one line on stderr naming the path, the
 * exit code is 2, and the other files are still checked and printed.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { CliRun, runCli, tempFolderPerSuite } from '../helpers';

const BRIEF = '# Ferry Timetables\n\n## Executive Summary\n\nWinter sailings were cut.¹\n\n## Recommendations\n\nRestore them.\n\n## Endnotes\n\n1. Ferry Office, “Winter Review,” 2024, <https://example.org/ferry/review>.\n';

function stderrLines(run: CliRun): string[] {
  return run.stderr.split('\n').filter(Boolean);
}

describe('policy-brief check under bad input', () => {
  const dir = tempFolderPerSuite('policy-brief-bad-');
  let good: string;
  before(() => {
    good = path.join(dir.path, 'good.md');
    fs.writeFileSync(good, BRIEF);
  });

  it('a missing file: one line on stderr, exit 2, and the other file is still checked', () => {
    const missing = path.join(dir.path, 'missing.md');
    const run = runCli(['check', '--format', 'json', missing, good]);
    assert.strictEqual(run.status, 2);
    assert.deepStrictEqual(stderrLines(run), [`policy-brief: ${missing}: no such file or folder`]);
    const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: unknown[] }[] };
    assert.deepStrictEqual(report.files.map((f) => [f.path, f.diagnostics.length]), [[good, 0]]);
  });

  it('a folder with an unreadable file (a broken link; chmod 000 too when not root): reported, the readable file printed', () => {
    const folder = path.join(dir.path, 'folder');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'a.md'), BRIEF.replace('cut.¹', 'cut.¹ Schools closed.²'));
    fs.symlinkSync(path.join(dir.path, 'nowhere.md'), path.join(folder, 'broken.md'));
    const locked = path.join(folder, 'locked.md');
    fs.writeFileSync(locked, BRIEF);
    fs.chmodSync(locked, 0o000);
    let lockedReadable = true;
    try {
      fs.readFileSync(locked);
    } catch {
      lockedReadable = false;
    }
    const run = runCli(['check', folder]);
    assert.strictEqual(run.status, 2);
    const expected = [`policy-brief: ${path.join(folder, 'broken.md')}: no such file or folder`];
    if (!lockedReadable) expected.push(`policy-brief: ${locked}: permission denied`);
    assert.deepStrictEqual(stderrLines(run).filter((l) => l.startsWith('policy-brief: ')), expected);
    assert.strictEqual(run.stdout, `${path.join(folder, 'a.md')}:5:43 error orphan-marker Marker ² cites note 2, but there is no note 2: add it to the Endnotes, or remove the marker.\n`);
  });

  it('non-UTF-8 bytes: decoded with U+FFFD, one warning, and checked (exit by the findings, not 2)', () => {
    const latin = path.join(dir.path, 'latin.md');
    fs.writeFileSync(latin, Buffer.concat([Buffer.from(BRIEF.replace('Winter', 'Caf')), Buffer.from([0xe9, 0xff, 0x0a])]));
    const run = runCli(['check', '--format', 'json', latin]);
    assert.strictEqual(run.status, 0);
    assert.deepStrictEqual(stderrLines(run), [`${latin}: not valid UTF-8; invalid bytes were replaced with �`]);
    const report = JSON.parse(run.stdout) as { files: { diagnostics: { code: string; range: { start: { line: number; character: number } } }[] }[] };
    assert.deepStrictEqual(
      report.files[0].diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [['unrenderable-glyph', 13, 0]],
    );
  });

  it('devices (/dev/null, and /dev/zero, which must not hang) and a socket: one line each, exit 2, the brief still printed', async () => {
    const socketPath = path.join(dir.path, 'brief.sock');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      const run = runCli(['check', '/dev/null', '/dev/zero', socketPath, good]);
      assert.strictEqual(run.status, 2);
      assert.deepStrictEqual(stderrLines(run), [
        'policy-brief: /dev/null: not a regular file (a device)',
        'policy-brief: /dev/zero: not a regular file (a device)',
        `policy-brief: ${socketPath}: not a regular file (a socket)`,
        '0 problems (0 errors, 0 warnings, 0 other) in 1 file',
      ]);
      assert.strictEqual(run.stdout, '');
    } finally {
      server.close();
    }
  });

  it('inspect on a device: one line, exit 2, no stack trace', () => {
    const run = runCli(['inspect', '/dev/zero']);
    assert.strictEqual(run.status, 2);
    assert.deepStrictEqual(stderrLines(run), ['policy-brief: /dev/zero: not a regular file (a device)']);
    assert.strictEqual(run.stdout, '');
  });
});
