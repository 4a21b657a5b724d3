/**
 * Real Neovim (headless) with the README's snippet: its built-in LSP client starts
 * `node server/out/server.js --stdio` on a fixture and must receive the diagnostics and a
 * hover. Skipped, saying why, only when `nvim` is not installed (.ci/run installs it).
 */
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, SERVER, readText } from '../helpers';

const FIXTURE = path.join(ROOT, 'test', 'neovim', 'brief.md');
const SCRIPT = path.join(ROOT, 'test', 'neovim', 'check.lua');

interface NeovimDiagnostic {
  code: string;
  lnum: number;
  col: number;
  end_col: number;
  severity: number;
  source: string;
  message: string;
}

interface NeovimReport {
  error?: string;
  nvim: string;
  attachedWith: string;
  waitedForDiagnostics: boolean;
  diagnostics: NeovimDiagnostic[];
  hover: { contents: { kind: string; value: string }; range: { start: { line: number; character: number }; end: { line: number; character: number } } } | null;
}

function nvimVersion(): string | null {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.split('\n')[0] : null;
}

/** Runs the Lua script in headless Neovim; resolves with its report once Neovim has exited. */
function runNeovim(hover: { line: number; character: number }): Promise<NeovimReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-nvim-'));
  const out = path.join(dir, 'report.json');
  const child = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${SCRIPT}`], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // Neovim's state and log files go to the temporary folder, not the user's home.
      XDG_STATE_HOME: dir,
      XDG_DATA_HOME: dir,
      XDG_CACHE_HOME: dir,
      POLICY_BRIEF_SERVER: SERVER,
      POLICY_BRIEF_FIXTURE: FIXTURE,
      POLICY_BRIEF_OUT: out,
      POLICY_BRIEF_HOVER_LINE: String(hover.line),
      POLICY_BRIEF_HOVER_CHARACTER: String(hover.character),
    },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      try {
        if (!fs.existsSync(out)) throw new Error(`Neovim exited (${signal ?? code}) without a report:\n${output}`);
        resolve(JSON.parse(fs.readFileSync(out, 'utf8')) as NeovimReport);
      } catch (error) {
        reject(error);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

describe('Neovim (headless, built-in LSP client)', function () {
  this.timeout(60_000);
  const version = nvimVersion();
  const lines = readText(FIXTURE).split('\n');
  const bodyLine = lines.findIndex((line) => line.includes('³'));
  let report: NeovimReport;

  before(async function () {
    if (!version) {
      console.log('    (skipped: nvim is not installed; `apt-get install neovim`, as .ci/run does, to run this suite)');
      this.skip();
    }
    report = await runNeovim({ line: bodyLine, character: lines[bodyLine].indexOf('²') });
    assert.strictEqual(report.error, undefined, `the Lua script failed: ${report.error}`);
  });

  it(`attaches with the snippet for this Neovim (${version ?? 'absent'}) and receives the diagnostics, columns in bytes`, () => {
    const [major, minor] = report.nvim.split('.').map(Number);
    assert.strictEqual(report.attachedWith, major > 0 || minor >= 8 ? 'vim.lsp.start' : 'vim.lsp.start_client');
    assert.strictEqual(report.waitedForDiagnostics, true);
    const marker = lines[bodyLine].indexOf('³');
    assert.deepStrictEqual(report.diagnostics, [
      {
        code: 'orphan-marker',
        lnum: bodyLine,
        // Neovim counts columns in UTF-8 bytes: ¹ and ² before the marker take two bytes each.
        col: Buffer.byteLength(lines[bodyLine].slice(0, marker)),
        end_col: Buffer.byteLength(lines[bodyLine].slice(0, marker + 1)),
        severity: 1,
        source: 'policy-brief',
        message: 'Marker ³ cites note 3, but there is no note 3: add it to the Endnotes, or remove the marker.',
      },
    ]);
  });

  it('receives a hover on marker ² that follows "See footnote 1" to the source', () => {
    assert.ok(report.hover, 'no hover came back');
    const marker = lines[bodyLine].indexOf('²');
    assert.deepStrictEqual(report.hover.range, { start: { line: bodyLine, character: marker }, end: { line: bodyLine, character: marker + 1 } });
    assert.strictEqual(report.hover.contents.kind, 'markdown');
    assert.match(report.hover.contents.value, /Note 2/);
    assert.match(report.hover.contents.value, /2 → 1/);
    assert.match(report.hover.contents.value, /Annual Price Report 2023/);
  });
});
