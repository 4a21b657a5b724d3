// Bundles the client, the server and the CLI into single files with esbuild.
// Type-checking is tsc's job (`tsc -b`); this step only packages.
const esbuild = require('esbuild');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: process.argv.includes('--sourcemap'),
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  // unified's ESM packages use import.meta only in code paths we never hit in node.
  mainFields: ['module', 'main'],
};

Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' }),
  // Worker threads of `check` (checkParallel.ts loads it from beside cli.js).
  esbuild.build({ ...common, entryPoints: ['server/src/checkWorker.ts'], outfile: 'server/out/checkWorker.js' }),
]).catch(() => process.exit(1));
