/**
 * Bad input is data, not an exception: on any text, in either format, the core
 * returns a model whose every range lies inside the document, and no rule fails.
 * Generated briefs are built from the pieces real drafts are made of, so the
 * property reaches the parsers' corners (broken notes, stray markers, BOMs, lone surrogates).
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { analyze, Analysis, BriefFormat, Range } from '../../server/src/brief';

const PIECES = [
  'Endnotes', 'EXECUTIVE SUMMARY', 'Recommendations', 'About the Author', 'Appendix A', 'By Jane Doe', 'Water prices rose', 'the',
  '# ', '## ', '### ', '===', '---', '> ', '    ', '\t', ' ', '\n', '\n\n', '\r\n', '\r',
  '¹', '²³', '⁶⁷', '[^1]', '[^note]', '[^1]: ', '[^note]: ', '<sup>', '</sup>', '<sup>1,2</sup>', '<sup>th</sup>',
  '- 1 ', '12 ', '[3] ', '1. ', '2) ', 'See footnote 2.', 'See n. 1', 'Ibid.', 'ibid',
  '<https://example.org/a-b', '>', '/>.', 'https://example.org/p?q=1', 'www.example.org', '-path/', '.html',
  '```', '~~~', '`', '**', '*', '_', '[', ']', '](', ')', '(#)', '[link](#)', '<!--', '-->', '|a|b|\n|-|-|',
  '□', '\uFFFD', '\uE000', '\uFEFF', '\uD800', '\uDC00', '𝐖', '“', '”', '’', 'm²', '10⁹', '2024', 'no.', ',', '.', ':',
];

const brief = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((pieces) => pieces.join(''));

function rangesOf(analysis: Analysis): [string, Range][] {
  const { model } = analysis;
  const out: [string, Range][] = [];
  const add = (what: string, range: Range | undefined) => range && out.push([what, range]);
  add('title', model.title?.range);
  add('byline', model.byline?.range);
  add('firstParagraph', model.firstParagraph?.range);
  for (const s of model.sections) (add('section', s.range), add('heading', s.headingRange));
  for (const m of model.markers) (add('marker', m.range), add('marker label', m.labelRange));
  for (const n of model.endnotes) {
    add('note', n.range);
    add('note number', n.numberRange);
    for (const s of n.segments) add('segment', s.range);
    for (const r of n.references) (add('reference', r.range), add('reference target', r.targetRange));
  }
  for (const l of model.links) add('link', l.range);
  for (const u of model.urls) add('url', u.range);
  for (const d of analysis.diagnostics) {
    add(d.code, d.range);
    for (const r of d.related ?? []) add(`${d.code} related`, r.range);
  }
  return out;
}

function assertSound(text: string, format: BriefFormat): void {
  const analysis = analyze(text, undefined, { format });
  assert.deepStrictEqual(analysis.ruleFailures.map((f) => `${f.code}: ${String(f.error)}`), []);
  const { lines } = analysis.model;
  assert.strictEqual(lines.length, text.split(/\r\n|\r|\n/).length);
  for (const [what, { start, end }] of rangesOf(analysis)) {
    const inside = (p: { line: number; character: number }) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
    assert.ok(inside(start) && inside(end), `${what} ${JSON.stringify({ start, end })} lies outside the text`);
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${what} ends before it starts`);
  }
}

describe('parsing never throws and keeps every range inside the text', () => {
  for (const format of ['markdown', 'plaintext'] as const) {
    it(`${format}: generated briefs`, () => {
      fc.assert(fc.property(brief, (text) => assertSound(text, format)), { numRuns: 300, seed: 3 });
    });

    it(`${format}: degenerate documents`, () => {
      for (const text of ['', '\uFEFF', '\n', '\r', '\r\n\r\n', '¹', '[^', '<sup>', 'Endnotes', 'Endnotes\n\n1', '# \n', '[^1]:', '\uD800'.repeat(3), '⁹'.repeat(5000), '[^'.repeat(5000), '- 1 '.repeat(2000)]) {
        assertSound(text, format);
      }
    });
  }
});
