/** The README's rules table is generated from the registry; this keeps it current. */
import * as assert from 'assert';
import * as path from 'path';
import { RULES } from '../../server/src/brief/rules';
import { ROOT, readText } from '../helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withTable } = require(path.join(ROOT, 'scripts', 'rules-table.js')) as { withTable: (readme: string, rules: typeof RULES) => string };

describe('README', () => {
  it('has the rules table generated from the registry (run `npm run docs` after changing a rule)', () => {
    const readme = readText(path.join(ROOT, 'README.md'));
    assert.strictEqual(withTable(readme, RULES), readme);
  });

  it('keeps the two-command quick start that .ci/run relies on', () => {
    const readme = readText(path.join(ROOT, 'README.md'));
    assert.match(readme, /```sh\nnpm install && npm start\nnpm test\n```/);
    assert.match(readText(path.join(ROOT, '.ci', 'run')), /\nnpm test\n/);
  });
});
