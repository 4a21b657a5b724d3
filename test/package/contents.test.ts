/**
 * What `npm run package` ships: exactly the bundles, the grammars, the manifest and the marketplace documents
 * (.vscodeignore is an allow-list), within a size bound that a stray source map or node_modules would break.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../helpers';
import { zipEntries, ZipEntry } from './zip';

const MAX_VSIX_BYTES = 600 * 1024;

describe('the packaged extension (.vsix)', function () {
  this.timeout(60000);
  let vsix: Buffer;
  let entries: ZipEntry[];

  before(() => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-brief-vsix-'));
    const file = path.join(folder, 'policy-brief.vsix');
    try {
      const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package.js'), '--out', file], { cwd: ROOT, encoding: 'utf8' });
      assert.strictEqual(result.status, 0, `scripts/package.js failed:\n${result.stdout}${result.stderr}`);
      vsix = fs.readFileSync(file);
      entries = zipEntries(vsix);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('holds exactly the bundles, grammars, manifest, README, CHANGELOG, LICENSE and icon', () => {
    const grammars = fs.readdirSync(path.join(ROOT, 'syntaxes')).map((name) => `extension/syntaxes/${name}`);
    assert.ok(grammars.length > 0, 'the grammars exist');
    const expected = [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/images/icon.png',
      'extension/client/out/extension.js',
      'extension/server/out/server.js',
      'extension/server/out/cli.js',
      'extension/server/out/checkWorker.js',
      ...grammars,
    ];
    assert.deepStrictEqual(entries.map((entry) => entry.name).sort(), expected.sort());
  });

  it(`stays under ${MAX_VSIX_BYTES / 1024} KB`, () => {
    assert.ok(vsix.length < MAX_VSIX_BYTES, `the .vsix is ${(vsix.length / 1024).toFixed(0)} KB`);
  });

  it('ships every file the manifest points to: entry point, icon, grammars, language configurations', () => {
    const names = new Set(entries.map((entry) => entry.name));
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const shipped = (relative: string) => names.has(`extension/${path.posix.normalize(relative)}`);
    assert.ok(shipped(manifest.main), `main ${manifest.main}`);
    assert.ok(shipped(manifest.icon), `icon ${manifest.icon}`);
    for (const grammar of manifest.contributes.grammars ?? []) assert.ok(shipped(grammar.path), `grammar ${grammar.path}`);
    for (const language of manifest.contributes.languages ?? []) {
      if (language.configuration) assert.ok(shipped(language.configuration), `language configuration ${language.configuration}`);
    }
  });

  it('ships every script a shipped bundle starts from its own folder (the CLI\'s worker threads)', () => {
    const names = new Set(entries.map((entry) => entry.name));
    const bundles = [...names].filter((name) => /^extension\/(client|server)\/out\/[^/]+\.js$/.test(name));
    const loaded: string[] = [];
    for (const bundle of bundles) {
      const source = fs.readFileSync(path.join(ROOT, bundle.slice('extension/'.length)), 'utf8');
      for (const match of source.matchAll(/\.join\(__dirname, "([^"]+\.js)"\)/g)) {
        loaded.push(path.posix.join(path.posix.dirname(bundle), match[1]));
      }
    }
    assert.ok(loaded.includes('extension/server/out/checkWorker.js'), `scripts found: ${loaded.join(', ')}`);
    for (const script of loaded) assert.ok(names.has(script), `${script} is started by a bundle but not shipped`);
  });
});
