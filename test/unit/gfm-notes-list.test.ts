import * as assert from 'assert';
import { analyze } from '../../server/src/brief';

describe('a long run of GFM footnote definitions', () => {
  it('keeps every note when 200 definitions with URLs follow each other without blank lines', () => {
    const count = 200;
    const body = Array.from({ length: count }, (_, i) => `Claim ${i + 1}.[^${i + 1}]`).join(' ');
    const notes = Array.from({ length: count }, (_, i) => `[^${i + 1}]: Author ${i + 1}, “Title ${i + 1},” Outlet, 2024, <https://example.org/n/${i + 1}>.`);
    const text = ['# A Brief', '', '## Executive Summary', '', body, '', '## Recommendations', '', 'Act.', '', ...notes, ''].join('\n');
    const { model, diagnostics } = analyze(text, undefined, { format: 'markdown' });
    assert.strictEqual(model.endnotes.length, count);
    assert.deepStrictEqual(diagnostics.filter((d) => d.code === 'orphan-marker'), []);
  });
});
