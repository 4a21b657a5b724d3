/**
 * The module the launchers hand to VS Code as extensionTestsPath. It runs the suite and records the outcome in the file
 * named by POLICY_BRIEF_EDITOR_RESULT, because the exit code VS Code reports can read 0 when the extension host died
 * (GUIDE §4): a launcher passes only when the exit code and this record both say so.
 */
import * as fs from 'fs';
import { run as runSuite } from './index';

export async function run(): Promise<void> {
  const record = process.env.POLICY_BRIEF_EDITOR_RESULT;
  try {
    await runSuite();
  } catch (error) {
    if (record) fs.writeFileSync(record, JSON.stringify({ passed: false, error: String(error) }));
    throw error;
  }
  if (record) fs.writeFileSync(record, JSON.stringify({ passed: true }));
}
