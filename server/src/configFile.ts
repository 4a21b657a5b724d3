/**
 * Finds and reads `.policybrief.json`, searching upward from a document's folder.
 * Shared by the CLI and the language server; the core itself never touches the disk.
 */
import * as fs from 'fs';
import * as path from 'path';
import { BriefConfig, ConfigProblem, resolveConfig } from './brief/config';
import { Position } from './brief/model';
import { LineIndex } from './brief/parse/text';

export const CONFIG_FILE_NAME = '.policybrief.json';

export function findConfigFile(startDir: string): string | null {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here: keep climbing
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export interface LoadedConfigFile {
  file: string;
  /** The raw settings object, or undefined when the file could not be read or parsed. */
  settings: unknown;
  problems: ConfigProblem[];
  /** Where JSON.parse stopped, when the file is not valid JSON and the parser says where. */
  syntaxErrorAt?: Position;
}

export function readConfigFile(file: string): LoadedConfigFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { file, settings: undefined, problems: [{ key: '', message: `Cannot read ${file}: ${(error as Error).message}` }] };
  }
  const json = text.replace(/^\uFEFF/, '');
  try {
    const settings = JSON.parse(json) as unknown;
    return { file, settings, problems: resolveConfig(settings).problems };
  } catch (error) {
    const message = (error as Error).message;
    const offset = /at position (\d+)/.exec(message)?.[1] ?? (/Unexpected end of JSON input/.test(message) ? String(json.length) : undefined);
    return {
      file,
      settings: undefined,
      problems: [{ key: '', message: `${file} is not valid JSON (${message}); using the default settings.` }],
      ...(offset !== undefined ? { syntaxErrorAt: new LineIndex(json).positionAt(Number(offset)) } : {}),
    };
  }
}

/** Settings for a document: the nearest `.policybrief.json` over `base` (editor settings or defaults). */
export function configForDocument(documentPath: string, base: Record<string, unknown> = {}): { config: BriefConfig; file: LoadedConfigFile | null } {
  const file = findConfigFile(path.dirname(documentPath));
  const loaded = file ? readConfigFile(file) : null;
  const fromFile = loaded && loaded.settings && typeof loaded.settings === 'object' ? (loaded.settings as Record<string, unknown>) : {};
  const merged = { ...base, ...fromFile, rules: { ...((base.rules as object) ?? {}), ...((fromFile.rules as object) ?? {}) } };
  return { config: resolveConfig(merged).config, file: loaded };
}
