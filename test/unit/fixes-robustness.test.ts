/**
 * Every fix on arbitrary drafts built from the pieces briefs are made of: nothing
 * throws, every edit list applies (no overlaps), and renumbering refuses or succeeds
 * but never garbles — digits aside, the lines stay the same lines.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BriefFormat, DEFAULT_CONFIG, analyze } from '../../server/src/brief';
import { TextEdit, draftOf, editsBetween } from '../../server/src/brief/fixes/edits';
import { fixAll } from '../../server/src/brief/fixes/fixall';
import { insertFootnote } from '../../server/src/brief/fixes/insert';
import { citeFixes, fixesFor } from '../../server/src/brief/fixes/quickfix';
import { renameAt } from '../../server/src/brief/fixes/rename';
import { renumber } from '../../server/src/brief/fixes/renumber';

const PIECES = [
  '¹', '²', '¹²', '³', '[^1]', '[^2]', '[^a]', '<sup>2</sup>', '<sup>1, 3</sup>', '\n', '\n\n', '\r\n', '   ', ' ', 'word', 'Claim.', '.',
  'Endnotes', '## Endnotes', '# Title', 'By A. Writer', 'EXECUTIVE SUMMARY', '## Recommendations',
  '1 ', '2 ', '- 1 ', '- 3 ', '2. ', '[4] ', '[^1]: ', '[^a]: ', '[^2]:', 'See footnote 1.', 'See note 3.', 'Ibid.',
  'https://example.org/a-', '<https://example.org/b/>', '<https://example.org/c>.', 'rest/page.html.', 'Source, 2020.',
];

const draftArbitrary = fc.record({
  text: fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join('')),
  format: fc.constantFrom<BriefFormat>('plaintext', 'markdown'),
  line: fc.nat(40),
  character: fc.nat(60),
  name: fc.constantFrom('1', '7', '²', '0', 'x', '100000'),
});

const applies = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///b', 'plaintext', 1, text), edits);
const withoutDigits = (text: string) => text.split(/\r\n|\r|\n/).map((line) => line.replace(/[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]/g, '')).sort();

describe('fixes: robustness on arbitrary drafts', () => {
  it('never throws, and every edit list applies', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(draftArbitrary, ({ text, format, line, character, name }) => {
        const analysis = analyze(text, DEFAULT_CONFIG, { format });
        const draft = draftOf(text, analysis.model);
        const position = { line, character };
        for (const diagnostic of analysis.diagnostics) for (const fix of fixesFor(draft, diagnostic, DEFAULT_CONFIG)) applies(text, fix.edits);
        for (const fix of citeFixes(draft, analysis.diagnostics, position)) applies(text, fix.edits);
        applies(text, fixAll(draft, DEFAULT_CONFIG));
        const inserted = insertFootnote(draft, position);
        if (inserted.ok) applies(text, inserted.edits);
        const renamed = renameAt(draft, position, name);
        if (renamed.ok) assert.deepStrictEqual(withoutDigits(applies(text, renamed.edits)), withoutDigits(text));
        const renumbered = renumber(draft);
        if (renumbered.ok) assert.deepStrictEqual(withoutDigits(applies(text, renumbered.edits)), withoutDigits(text));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('fixes: edits between two versions of a text', () => {
  const lineArbitrary = fc.constantFrom('', 'a', 'b', 'c', 'note 1', 'note 2', '   ');
  it('apply exactly, whatever lines were inserted, deleted, changed or renumbered, with any line break', function () {
    this.timeout(30_000);
    fc.assert(
      fc.property(
        fc.array(lineArbitrary, { maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(3), fc.nat(40), lineArbitrary), { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        (before, operations, lineBreak) => {
          const after = before.slice();
          for (const [kind, where, line] of operations) {
            const at = after.length ? where % after.length : 0;
            if (kind === 0) after.splice(at, 0, line);
            else if (kind === 1 && after.length) after.splice(at, 1);
            else if (kind === 2 && after.length) after[at] = `${after[at]}${line}x`;
            else if (after.length) after[at] = after[at].replace(/\d/g, (d) => String((Number(d) + 1) % 10));
          }
          assert.strictEqual(applies(before.join(lineBreak), editsBetween(before, after, lineBreak)), after.join(lineBreak));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('stay exact past the alignment limit (thousands of changed lines and a deleted one)', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `line ${i}`);
    const after = before.filter((_, i) => i !== 1500).map((line) => `${line}.`);
    assert.strictEqual(applies(before.join('\n'), editsBetween(before, after, '\n')), after.join('\n'));
  });
});
