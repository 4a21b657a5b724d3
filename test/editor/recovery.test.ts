/**
 * The server process dies (SIGKILL, as an out-of-memory kill would); the client's default
 * error handler restarts it, and the next edit gets diagnostics again.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen } from './wait';

const BRIEF = ['# Recovery', '', '## Executive Summary', '', 'A claim.¹', '', '## Recommendations', '', 'Act.³', '', '## Endnotes', '', '1. Office, “Review,” 2024, <https://example.org/review>.', ''].join('\n');

/** Our language server: the child of this extension host that runs server/out/server.js (read from /proc, so nothing else is touched). */
function serverPids(): number[] {
  return fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((name) => {
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
      return parent === process.pid && /server[\\/]out[\\/]server\.js/.test(command) ? [Number(name)] : [];
    } catch {
      return [];
    }
  });
}

describe('recovery in the editor', () => {
  it('restarts the server after it is killed, and the next edit gets diagnostics again', async function () {
    if (process.platform !== 'linux') this.skip();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: BRIEF });
    const editor = await vscode.window.showTextDocument(document);
    await diagnosticsWhen(document.uri, (all) => all.length === 1, 'the orphan marker ³');
    const [pid] = serverPids();
    assert.ok(pid, 'the language server runs as a child of the extension host');

    process.kill(pid, 'SIGKILL');
    await editor.edit((edit) => edit.insert(new vscode.Position(8, 5), ' Now.²'));
    const diagnostics = await diagnosticsWhen(document.uri, (all) => all.filter((d) => codeOf(d) === 'orphan-marker').length === 2, 'diagnostics from the restarted server');
    assert.deepStrictEqual(
      diagnostics.filter((d) => codeOf(d) === 'orphan-marker').map((d) => [d.range.start.line, d.range.start.character, d.message]),
      [
        [8, 4, 'Marker ³ cites note 3, but there is no note 3: add it to the Endnotes, or remove the marker.'],
        [8, 10, 'Marker ² cites note 2, but there is no note 2: add it to the Endnotes, or remove the marker.'],
      ],
    );
    const [restarted] = serverPids();
    assert.ok(restarted && restarted !== pid, `a new server process (was ${pid}, now ${restarted})`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
