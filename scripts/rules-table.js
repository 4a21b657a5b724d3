// Regenerates the rules table in README.md from the rule registry (run after `npm run build`).
// `node scripts/rules-table.js --check` exits 1 when README.md is out of date.
const fs = require('fs');
const path = require('path');

const START = '<!-- rules-table:start -->';
const END = '<!-- rules-table:end -->';

function rulesTable(rules) {
  const rows = rules.map((r) => `| [\`${r.code}\`](#${r.code}) | ${r.defaultSeverity} | ${r.fixable ? 'yes' : '—'} | ${r.description} |`);
  return ['| Code | Default | Quick fix | What it finds |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function withTable(readme, rules) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${START} … ${END}`);
  return `${readme.slice(0, start + START.length)}\n${rulesTable(rules)}\n${readme.slice(end)}`;
}

module.exports = { rulesTable, withTable };

if (require.main === module) {
  const { RULES } = require('../out/server/src/brief/rules');
  const file = path.join(__dirname, '..', 'README.md');
  const readme = fs.readFileSync(file, 'utf8');
  const updated = withTable(readme, RULES);
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README.md rules table is out of date: run `npm run docs`.');
      process.exit(1);
    }
  } else {
    fs.writeFileSync(file, updated);
  }
}
