/** The editorial settings (citation.requiredFields, sectionLimits, briefLength) and the inconsistent-note-format fix, on the rule fixtures. */
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, resolveConfig, DEFAULT_CONFIG, BriefConfig } from '../../server/src/brief';
import { noteFormatEdits } from '../../server/src/brief/fixes/note-format';
import { numberToSuperscript } from '../../server/src/brief/parse/text';
import { surveyNotes } from '../../server/src/brief/rules/inconsistent-note-format';
import { FIXTURES, readText } from '../helpers';

function fixture(name: string): { file: string; text: string } {
  const file = path.join(FIXTURES, 'rules', name);
  return { file, text: readText(file) };
}

function messages(code: string, name: string, config?: BriefConfig): string[] {
  const { file, text } = fixture(name);
  return analyze(text, config, { fileName: file })
    .diagnostics.filter((d) => d.code === code)
    .map((d) => d.message);
}

function fixed(name: string): { before: string; after: string } {
  const { file, text } = fixture(name);
  const edits = noteFormatEdits(analyze(text, undefined, { fileName: file }).model);
  return { before: text, after: TextDocument.applyEdits(TextDocument.create(`file://${file}`, 'plaintext', 1, text), edits) };
}

describe('editorial settings', () => {
  it('defaults: title, date and locator; 400 words for the Executive Summary; no brief limit', () => {
    assert.deepStrictEqual(DEFAULT_CONFIG.citation, { requiredFields: ['title', 'date', 'locator'] });
    assert.deepStrictEqual(DEFAULT_CONFIG.sectionLimits, { 'Executive Summary': 400 });
    assert.strictEqual(DEFAULT_CONFIG.briefLength, null);
  });

  it('merges section limits over the defaults, and null lifts one', () => {
    assert.deepStrictEqual(resolveConfig({ sectionLimits: { Background: 600 } }).config.sectionLimits, { 'Executive Summary': 400, Background: 600 });
    assert.deepStrictEqual(resolveConfig({ sectionLimits: { 'Executive Summary': null } }).config.sectionLimits, {});
    assert.deepStrictEqual(resolveConfig({ sectionLimits: { 'Executive Summary': 250 } }).config.sectionLimits, { 'Executive Summary': 250 });
  });

  it('reports invalid values by key and keeps what is valid', () => {
    const { config, problems } = resolveConfig({
      citation: { requiredFields: ['title', 'isbn'] },
      sectionLimits: { Summary: 0, Background: 300, Analysis: '500' },
      briefLength: 2.5,
    });
    assert.deepStrictEqual(
      problems.map((p) => p.key),
      ['citation.requiredFields', 'sectionLimits.Summary', 'sectionLimits.Analysis', 'briefLength'],
    );
    assert.strictEqual(problems[0].message, '"citation.requiredFields" must list fields among author, title, outlet, date, locator.');
    assert.deepStrictEqual(config.citation, DEFAULT_CONFIG.citation);
    assert.deepStrictEqual(config.sectionLimits, { 'Executive Summary': 400, Background: 300 });
    assert.strictEqual(config.briefLength, null);
    assert.deepStrictEqual(resolveConfig({ citation: 'all' }).problems.map((p) => p.key), ['citation']);
    assert.deepStrictEqual(resolveConfig({ sectionLimits: [400] }).problems.map((p) => p.key), ['sectionLimits']);
  });

  it('citation.requiredFields decides what incomplete-citation asks for', () => {
    const asked = (requiredFields: string[]) => messages('incomplete-citation', 'incomplete-citation.hit.txt', resolveConfig({ citation: { requiredFields } }).config);
    assert.deepStrictEqual(asked([]), []);
    assert.deepStrictEqual(asked(['locator']), ['Note 3 lacks a locator (a URL, a DOI, or volume and pages): a reader needs it to find the source.']);
    assert.deepStrictEqual(asked(['author', 'outlet']), [
      'Note 1 lacks an outlet (publisher, newspaper, journal or institution): a reader needs it to find the source.',
      'Note 2 lacks an author and an outlet (publisher, newspaper, journal or institution): a reader needs them to find the source.',
    ]);
  });

  it('a section limit may name any heading, and brief-length uses briefLength', () => {
    const config = resolveConfig({ sectionLimits: { Analysis: 400 }, briefLength: 800 }).config;
    assert.deepStrictEqual(messages('section-length', 'section-length.near-miss.md', config), ['Section “Analysis” has 429 words; the limit for Analysis is 400. Cut 29 words.']);
    assert.deepStrictEqual(messages('brief-length', 'section-length.near-miss.md', config), ['The brief has 839 words without its notes; the limit is 800. Cut 39 words.']);
  });
});

describe('inconsistent-note-format fix', () => {
  it('rewrites the minority `- N` notes as `N.`, numbers and text untouched', () => {
    const { before, after } = fixed('inconsistent-note-format.hit.txt');
    const changed = before.split('\n').flatMap((line, i) => (line === after.split('\n')[i] ? [] : [[line, after.split('\n')[i]]]));
    assert.deepStrictEqual(changed, [
      ['- 1 Transport Agency, “Ferry Passenger Counts 2022,” March 2023, <https://example.org/ferry/counts-2022>.', '1. Transport Agency, “Ferry Passenger Counts 2022,” March 2023, <https://example.org/ferry/counts-2022>.'],
      ['- 2 L. Berg, “Island Towns After the Bridge,” Regional Review, 14 May 2023, <https://example.org/regional/islands>.', '2. L. Berg, “Island Towns After the Bridge,” Regional Review, 14 May 2023, <https://example.org/regional/islands>.'],
    ]);
    assert.deepStrictEqual(analyze(after, undefined, { format: 'plaintext' }).diagnostics, []);
  });

  it('rewrites a `<sup>N</sup>` marker among superscripts as a superscript', () => {
    const { before, after } = fixed('inconsistent-note-format.markers.hit.md');
    assert.strictEqual(after, before.replace('air conditioning.<sup>3</sup>', 'air conditioning.³'));
    assert.deepStrictEqual(analyze(after, undefined, { format: 'markdown' }).diagnostics, []);
  });

  it('leaves consistent briefs alone', () => {
    for (const name of ['inconsistent-note-format.near-miss.md', 'incomplete-citation.near-miss.txt', 'section-length.near-miss.md']) {
      assert.deepStrictEqual(noteFormatEdits(analyze(fixture(name).text, undefined, { fileName: name }).model), [], name);
    }
  });

  it('counts the styles instead of listing runs when they alternate, and the fix still leaves one', () => {
    const notes = ['1. A, “B,” 2020, <https://example.org/1>.', '- 2 A, “C,” 2020, <https://example.org/2>.', '3. A, “D,” 2020, <https://example.org/3>.', '- 4 A, “E,” 2020, <https://example.org/4>.', '5. A, “F,” 2020, <https://example.org/5>.'];
    const text = ['Brief', '', 'By A. Writer', '', 'EXECUTIVE SUMMARY', '', 'One.¹ Two.² Three.³ Four.⁴ Five.⁵', '', 'RECOMMENDATIONS', '', 'Act.', '', 'Endnotes', '', ...notes, ''].join('\n');
    const { model, diagnostics } = analyze(text, undefined, { format: 'plaintext' });
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
      [['inconsistent-note-format', 15, 'Notes are written in 2 styles: `N.` (3), `- N` (2); the style first switches at note 2. Write them all as `N.`, the style most of them use.']],
    );
    const after = TextDocument.applyEdits(TextDocument.create('file:///brief.txt', 'plaintext', 1, text), noteFormatEdits(model));
    assert.strictEqual(after, text.replace('- 2 A', '2. A').replace('- 4 A', '4. A'));
  });

  it('never converts to or from GFM footnotes, and leaves a detached superscript as it is', () => {
    const gfmMajority = ['# T', '', 'One.[^1] Two.[^2] Three.¹', '', '[^1]: A, “B,” 2020, <https://example.org/b>.', '[^2]: C, “D,” 2021, <https://example.org/d>.', ''].join('\n');
    const model = analyze(gfmMajority, undefined, { format: 'markdown' }).model;
    assert.deepStrictEqual(
      analyze(gfmMajority, undefined, { format: 'markdown' }).diagnostics.filter((d) => d.code === 'inconsistent-note-format').map((d) => d.message),
      ['Markers 1–2 are written `[^N]`, marker 1 `¹`. Write them all as `[^N]`, the style most of them use.'],
    );
    assert.deepStrictEqual(noteFormatEdits(model), []);
    const detached = ['# T', '', 'One.¹ Two.² Three <sup>3</sup>', '', '## Notes', '', '1. A, “B,” 2020, <https://example.org/b>.', '2. C, “D,” 2021, <https://example.org/d>.', '3. E, “F,” 2022, <https://example.org/f>.', ''].join('\n');
    assert.deepStrictEqual(noteFormatEdits(analyze(detached, undefined, { format: 'markdown' }).model), []);
  });

  it('on generated briefs mixing six note styles, leaves one style and every note’s number and text as they were', () => {
    const styles = [(n: number) => `- ${n} `, (n: number) => `${n}. `, (n: number) => `${n} `, (n: number) => `[${n}] `, (n: number) => `${n}) `, (n: number) => `• ${n} `];
    fc.assert(
      fc.property(fc.array(fc.nat(styles.length - 1), { minLength: 1, maxLength: 12 }), fc.boolean(), fc.constantFrom<'markdown' | 'plaintext'>('markdown', 'plaintext'), (picks, blankBetween, format) => {
        const claims = picks.map((_, i) => `Claim ${i + 1}.${numberToSuperscript(i + 1)}`).join(' ');
        const notes = picks.map((style, i) => `${styles[style](i + 1)}Author ${i + 1}, “Title ${i + 1},” Outlet, 2020, <https://example.org/${i + 1}>.`).join(blankBetween ? '\n\n' : '\n');
        const text = format === 'markdown' ? `# Brief\n\n## Executive Summary\n\n${claims}\n\n## Endnotes\n\n${notes}\n` : `Brief\n\nBy A. Writer\n\nEXECUTIVE SUMMARY\n\n${claims}\n\nEndnotes\n\n${notes}\n`;
        const before = analyze(text, undefined, { format }).model;
        const after = analyze(TextDocument.applyEdits(TextDocument.create('file:///brief', format, 1, text), noteFormatEdits(before)), undefined, { format }).model;
        assert.strictEqual(new Set(surveyNotes(after).items.map((item) => item.style)).size, 1);
        assert.deepStrictEqual(
          after.endnotes.map((n) => [n.number, n.text]),
          before.endnotes.map((n) => [n.number, n.text]),
        );
      }),
      { numRuns: 100, seed: 20261123 },
    );
  });
});
