/**
 * Fixture briefs with the exact diagnostics expected: every `test/fixtures/rules/NAME.(md|txt)`
 * has a `NAME.expected.json` listing every diagnostic the brief must produce — no more, no fewer.
 * An optional `NAME.config.json` holds settings (as in `.policybrief.json`) for rules that are silent by default.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, resolveConfig } from '../../server/src/brief';
import { ExpectedDiagnostic, FIXTURES, readText } from '../helpers';

const RULE_FIXTURES = path.join(FIXTURES, 'rules');

describe('rule fixtures', () => {
  const briefs = fs.readdirSync(RULE_FIXTURES).filter((name) => /\.(md|txt|brief)$/.test(name));
  it('has fixtures to check', () => assert.ok(briefs.length > 0));
  for (const name of briefs) {
    it(name, () => {
      const file = path.join(RULE_FIXTURES, name);
      const expected = JSON.parse(readText(file.replace(/\.(md|txt|brief)$/, '.expected.json'))) as ExpectedDiagnostic[];
      const configFile = file.replace(/\.(md|txt|brief)$/, '.config.json');
      const settings = fs.existsSync(configFile) ? resolveConfig(JSON.parse(readText(configFile))) : undefined;
      assert.deepStrictEqual(settings?.problems ?? [], [], 'the fixture’s settings are valid');
      const actual: ExpectedDiagnostic[] = analyze(readText(file), settings?.config, { fileName: file }).diagnostics.map((d) => ({
        code: d.code,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        severity: d.severity,
        message: d.message,
      }));
      assert.deepStrictEqual(actual, expected);
    });
  }
});
