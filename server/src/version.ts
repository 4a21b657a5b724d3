import * as fs from 'fs';
import * as path from 'path';

/** The extension's version, read from the package.json above this file (bundled or compiled, the depth differs). */
function readVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'policy-brief' && manifest.version) return manifest.version;
    } catch {
      // no package.json at this level
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

export const VERSION = readVersion();
