/**
 * The in-editor suite in @vscode/test-electron's shape: VS Code loads this module in the extension host and awaits run().
 * Both launchers (scripts/run-editor-tests.js through code-server, scripts/run-electron-tests.js through test-electron) use it.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { activateExtensionUnderTest } from './wait';

export function run(): Promise<void> {
  // Nothing can pass without the extension, so a failed activation fails once, up front, instead of every test timing out.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30000, rootHooks: { beforeAll: activateExtensionUnderTest } });
  const files = fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // A suite that found no tests must not pass: that is how a broken build or a wrong path would look.
      if (runner.total === 0) reject(new Error(`no in-editor tests found in ${__dirname}`));
      else if (failures > 0) reject(new Error(`${failures} of ${runner.total} in-editor tests failed`));
      else resolve();
    });
  });
}
