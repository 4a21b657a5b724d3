/** Insert Footnote, "Cite note N here", Rename and Fix all on small briefs, with the exact text expected. */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisSession, BriefFormat, DEFAULT_CONFIG, Position, analyze, parseBrief } from '../../server/src/brief';
import { Draft, TextEdit, draftOf } from '../../server/src/brief/fixes/edits';
import { fixAll } from '../../server/src/brief/fixes/fixall';
import { insertFootnote } from '../../server/src/brief/fixes/insert';
import { citeFixes } from '../../server/src/brief/fixes/quickfix';
import { duplicateSource } from '../../server/src/brief/rules/duplicate-source';
import { renameAt, renameTargetAt } from '../../server/src/brief/fixes/rename';

const draftFor = (text: string, format: BriefFormat): Draft => draftOf(text, parseBrief(text, format));
const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///b', 'plaintext', 1, text), edits);
/** The position just after `needle` (its first occurrence). */
function after(text: string, needle: string): Position {
  const offset = text.indexOf(needle) + needle.length;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('insert footnote', () => {
  const markdown = [
    '# Library Hours', '', '**By T. Reyes**', '', '## Executive Summary', '',
    'Sundays tripled visits.¹ Families came most. Evenings helped students.²', '',
    '## Endnotes', '', '1. City Libraries, “Visitor Counts,” 2024.', '2. Student Union, “Survey,” 2024.', '',
  ].join('\n');

  it('adds the next marker in the brief’s form, a stub note in its place, renumbers what follows and selects the stub', () => {
    const result = insertFootnote(draftFor(markdown, 'markdown'), after(markdown, 'Families came most. '));
    assert.ok(result.ok);
    const text = apply(markdown, result.edits);
    assert.strictEqual(
      text,
      markdown
        .replace('Families came most. Evenings helped students.²', 'Families came most.² Evenings helped students.³')
        .replace('2. Student Union', '2. TODO: add the source.\n3. Student Union'),
    );
    assert.strictEqual(result.number, 2);
    assert.deepStrictEqual(result.selection, { start: { line: 11, character: 3 }, end: { line: 11, character: 24 } });
  });

  it('in plain text with GFM-less superscripts, after the last note, keeping blank lines between notes', () => {
    const plain = ['Title', '', 'By A. Writer', '', 'EXECUTIVE SUMMARY', '', 'One.¹ Two.', '', 'Endnotes', '', '- 1 A source.', ''].join('\n');
    const result = insertFootnote(draftFor(plain, 'plaintext'), after(plain, 'Two.'));
    assert.ok(result.ok);
    assert.strictEqual(apply(plain, result.edits), plain.replace('Two.', 'Two.²').replace('- 1 A source.', '- 1 A source.\n\n- 2 TODO: add the source.'));
  });

  it('before every other citation: the new note is 1 and every marker, note and "See footnote" after it moves up one', () => {
    const plain = ['Title', '', 'By A. Writer', '', 'EXECUTIVE SUMMARY', '', 'First. One.¹ Two.² Three.³', '', 'Endnotes', '', '- 1 A.', '- 2 B.', '- 3 See footnote 2.', ''].join('\n');
    const result = insertFootnote(draftFor(plain, 'plaintext'), after(plain, 'First.'));
    assert.ok(result.ok);
    assert.strictEqual(
      apply(plain, result.edits),
      ['Title', '', 'By A. Writer', '', 'EXECUTIVE SUMMARY', '', 'First.¹ One.² Two.³ Three.⁴', '', 'Endnotes', '', '- 1 TODO: add the source.', '- 2 A.', '- 3 B.', '- 4 See footnote 3.', ''].join('\n'),
    );
    assert.deepStrictEqual(result.selection, { start: { line: 10, character: 4 }, end: { line: 10, character: 25 } });
  });

  it('refuses right after a superscript marker, which the new one would merge with', () => {
    const result = insertFootnote(draftFor(markdown, 'markdown'), after(markdown, 'visits.¹'));
    assert.deepStrictEqual(result, { ok: false, reason: 'A marker here would run into “¹” and read as one number: place the cursor after a word.' });
  });

  it('refuses where a marker cannot attach: in a heading, in the notes, at the start of a line', () => {
    const draft = draftFor(markdown, 'markdown');
    for (const position of [after(markdown, '## Executive'), after(markdown, '1. City'), { line: 6, character: 0 }]) {
      const result = insertFootnote(draft, position);
      assert.deepStrictEqual(result, { ok: false, reason: 'Place the cursor in the body text, right after the word or sentence the footnote belongs to.' });
    }
  });
});

describe('cite an uncited note at the cursor', () => {
  const text = ['Title', '', 'By A. Writer', '', 'EXECUTIVE SUMMARY', '', 'One.¹ Two. ', '', 'Endnotes', '', '1 A source.', '', '2 Nobody cites this.', ''].join('\n');
  const analysis = analyze(text, DEFAULT_CONFIG, { format: 'plaintext' });

  it('offers “Cite note 2 here” in body text, attaching the marker to the word before the cursor', () => {
    const fixes = citeFixes(draftOf(text, analysis.model), analysis.diagnostics, { line: 6, character: 11 });
    assert.deepStrictEqual(fixes.map((f) => f.title), ['Cite note 2 here']);
    assert.strictEqual(apply(text, fixes[0].edits), text.replace('Two. ', 'Two.² '));
  });

  it('offers nothing inside the notes', () => {
    assert.deepStrictEqual(citeFixes(draftOf(text, analysis.model), analysis.diagnostics, { line: 10, character: 5 }), []);
  });
});

describe('rename a note number at the cursor', () => {
  const text = ['Claim.¹ Other.²', '', 'Endnotes', '', '1 One.', '2 See footnote 1.', ''].join('\n');
  const draft = draftFor(text, 'plaintext');

  it('finds the number on a marker, a note and a "See footnote"', () => {
    assert.deepStrictEqual(renameTargetAt(draft.model, { line: 0, character: 6 }), { number: 1, range: { start: { line: 0, character: 6 }, end: { line: 0, character: 7 } } });
    assert.deepStrictEqual(renameTargetAt(draft.model, { line: 4, character: 0 })?.number, 1);
    assert.deepStrictEqual(renameTargetAt(draft.model, { line: 5, character: 15 })?.number, 1);
    assert.strictEqual(renameTargetAt(draft.model, { line: 0, character: 2 }), null);
  });

  it('renames from a "See footnote" number, accepting superscript digits', () => {
    const result = renameAt(draft, { line: 5, character: 15 }, '³');
    assert.ok(result.ok);
    assert.strictEqual(apply(text, result.edits), ['Claim.³ Other.²', '', 'Endnotes', '', '2 See footnote 3.', '3 One.', ''].join('\n'));
  });

  it('refuses what is not a number', () => {
    assert.deepStrictEqual(renameAt(draft, { line: 0, character: 6 }, 'x'), { ok: false, reason: '“x” is not a note number: use a whole number such as 12.' });
  });
});

describe('fix all', () => {
  it('joins split URLs, replaces repeated citations, points chains at their source, then renumbers', () => {
    const text = [
      'Title', '', 'By A. Writer', '', 'EXECUTIVE SUMMARY', '', 'A.² B.¹ C.³ D.⁴', '', 'Endnotes', '',
      '1 R. Diaz, “Delta Allocations,” Water Review, 2023, <https://example.org/delta/>', '', 'allocations.html.', '',
      '2 See footnote 3.', '',
      '3 See footnote 1.', '',
      '4 R. Diaz, “Delta Allocations,” Water Review, 2023, <https://example.org/delta/allocations.html>.', '',
    ].join('\n');
    const draft = draftFor(text, 'plaintext');
    assert.strictEqual(
      apply(text, fixAll(draft, DEFAULT_CONFIG)),
      [
        'Title', '', 'By A. Writer', '', 'EXECUTIVE SUMMARY', '', 'A.¹ B.² C.³ D.⁴', '', 'Endnotes', '',
        '1 See footnote 2.', '',
        '2 R. Diaz, “Delta Allocations,” Water Review, 2023, <https://example.org/delta/allocations.html>.', '',
        '3 See footnote 2.', '',
        '4 See footnote 2.', '',
      ].join('\n'),
    );
  });

  const briefs: Record<BriefFormat, string> = {
    markdown: [
      '# Water Prices', '', '**By A. Writer**', '', '## Executive Summary', '', 'A.[^1] B.[^2] C.[^3] D.[^4]', '', '## Endnotes', '',
      '[^1]: R. Diaz, “Delta Allocations,” Water Review, 2023.', '[^2]: See footnote 3.', '[^3]: See footnote 1.', '[^4]: R. Diaz, “Delta Allocations,” Water Review, 2023.', '',
    ].join('\n'),
    plaintext: ['A.¹ B.² C.³', '', 'Endnotes', '', '1 R. Diaz, <https://example.org/delta/>', '', 'allocations.html.', '', '2 See footnote 3.', '', '3 See footnote 1.', ''].join('\n'),
  };
  for (const format of ['markdown', 'plaintext'] as const) {
    it(`re-checks ${format} from a fork of the document's session, with the same result, and leaves the session as it was`, () => {
      const text = briefs[format];
      const session = new AnalysisSession();
      const before = analyze(text, DEFAULT_CONFIG, { format, session }).model;
      const edits = fixAll(draftOf(text, before), DEFAULT_CONFIG, session.parseReuse.fork());
      assert.ok(edits.length >= 2, 'the brief has more than one kind of fix');
      assert.deepStrictEqual(edits, fixAll(draftFor(text, format), DEFAULT_CONFIG));
      // Had the fixes' re-checks replaced what the session keeps, the notes they rewrote would be parsed again here, as new objects.
      const again = analyze(text, DEFAULT_CONFIG, { format, session }).model;
      assert.deepStrictEqual(again.endnotes.map((note, i) => note === before.endnotes[i]), before.endnotes.map(() => true));
    });
  }

  it('looks for repeated citations once per re-check, not once for each repeat it fixes', () => {
    const repeats = 20;
    const notes: string[] = [];
    for (let i = 1; i <= 2 * repeats; i++) {
      const source = i % 2 === 0 ? i - 1 : i;
      notes.push(`[^${i}]: R. Diaz, “Report ${source},” Water Review, 2023.`);
    }
    const markers = notes.map((_, i) => `[^${i + 1}]`).join(' ');
    const text = ['# Water Prices', '', '## Executive Summary', '', `Claims.${markers}`, '', '## Endnotes', '', ...notes, ''].join('\n');
    const check = duplicateSource.check;
    let checks = 0;
    duplicateSource.check = (...args) => {
      checks++;
      return check.apply(duplicateSource, args);
    };
    try {
      const fixed = apply(text, fixAll(draftFor(text, 'markdown'), DEFAULT_CONFIG));
      assert.deepStrictEqual(
        fixed.split('\n').filter((line) => line.includes('See footnote')),
        notes.flatMap((_, i) => ((i + 1) % 2 === 0 ? [`[^${i + 1}]: See footnote ${i}.`] : [])),
      );
    } finally {
      duplicateSource.check = check;
    }
    // One re-check finds the 20 repeats and one finds none; each fix reads its re-check's findings.
    assert.ok(checks <= 4, `duplicate-source ran ${checks} times`);
  });

  it('leaves rules that are turned off alone', () => {
    const text = ['A.¹', '', 'Endnotes', '', '1 R. Diaz, <https://example.org/delta/>', '', 'allocations.html.', ''].join('\n');
    assert.deepStrictEqual(fixAll(draftFor(text, 'plaintext'), { ...DEFAULT_CONFIG, rules: { 'split-url': 'off' } }), []);
    assert.strictEqual(apply(text, fixAll(draftFor(text, 'plaintext'), DEFAULT_CONFIG)), text.replace('<https://example.org/delta/>\n\nallocations.html.', '<https://example.org/delta/allocations.html>.'));
  });
});
