/**
 * Property tests for Renumber Footnotes on generated briefs (both formats) and on
 * the two real drafts with markers and notes shuffled, added or removed: the
 * result is idempotent, first citations read start..N, every marker and every
 * "See footnote" leads to the same source as before, the editor edits produce
 * exactly the renumbered text, and, digits aside, the lines are the same lines.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BriefFormat, BriefModel, Endnote, parseBrief } from '../../server/src/brief';
import { draftOf } from '../../server/src/brief/fixes/edits';
import { renumber } from '../../server/src/brief/fixes/renumber';
import { findNote, notesByNumber, resolveChain } from '../../server/src/brief/query';
import { MARKDOWN_SEED, PLAINTEXT_SEED, readText, seedsPresent } from '../helpers';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (n: number) => String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]);
const WORDS = ['Atlantic', 'Council', 'Reuters', 'Brookings', 'Carnegie', 'Review', 'Quarterly', 'Institute', 'Press', 'Journal'];

/** Where a marker or "See footnote" ends up: the text of the note that holds the source, or how the chain fails. */
function sourceOf(model: BriefModel, note: Endnote | undefined): string {
  if (!note) return 'missing';
  const chain = resolveChain(model, note, notesByNumber(model));
  return chain.root ? chain.root.text : chain.status;
}

function withoutDigits(lines: string[]): string[] {
  return lines.map((line) => line.replace(/[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]/g, '')).sort();
}

/** Checks every property of one renumbering and returns the renumbered text. */
function checkRenumber(text: string, format: BriefFormat): string {
  const model = parseBrief(text, format);
  const draft = draftOf(text, model);
  const result = renumber(draft);
  assert.ok(result.ok, `refused: ${!result.ok && result.reason}`);
  const output = result.lines.join(draft.lineBreak);
  const applied = TextDocument.applyEdits(TextDocument.create('file:///brief', 'plaintext', 1, text), result.edits);
  assert.strictEqual(applied, output, 'the editor edits give the renumbered text');

  const after = parseBrief(output, format);
  assert.deepStrictEqual(withoutDigits(after.lines), withoutDigits(model.lines), 'only digits change; notes move whole');
  assert.strictEqual(after.markers.length, model.markers.length);

  const numberedNotes = model.endnotes.filter((n) => n.number !== null);
  const start = numberedNotes.length ? Math.min(...numberedNotes.map((n) => n.number as number)) : 0;
  const firsts: number[] = [];
  for (const marker of after.markers) if (marker.number !== null && !firsts.includes(marker.number)) firsts.push(marker.number);
  assert.deepStrictEqual(firsts, firsts.map((_, i) => start + i), 'first citations read start..N');

  model.markers.forEach((marker, i) => {
    const moved = after.markers[i];
    assert.strictEqual(moved.style, marker.style, 'a marker keeps its form');
    assert.strictEqual(sourceOf(after, findNote(after, moved)), sourceOf(model, findNote(model, marker)), `marker ${i} cites the same source`);
  });
  const renamed = (n: number) => result.changes.get(n) ?? n;
  for (const note of model.endnotes) {
    if (!note.seeNote || note.number === null) continue;
    const target = note.seeNote.target === null ? undefined : notesByNumber(model).get(note.seeNote.target)?.[0];
    const moved = notesByNumber(after).get(renamed(note.number))?.[0];
    assert.ok(moved?.seeNote, `note ${note.number} is still a "See footnote" note`);
    const movedTarget = moved.seeNote.target === null ? undefined : notesByNumber(after).get(moved.seeNote.target)?.[0];
    assert.strictEqual(sourceOf(after, movedTarget), sourceOf(model, target), `note ${note.number}'s reference leads to the same source`);
  }

  const again = renumber(draftOf(output, after));
  assert.ok(again.ok);
  assert.deepStrictEqual(again.edits, [], 'renumbering twice changes nothing the second time');
  return output;
}

interface GeneratedBrief {
  format: BriefFormat;
  start: number;
  gaps: number[];
  listOrder: number[];
  citations: number[];
  seeTargets: number[];
  markerStyles: number[];
  noteStyle: number;
  blankBetween: boolean;
  wrap: number[];
  wordLabel: boolean;
  crlf: boolean;
}

const briefArbitrary: fc.Arbitrary<GeneratedBrief> = fc.record({
  format: fc.constantFrom<BriefFormat>('plaintext', 'markdown'),
  start: fc.oneof(fc.constant(1), fc.constant(67), fc.integer({ min: 1, max: 400 })),
  gaps: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 12 }),
  listOrder: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
  citations: fc.array(fc.nat(), { maxLength: 30 }),
  seeTargets: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
  markerStyles: fc.array(fc.nat({ max: 2 }), { minLength: 30, maxLength: 30 }),
  noteStyle: fc.nat({ max: 3 }),
  blankBetween: fc.boolean(),
  wrap: fc.array(fc.nat({ max: 4 }), { minLength: 12, maxLength: 12 }),
  wordLabel: fc.boolean(),
  crlf: fc.boolean(),
});

/** A brief with notes listed in a shuffled order, cited in a random order, some of them "See footnote" notes. */
function buildBrief(g: GeneratedBrief): string {
  const count = g.gaps.length;
  const numbers: number[] = [];
  g.gaps.forEach((gap, i) => numbers.push(i === 0 ? g.start : numbers[i - 1] + gap));
  const markdown = g.format === 'markdown';
  const marker = (n: number, i: number) => {
    const style = markdown ? g.markerStyles[i % 30] : 0;
    return style === 0 ? sup(n) : style === 1 ? `[^${n}]` : `<sup>${n}</sup>`;
  };
  const body: string[] = [];
  let paragraph: string[] = [];
  g.citations.forEach((c, i) => {
    paragraph.push(`Claim ${WORDS[c % WORDS.length].toLowerCase()} ${i}.${marker(numbers[c % count], i)}`);
    if (i === 1 && g.wordLabel && markdown) paragraph.push('A named source.[^smith]');
    if (paragraph.length === 3) {
      body.push(paragraph.join(' '), '');
      paragraph = [];
    }
  });
  if (paragraph.length) body.push(paragraph.join(' '), '');

  const gfmNotes = markdown && g.noteStyle >= 2;
  const noteLines = (i: number): string[] => {
    const n = numbers[i];
    const seeTarget = g.seeTargets[i] % 5 === 0 && count > 1 ? (i + 1 + (g.seeTargets[i] % (count - 1))) % count : -1;
    const text = seeTarget >= 0 ? `See footnote ${numbers[seeTarget]}.` : `${WORDS[i % WORDS.length]} ${WORDS[(i * 7 + 3) % WORDS.length]} source ${'abcdefghijkl'[i]}, ${2000 + i}.`;
    const head = gfmNotes ? `[^${n}]: ` : markdown ? `${n}. ` : ['- ', '', ''][g.noteStyle % 3] + `${n}${g.noteStyle === 2 ? '.' : ''} `;
    if (g.wrap[i] !== 0 || seeTarget >= 0) return [head + text];
    const indent = gfmNotes ? '    ' : markdown ? '   ' : '';
    return [`${head}${WORDS[(i + 5) % WORDS.length]}, “A report in`, `${indent}two lines,” ${text}`];
  };
  const order = numbers.map((_, i) => i).sort((a, b) => g.listOrder[a] - g.listOrder[b] || a - b);
  const notes: string[] = [];
  order.forEach((i, k) => {
    if (k > 0 && (g.blankBetween || gfmNotes)) notes.push('');
    notes.push(...noteLines(i));
    if (k === 0 && g.wordLabel && gfmNotes) notes.push('', '[^smith]: Smith, A named source, 2019.');
  });
  if (g.wordLabel && markdown && !gfmNotes) notes.push('', '[^smith]: Smith, A named source, 2019.');

  const lines = markdown
    ? ['# A Generated Brief', '', '**By A. Writer**', '', '## Executive Summary', '', ...body, '## Endnotes', '', ...notes, '']
    : ['A Generated Brief', '', 'By A. Writer', '', 'EXECUTIVE SUMMARY', '', ...body, 'Endnotes', '', ...notes, ''];
  return lines.join(g.crlf ? '\r\n' : '\n');
}

describe('renumber: properties', () => {
  it('holds on generated briefs in both formats', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(briefArbitrary, (g) => {
        checkRenumber(buildBrief(g), g.format);
      }),
      { numRuns: 1000 },
    );
  });

  const seedIt = seedsPresent() ? it : it.skip;

  seedIt('holds on the plain-text seed with markers moved out of order and new notes cited', function () {
    this.timeout(60_000);
    const model = parseBrief(readText(PLAINTEXT_SEED), 'plaintext');
    const count = model.markers.length;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
        (swaps, additions) => {
          // Swapping where two markers stand keeps every citation but changes which comes first.
          const shown = model.markers.map((m) => sup(m.number as number));
          for (const [a, b] of swaps) [shown[a % count], shown[b % count]] = [shown[b % count], shown[a % count]];
          const lines = model.lines.slice();
          [...model.markers.entries()]
            .sort(([, p], [, q]) => q.range.start.line - p.range.start.line || q.range.start.character - p.range.start.character)
            .forEach(([k, m]) => {
              const line = m.range.start.line;
              lines[line] = lines[line].slice(0, m.range.start.character) + shown[k] + lines[line].slice(m.range.end.character);
            });
          additions.forEach(([where, seed], k) => {
            const n = model.endnotes.length + 1 + k;
            const line = model.markers[where % count].range.start.line;
            lines[line] = lines[line].replace(/\.(\s|$)/, `.${sup(n)}$1`);
            lines.push('', `${n} Added source ${seed}, “A new report,” 2024.`);
          });
          checkRenumber(lines.join('\n'), 'plaintext');
        },
      ),
      { numRuns: 200 },
    );
  });

  seedIt('holds on the Markdown seed with GFM, <sup> and superscript notes added to its paragraphs', function () {
    this.timeout(60_000);
    const original = readText(MARKDOWN_SEED);
    const model = parseBrief(original, 'markdown');
    const paragraphs = model.lines.map((line, i) => ({ line, i })).filter(({ line }) => /^[A-Z].*\.$/.test(line));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 })), { minLength: 1, maxLength: 8 }), (citations) => {
        const lines = model.lines.slice();
        const notes: string[] = [];
        citations.forEach(([where, style], k) => {
          const n = citations.length - k;
          const { i } = paragraphs[where % paragraphs.length];
          lines[i] += ` As reported.${style === 0 ? sup(n) : style === 1 ? `[^${n}]` : `<sup>${n}</sup>`}`;
          notes.push(`[^${n}]: Source ${'abcdefgh'[k]}, “A cited report,” 2023.`, '');
        });
        checkRenumber([...lines, '', ...notes].join('\n'), 'markdown');
      }),
      { numRuns: 20 },
    );
  });
});
