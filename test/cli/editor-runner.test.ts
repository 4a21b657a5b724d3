/**
 * The in-editor launcher must fail when the extension is broken, including when the extension host dies and the
 * editor's own exit code still reads 0 (GUIDE §4). Each case runs scripts/run-editor-tests.js on a broken copy.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../helpers';

const RUNNER = path.join(ROOT, 'scripts', 'run-editor-tests.js');

/** A copy of the extension's manifest whose activate() is `body`, so the suite finds the right id but a broken host. */
function brokenExtension(body: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-broken-'));
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(folder, 'package.json'));
  fs.mkdirSync(path.join(folder, 'client', 'out'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'client', 'out', 'extension.js'), `exports.activate = () => { ${body} };\n`);
  return folder;
}

function runAgainst(extension: string) {
  try {
    const result = spawnSync(process.execPath, [RUNNER, '--extension', extension, '--timeout', '90'], { encoding: 'utf8' });
    return { status: result.status, output: result.stdout + result.stderr };
  } finally {
    fs.rmSync(extension, { recursive: true, force: true });
  }
}

describe('in-editor launcher: a broken extension fails the run', function () {
  this.timeout(120000);

  before(function () {
    // On a fresh machine the first run installs code-server and Chromium; that is not what these tests time.
    this.timeout(600000);
    const install = spawnSync('bash', [path.join(ROOT, 'scripts', 'editor-deps.sh')], { stdio: 'inherit' });
    assert.strictEqual(install.status, 0, 'scripts/editor-deps.sh installs the editor');
  });

  it('exits 1 when activation throws', () => {
    const { status, output } = runAgainst(brokenExtension("throw new Error('deliberately broken activation');"));
    assert.strictEqual(status, 1, output);
    assert.match(output, /Activating extension 'policy-brief\.policy-brief' failed: deliberately broken activation/);
    assert.match(output, /run-editor-tests: FAILED after [\d.]+ s: the editor reported exit code 1/);
  });

  it('exits 1 when the extension host dies mid-run, although the editor may report 0', () => {
    const { status, output } = runAgainst(brokenExtension("process.kill(process.pid, 'SIGKILL');"));
    assert.strictEqual(status, 1, output);
    assert.match(output, /run-editor-tests: FAILED after [\d.]+ s: the suite recorded no result \(did the extension host die\?\)/);
  });
});
