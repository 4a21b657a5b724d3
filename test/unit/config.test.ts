/** Settings: resolveConfig, `.policybrief.json` lookup, per-rule severities, required sections, and package.json ↔ DEFAULT_CONFIG. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, DEFAULT_CONFIG, resolveConfig } from '../../server/src/brief';
import { configForDocument, findConfigFile, readConfigFile } from '../../server/src/configFile';
import { ROOT, readText, tempFolderPerTest } from '../helpers';

/** Settings only the VS Code client reads; the core has no default for them. */
const CLIENT_ONLY_SETTINGS = new Set(['policyBrief.trace.server']);

const BRIEF = [
  '# Ferry Timetables',
  '',
  '## Background',
  '',
  'Winter sailings were cut by half.¹ Island schools lost pupils.²',
  '',
  '## Endnotes',
  '',
  '1. Ferry Office, “Winter Timetable Review,” March 2024, <https://example.org/ferry/review>.',
  '',
].join('\n');

function codes(text: string, settings: unknown): string[] {
  const { config, problems } = resolveConfig(settings);
  assert.deepStrictEqual(problems, []);
  return analyze(text, config, { format: 'markdown' }).diagnostics.map((d) => `${d.code}:${d.severity}:${d.range.start.line + 1}`);
}

describe('resolveConfig', () => {
  it('returns the defaults, without problems, for no settings', () => {
    for (const input of [undefined, null, {}]) assert.deepStrictEqual(resolveConfig(input), { config: DEFAULT_CONFIG, problems: [] });
  });

  it('takes valid values and keeps the defaults for the rest', () => {
    const { config, problems } = resolveConfig({ rules: { 'empty-section': 'off', 'split-url': 'error' }, detection: 'always', debounceMs: 0 });
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(config, { ...DEFAULT_CONFIG, rules: { 'empty-section': 'off', 'split-url': 'error' }, detection: 'always', debounceMs: 0 });
  });

  it('reports each invalid value with its key and keeps the default for it, without losing the valid ones', () => {
    const { config, problems } = resolveConfig({
      rules: { 'split-url': 'loud', 'empty-section': 'off' },
      detection: 'sometimes',
      debounceMs: -5,
      requiredSections: 'Executive Summary',
    });
    assert.deepStrictEqual(
      problems.map((p) => p.key),
      ['rules.split-url', 'detection', 'debounceMs', 'requiredSections'],
    );
    assert.strictEqual(problems[0].message, '"split-url" must be off, hint, information, warning or error (got "loud").');
    assert.deepStrictEqual(config, { ...DEFAULT_CONFIG, rules: { 'empty-section': 'off' } });
  });

  it('reports a configuration that is not an object', () => {
    for (const input of [[], 'strict', 3]) {
      const { config, problems } = resolveConfig(input);
      assert.deepStrictEqual(config, DEFAULT_CONFIG);
      assert.deepStrictEqual(problems.map((p) => p.key), ['']);
    }
  });

  it('never changes DEFAULT_CONFIG', () => {
    const before = JSON.stringify(DEFAULT_CONFIG);
    resolveConfig({ rules: { 'orphan-marker': 'off' }, requiredSections: ['Background'] }).config.rules['split-url'] = 'hint';
    assert.strictEqual(JSON.stringify(DEFAULT_CONFIG), before);
  });
});

describe('severity per rule', () => {
  it('reports at the default severities', () => {
    assert.deepStrictEqual(codes(BRIEF, {}), [
      'missing-section:warning:1',
      'missing-section:warning:1',
      'orphan-marker:error:5',
    ]);
  });

  it('turns a rule off and changes another one’s severity', () => {
    assert.deepStrictEqual(codes(BRIEF, { rules: { 'orphan-marker': 'off', 'missing-section': 'hint' } }), ['missing-section:hint:1', 'missing-section:hint:1']);
  });
});

describe('required sections', () => {
  it('checks the configured sections instead of the default ones, by name, alias or plain string', () => {
    const required = [{ name: 'Background' }, { name: 'Policy Options', aliases: ['Options'] }, 'Endnotes'];
    const { config } = resolveConfig({ requiredSections: required, rules: { 'orphan-marker': 'off' } });
    const messages = analyze(BRIEF, config, { format: 'markdown' }).diagnostics.map((d) => d.message);
    assert.deepStrictEqual(messages, ['The brief has no Policy Options section (or Options): add a heading “## Policy Options”.']);
    const withOptions = BRIEF.replace('## Endnotes', '## Options\n\nRun a winter service.\n\n## Endnotes');
    assert.deepStrictEqual(analyze(withOptions, config, { format: 'markdown' }).diagnostics, []);
  });

  it('matches a heading that contains the name only when matchWithinHeading is set', () => {
    const text = BRIEF.replace('## Background', '## Background and Recommendations');
    const exact = resolveConfig({ requiredSections: [{ name: 'Recommendations' }], rules: { 'orphan-marker': 'off' } }).config;
    const within = resolveConfig({ requiredSections: [{ name: 'Recommendations', matchWithinHeading: true }], rules: { 'orphan-marker': 'off' } }).config;
    assert.deepStrictEqual(analyze(text, exact, { format: 'markdown' }).diagnostics.map((d) => d.code), ['missing-section']);
    assert.deepStrictEqual(analyze(text, within, { format: 'markdown' }).diagnostics, []);
  });
});

describe('.policybrief.json', () => {
  const temp = tempFolderPerTest('policy-brief-config-');
  const write = (file: string, content: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };


  it('is found in the document’s folder or the nearest folder above it', () => {
    const deep = path.join(temp.path, 'briefs', '2024', 'spring');
    fs.mkdirSync(deep, { recursive: true });
    assert.strictEqual(findConfigFile(deep), findConfigFile(path.dirname(temp.path)), 'nothing inside the temporary folder yet');
    write(path.join(temp.path, '.policybrief.json'), '{ "rules": { "split-url": "off" } }');
    assert.strictEqual(findConfigFile(deep), path.join(temp.path, '.policybrief.json'));
    write(path.join(temp.path, 'briefs', '.policybrief.json'), '{ "detection": "always" }');
    assert.strictEqual(findConfigFile(deep), path.join(temp.path, 'briefs', '.policybrief.json'));
    const { config } = configForDocument(path.join(deep, 'brief.md'));
    assert.strictEqual(config.detection, 'always');
    assert.deepStrictEqual(config.rules, {}, 'only the nearest file counts');
  });

  it('wins over editor settings, rule by rule', () => {
    write(path.join(temp.path, '.policybrief.json'), '\uFEFF{ "rules": { "split-url": "error" }, "debounceMs": 40 }');
    const { config, file } = configForDocument(path.join(temp.path, 'brief.txt'), { rules: { 'split-url': 'off', 'empty-section': 'off' }, debounceMs: 300, detection: 'always' });
    assert.deepStrictEqual(file?.problems, []);
    assert.deepStrictEqual(config.rules, { 'split-url': 'error', 'empty-section': 'off' });
    assert.strictEqual(config.debounceMs, 40);
    assert.strictEqual(config.detection, 'always');
  });

  it('reports invalid JSON and invalid values, naming the file or the key, and falls back to the defaults', () => {
    const broken = path.join(temp.path, 'broken', '.policybrief.json');
    write(broken, '{ "rules": ');
    const unreadable = readConfigFile(broken);
    assert.strictEqual(unreadable.settings, undefined);
    assert.strictEqual(unreadable.problems.length, 1);
    assert.ok(unreadable.problems[0].message.startsWith(`${broken} is not valid JSON (`));
    assert.deepStrictEqual(configForDocument(path.join(temp.path, 'broken', 'a.md')).config, DEFAULT_CONFIG);

    const wrong = path.join(temp.path, 'wrong', '.policybrief.json');
    write(wrong, '{ "detection": "never", "rules": { "orphan-marker": "warning" } }');
    const loaded = configForDocument(path.join(temp.path, 'wrong', 'a.md'));
    assert.deepStrictEqual(loaded.file?.problems.map((p) => p.key), ['detection']);
    assert.deepStrictEqual(loaded.config, { ...DEFAULT_CONFIG, rules: { 'orphan-marker': 'warning' } });
  });
});

describe('package.json settings and DEFAULT_CONFIG', () => {
  const properties = (JSON.parse(readText(path.join(ROOT, 'package.json'))) as {
    contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
  }).contributes.configuration.properties;
  const settingKeys = Object.keys(properties).filter((key) => key.startsWith('policyBrief.'));

  /** `policyBrief.citation.requiredFields` → DEFAULT_CONFIG.citation.requiredFields. */
  const defaultAt = (key: string): unknown =>
    key
      .slice('policyBrief.'.length)
      .split('.')
      .reduce<unknown>((value, part) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[part] : undefined), DEFAULT_CONFIG);

  /** Every setting DEFAULT_CONFIG holds, as `policyBrief.…` keys: an object becomes one setting when package.json declares it whole, else one per field. */
  const configKeys = (value: Record<string, unknown>, prefix: string): string[] =>
    Object.entries(value).flatMap(([name, inner]) => {
      const key = `${prefix}.${name}`;
      if (properties[key] || !inner || typeof inner !== 'object' || Array.isArray(inner)) return [key];
      return configKeys(inner as Record<string, unknown>, key);
    });

  it('declares every policyBrief setting with the default DEFAULT_CONFIG has', () => {
    assert.ok(settingKeys.length >= 4);
    for (const key of settingKeys.filter((k) => !CLIENT_ONLY_SETTINGS.has(k))) {
      assert.ok('default' in properties[key], `${key} declares a default`);
      assert.deepStrictEqual(properties[key].default, defaultAt(key), `${key}: package.json default differs from DEFAULT_CONFIG`);
    }
  });

  it('has a package.json setting for everything in DEFAULT_CONFIG', () => {
    const missing = configKeys(DEFAULT_CONFIG as unknown as Record<string, unknown>, 'policyBrief').filter((key) => !properties[key]);
    assert.deepStrictEqual(missing, []);
  });

  it('resolves the package.json defaults, as the editor sends them, to DEFAULT_CONFIG without problems', () => {
    const settings: Record<string, unknown> = {};
    for (const key of settingKeys) {
      const parts = key.slice('policyBrief.'.length).split('.');
      let target = settings;
      for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
      target[parts[parts.length - 1]] = properties[key].default;
    }
    const { config, problems } = resolveConfig(settings);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(config, DEFAULT_CONFIG);
  });
});
