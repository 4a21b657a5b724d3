/** The command-line contract (GUIDE §3, README "Command line"), through the bundled `node server/out/cli.js`. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RULES } from '../../server/src/brief';
import { CliRun, FIXTURES, runCli, tempFolderPerTest } from '../helpers';

const ORPHAN = path.join(FIXTURES, 'rules', 'orphan-marker.hit.md');
const ORPHAN_MESSAGE = 'Marker ³ cites note 3, but there is no note 3: add it to the Endnotes, or remove the marker.';
const CLEAN = path.join(FIXTURES, 'rules', 'orphan-marker.near-miss.md');

/** A brief with one orphan marker (an error) and one empty section (a warning). */
const FLAWED = [
  '# Ferry Timetables',
  '',
  '## Executive Summary',
  '',
  'Winter sailings were cut by half.¹ Island schools lost pupils.²',
  '',
  '## Background',
  '',
  '## Recommendations',
  '',
  'Restore the winter timetable.',
  '',
  '## Endnotes',
  '',
  '1. Ferry Office, “Winter Timetable Review,” March 2024, <https://example.org/ferry/review>.',
  '',
].join('\n');

function assertOneLineError(run: CliRun, pattern: RegExp): void {
  assert.strictEqual(run.status, 2);
  assert.strictEqual(run.stdout, '');
  const lines = run.stderr.split('\n').filter(Boolean);
  assert.strictEqual(lines.length, 1, `one line on stderr, got: ${run.stderr}`);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
}

describe('CLI: policy-brief check', () => {
  const temp = tempFolderPerTest('policy-brief-cli-');

  it('prints path:line:col severity code message, 1-based, and exits 1 on an error', () => {
    const run = runCli(['check', ORPHAN]);
    assert.strictEqual(run.stdout, `${ORPHAN}:7:124 error orphan-marker ${ORPHAN_MESSAGE}\n`);
    assert.strictEqual(run.stderr, '1 problem (1 error, 0 warnings, 0 other) in 1 file\n');
    assert.strictEqual(run.status, 1);
  });

  it('exits 0 on a clean brief and on a brief with warnings only', () => {
    const clean = runCli(['check', CLEAN]);
    assert.deepStrictEqual([clean.status, clean.stdout], [0, '']);
    const file = path.join(temp.path, 'warned.md');
    fs.writeFileSync(file, FLAWED.replace(' Island schools lost pupils.²', ''));
    const warned = runCli(['check', file]);
    assert.strictEqual(warned.stdout, `${file}:7:4 warning empty-section Section “Background” has no text: write it, or remove the heading.\n`);
    assert.strictEqual(warned.status, 0);
  });

  it('prints JSON version 1 with 0-based LSP ranges, keys in the documented order', () => {
    const run = runCli(['check', '--format', 'json', ORPHAN]);
    assert.strictEqual(run.status, 1);
    const expected = {
      version: 1,
      files: [
        {
          path: ORPHAN,
          diagnostics: [
            { code: 'orphan-marker', severity: 'error', message: ORPHAN_MESSAGE, range: { start: { line: 6, character: 123 }, end: { line: 6, character: 124 } } },
          ],
        },
      ],
    };
    assert.strictEqual(run.stdout, `${JSON.stringify(expected, null, 2)}\n`);
    assert.strictEqual(runCli(['check', `--format=json`, CLEAN]).stdout, `${JSON.stringify({ version: 1, files: [{ path: CLEAN, diagnostics: [] }] }, null, 2)}\n`);
  });

  it('counts UTF-16 code units in JSON ranges, as LSP does', () => {
    const file = path.join(temp.path, 'astral.md');
    fs.writeFileSync(file, FLAWED.replace('Winter sailings', '𝐖inter sailings'));
    const [orphan] = (JSON.parse(runCli(['check', '--format', 'json', file]).stdout) as { files: { diagnostics: { code: string; range: { start: { character: number } } }[] }[] }).files[0].diagnostics.filter((d) => d.code === 'orphan-marker');
    assert.strictEqual(orphan.range.start.character, FLAWED.split('\n')[4].indexOf('²') + 1);
  });

  it('prints SARIF 2.1.0: one run, every rule with its description, results with ruleId, level and location', () => {
    const file = path.join(temp.path, 'flawed.md');
    fs.writeFileSync(file, FLAWED);
    const run = runCli(['check', '--format', 'sarif', file]);
    assert.strictEqual(run.status, 1);
    const sarif = JSON.parse(run.stdout);
    assert.strictEqual(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.strictEqual(sarif.runs.length, 1);
    const [only] = sarif.runs;
    assert.strictEqual(only.tool.driver.name, 'policy-brief');
    assert.deepStrictEqual(
      only.tool.driver.rules.map((r: { id: string; shortDescription: { text: string } }) => [r.id, r.shortDescription.text]),
      RULES.map((rule) => [rule.code, rule.description]),
    );
    const results = only.results.map((r: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[] }) => ({
      ruleId: r.ruleId,
      rule: only.tool.driver.rules[r.ruleIndex].id,
      level: r.level,
      uri: r.locations[0].physicalLocation.artifactLocation.uri,
      region: r.locations[0].physicalLocation.region,
    }));
    const uri = file.split(path.sep).join('/');
    const col = FLAWED.split('\n')[4].indexOf('²') + 1;
    assert.deepStrictEqual(results, [
      { ruleId: 'orphan-marker', rule: 'orphan-marker', level: 'error', uri, region: { startLine: 5, startColumn: col, endLine: 5, endColumn: col + 1 } },
      { ruleId: 'empty-section', rule: 'empty-section', level: 'warning', uri, region: { startLine: 7, startColumn: 4, endLine: 7, endColumn: 14 } },
    ]);
  });

  it('checks only *.md, *.markdown, *.txt and *.brief in folders, recursively, skipping hidden folders and node_modules', () => {
    const files = ['a.md', 'b.markdown', 'c.txt', 'd.brief', 'e.json', 'f.html', 'notes.docx', 'sub/g.md', '.hidden/h.md', 'node_modules/pkg/i.md'];
    for (const name of files) {
      fs.mkdirSync(path.dirname(path.join(temp.path, name)), { recursive: true });
      fs.writeFileSync(path.join(temp.path, name), FLAWED);
    }
    const run = runCli(['check', '--format', 'json', temp.path]);
    const checked = (JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((f) => path.relative(temp.path, f.path));
    assert.deepStrictEqual(checked, ['a.md', 'b.markdown', 'c.txt', 'd.brief', path.join('sub', 'g.md')]);
    assert.strictEqual(run.status, 1);
  });

  it('checks every file it is given, even one that does not look like a brief', () => {
    const file = path.join(temp.path, 'README.md');
    fs.writeFileSync(file, '# Tool\n\n## Install\n\n## Usage\n\nRun it.\n');
    assert.deepStrictEqual(
      runCli(['check', file]).stdout.split('\n').filter(Boolean).map((line) => line.split(' ')[2]),
      ['missing-section', 'missing-section', 'empty-section'],
    );
  });

  it('uses --config FILE instead of any .policybrief.json', () => {
    const file = path.join(temp.path, 'flawed.md');
    fs.writeFileSync(file, FLAWED);
    fs.writeFileSync(path.join(temp.path, '.policybrief.json'), '{ "rules": { "orphan-marker": "off" } }');
    const config = path.join(temp.path, 'ci.json');
    fs.writeFileSync(config, '{ "rules": { "orphan-marker": "hint", "empty-section": "off" } }');
    const run = runCli(['check', '--config', config, file]);
    assert.strictEqual(run.stdout, `${file}:5:${FLAWED.split('\n')[4].indexOf('²') + 1} hint orphan-marker Marker ² cites note 2, but there is no note 2: add it to the Endnotes, or remove the marker.\n`);
    assert.strictEqual(run.status, 0);
  });

  it('picks up the nearest .policybrief.json above each file', () => {
    const file = path.join(temp.path, 'briefs', 'flawed.md');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, FLAWED);
    fs.writeFileSync(path.join(temp.path, '.policybrief.json'), '{ "rules": { "orphan-marker": "warning", "empty-section": "off" } }');
    const run = runCli(['check', '--format', 'json', file]);
    const diagnostics = (JSON.parse(run.stdout) as { files: { diagnostics: { code: string; severity: string }[] }[] }).files[0].diagnostics;
    assert.deepStrictEqual(diagnostics.map((d) => [d.code, d.severity]), [['orphan-marker', 'warning']]);
    assert.strictEqual(run.status, 0);
  });

  it('reports a bad value in .policybrief.json on stderr, naming the file, and checks with the rest', () => {
    const file = path.join(temp.path, 'flawed.md');
    fs.writeFileSync(file, FLAWED);
    const config = path.join(temp.path, '.policybrief.json');
    fs.writeFileSync(config, '{ "rules": { "orphan-marker": "loud", "empty-section": "off" } }');
    const run = runCli(['check', file]);
    assert.strictEqual(run.stderr.split('\n')[0], `${config}: "orphan-marker" must be off, hint, information, warning or error (got "loud").`);
    assert.deepStrictEqual(run.stdout.split('\n').filter(Boolean).map((line) => line.split(' ')[2]), ['orphan-marker']);
  });

  it('exits 2 with one line on stderr for a missing file, an unknown option, no paths, no command, or an unreadable --config', () => {
    const missing = path.join(temp.path, 'missing.md');
    assertOneLineError(runCli(['check', missing]), new RegExp(`^policy-brief: ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no such file or folder$`));
    assertOneLineError(runCli(['check', '--frobnicate', CLEAN]), /^policy-brief: unknown option --frobnicate \(run "policy-brief --help" for usage\)$/);
    assertOneLineError(runCli(['check', '--format', 'xml', CLEAN]), /^policy-brief: --format must be text, json or sarif \(got xml\)/);
    assertOneLineError(runCli(['check']), /^policy-brief: check needs at least one file or folder/);
    assertOneLineError(runCli([]), /^policy-brief: no command given \(run "policy-brief --help" for usage\)$/);
    assertOneLineError(runCli(['lint', CLEAN]), /^policy-brief: unknown command "lint"/);
    assertOneLineError(runCli(['check', '--config', path.join(temp.path, 'none.json'), CLEAN]), /^policy-brief: Cannot read .*none\.json/);
    assertOneLineError(runCli(['inspect', missing]), /^policy-brief: .*missing\.md: no such file or folder$/);
  });

  it('still reports the files it could read when another path is missing, and exits 2', () => {
    const run = runCli(['check', ORPHAN, path.join(temp.path, 'missing.md')]);
    assert.strictEqual(run.stdout, `${ORPHAN}:7:124 error orphan-marker ${ORPHAN_MESSAGE}\n`);
    assert.match(run.stderr, /missing\.md: no such file or folder\n/);
    assert.strictEqual(run.status, 2);
  });

  it('prints usage on --help and exits 0', () => {
    const run = runCli(['--help']);
    assert.strictEqual(run.status, 0);
    assert.match(run.stdout, /^Usage: policy-brief <command>/);
    for (const command of ['check', 'inspect', 'outline']) assert.match(run.stdout, new RegExp(`\\n  ${command} `));
  });
});

describe('CLI: policy-brief inspect', () => {
  it('prints the model as JSON in the documented shape, with 0-based lines', () => {
    const run = runCli(['inspect', path.join(FIXTURES, 'rules', 'see-footnote-chain.hit.txt')]);
    assert.strictEqual(run.status, 0);
    const model = JSON.parse(run.stdout);
    assert.deepStrictEqual(Object.keys(model), ['format', 'title', 'sections', 'markers', 'endnotes', 'links']);
    assert.deepStrictEqual(model, {
      format: 'plaintext',
      title: 'Apprenticeships in Green Construction',
      sections: [
        { title: 'EXECUTIVE SUMMARY', level: 1, line: 4 },
        { title: 'RECOMMENDATIONS', level: 1, line: 8 },
        { title: 'Endnotes', level: 1, line: 12 },
      ],
      markers: [
        { number: 1, line: 6, character: 44 },
        { number: 2, line: 6, character: 76 },
        { number: 3, line: 6, character: 114 },
        { number: 4, line: 6, character: 132 },
      ],
      endnotes: [
        { number: 1, line: 14, text: 'Construction Skills Board, “Green Trades Shortage Report,” January 2024, <https://example.org/csb/shortage>.', refersTo: null },
        { number: 2, line: 15, text: 'Further Education Council, “Apprenticeship Starts by Trade,” November 2023, <https://example.org/fec/starts>.', refersTo: null },
        { number: 3, line: 16, text: 'See footnote 2.', refersTo: 2 },
        { number: 4, line: 17, text: 'See footnote 3.', refersTo: 3 },
      ],
      links: [],
    });
  });

  it('reports links, GFM notes and the Markdown format it detected in a .txt file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-inspect-'));
    try {
      const file = path.join(dir, 'brief.txt');
      fs.writeFileSync(file, '\uFEFF# Ferries\r\n\r\n## Summary\r\n\r\nFares rose.[^fares] See [the returns](#).\r\n\r\n[^fares]: Ferry Office, “Fares,” 2024.\r\n');
      const model = JSON.parse(runCli(['inspect', file]).stdout);
      assert.strictEqual(model.format, 'markdown');
      assert.strictEqual(model.title, 'Ferries');
      assert.deepStrictEqual(model.markers, [{ number: null, line: 4, character: 11 }]);
      assert.deepStrictEqual(model.endnotes, [{ number: null, line: 6, text: 'Ferry Office, “Fares,” 2024.', refersTo: null }]);
      assert.deepStrictEqual(model.links, [{ text: 'the returns', target: '#', line: 4 }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('CLI: policy-brief outline', () => {
  it('prints the section tree, two spaces per level, with 1-based lines', () => {
    const run = runCli(['outline', path.join(FIXTURES, 'rules', 'empty-section.near-miss.md')]);
    assert.strictEqual(run.status, 0);
    assert.strictEqual(
      run.stdout,
      [
        'Heat Pumps in Listed Buildings  (line 1)',
        '  Executive Summary  (line 5)',
        '  Findings  (line 9)',
        '    Noise  (line 11)',
        '    Appearance  (line 15)',
        '  Recommendations  (line 19)',
        '',
      ].join('\n'),
    );
  });
});
