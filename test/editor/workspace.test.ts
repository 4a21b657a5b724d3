/** "Policy Brief: Check All Briefs in Workspace" in a real editor: files never opened get their diagnostics in the Problems view. */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { FileCheck } from '../../server/src/workspaceProtocol';
import { diagnosticsWhen, fixtureUri, summary } from './wait';

const BRIEF = [
  '# Paying for Drought',
  '',
  '## Executive Summary',
  '',
  'Household water prices rose twice as fast in dry years.¹ Utilities passed costs on with a lag.²',
  '',
  '## Recommendations',
  '',
  'Publish monthly prices for every region.',
  '',
  '## Endnotes',
  '',
  '1. Regional Water Board, “Annual Price Report 2023,” March 2024, <https://example.org/water/annual-2023>.',
  '',
].join('\n');
const README = '# My project\n\n## Install\n\nRun the installer.\n';

describe('Check All Briefs in Workspace', () => {
  const brief = fixtureUri(path.join('unopened', 'brief.md'));
  const readme = fixtureUri(path.join('unopened', 'README.md'));

  before(async () => {
    await vscode.workspace.fs.writeFile(brief, Buffer.from(BRIEF));
    await vscode.workspace.fs.writeFile(readme, Buffer.from(README));
  });
  after(async () => {
    await vscode.workspace.fs.delete(fixtureUri('unopened'), { recursive: true });
  });

  it('checks files that were never opened and shows their problems; a README stays quiet', async () => {
    const checks = await vscode.commands.executeCommand<FileCheck[]>('policyBrief.checkWorkspace');
    const found = (uri: vscode.Uri) => checks.find((check) => check.uri === uri.toString());
    assert.deepStrictEqual(found(brief), { uri: brief.toString(), brief: true, counts: { errors: 1, warnings: 0, information: 0, hints: 0 } });
    assert.deepStrictEqual(found(readme), { uri: readme.toString(), brief: false, counts: { errors: 0, warnings: 0, information: 0, hints: 0 } });
    assert.ok(found(fixtureUri('draft.txt'))?.brief, 'the fixture draft is among the briefs checked');
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === brief.toString()), 'the brief was never opened');

    const diagnostics = await diagnosticsWhen(brief, (all) => all.length === 1, 'the orphan marker');
    assert.deepStrictEqual(diagnostics.map(summary), [
      {
        code: 'orphan-marker',
        range: [4, 94, 4, 95],
        severity: 'Error',
        message: 'Marker ² cites note 2, but there is no note 2: add it to the Endnotes, or remove the marker.',
      },
    ]);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(readme), []);
  });
});
