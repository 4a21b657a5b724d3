/**
 * A broken `.policybrief.json`: a diagnostic on the settings file, where the JSON breaks,
 * the defaults for the brief, and no crash; fixing the file clears the diagnostic.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { tempFolderPerSuite } from '../helpers';
import { LspSession, startServer } from '../lsp-client';

const BRIEF = ['# A Brief', '', '## Executive Summary', '', 'A claim.¹ Another.²', '', '## Recommendations', '', 'Act.', '', '## Endnotes', '', '1. Office, “Review,” 2024, <https://example.org/review>.', ''].join('\n');
// A trailing comma on line 3 (0-based 2): the parser stops at the `}` on the next line, 0-based line 3, character 2.
const BROKEN = '{\n  "rules": {\n    "orphan-marker": "off",\n  }\n}\n';

describe('a broken .policybrief.json in the server', () => {
  const dir = tempFolderPerSuite('policy-brief-config-');
  let session: LspSession;
  before(async () => {
    session = await startServer({ settings: { debounceMs: 0 } });
  });
  after(() => session.stop());

  it('gets an error where the JSON breaks; the brief is checked with the defaults; fixing the file clears it', async () => {
    const configFile = path.join(dir.path, '.policybrief.json');
    const configUri = pathToFileURL(configFile).toString();
    const briefUri = pathToFileURL(path.join(dir.path, 'brief.md')).toString();
    fs.writeFileSync(configFile, BROKEN);
    session.open(briefUri, BRIEF, 'markdown', 1);

    const brief = await session.diagnostics(briefUri, 1);
    assert.deepStrictEqual(brief.diagnostics.map((d) => [d.code, d.severity]), [['orphan-marker', 1]], 'the default severity, not "off"');
    const config = await session.diagnostics(configUri);
    assert.strictEqual(config.diagnostics.length, 1);
    const [problem] = config.diagnostics;
    assert.deepStrictEqual([problem.severity, problem.source, problem.range], [1, 'policy-brief', { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } }]);
    assert.match(problem.message, /^.*\.policybrief\.json is not valid JSON \(.+\); using the default settings\.$/);

    fs.writeFileSync(configFile, '{ "rules": { "orphan-marker": "off" } }\n');
    const before = session.published.length;
    void session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    session.change(briefUri, 2, [{ range: { start: { line: 8, character: 4 }, end: { line: 8, character: 4 } }, text: ' Now.' }]);
    const fixed = await session.diagnostics(briefUri, 2);
    assert.deepStrictEqual(fixed.diagnostics, []);
    const cleared = session.published.slice(before).filter((p) => p.uri === configUri);
    assert.deepStrictEqual(cleared.map((p) => p.diagnostics), [[]]);
    assert.strictEqual(session.process.exitCode, null);
  });
});
