/**
 * Incremental analysis equals analysis from scratch: after every edit of a random
 * sequence, the model and diagnostics that an AnalysisSession produces (reusing
 * Markdown chunks and rule findings from the previous version) are exactly those of
 * a fresh analysis of the same text. Edits insert and delete the pieces briefs are
 * made of — line breaks, headings, markers, note numbers, definitions, fences,
 * comments, "See footnote" phrases — so that chunks split, merge and change meaning,
 * and settings change along the way.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { AnalysisSession, BriefConfig, BriefFormat, DEFAULT_CONFIG, Rule, analyze, parseBrief, resolveConfig, runRules } from '../../server/src/brief';
import { parseMarkdown } from '../../server/src/brief/parse/markdown';
import { LineIndex } from '../../server/src/brief/parse/text';
import { ByLine, TextMemo } from '../../server/src/brief/memo';
import { generateBrief } from '../../bench/generate';
import { FIXTURES, MARKDOWN_SEED, readText, seedsPresent } from '../helpers';

const PIECES = [
  '\n', '\n\n', '\r\n', ' ', 'e', 'Word', '# ', '## ', '### ', 'Endnotes', 'ENDNOTES\n', 'Recommendations',
  '[^1]', '[^2]', '[^9]: A source, 2020.', '\n[^3]: ', '¹', '²³', '<sup>4</sup>', '<sup>2, 5</sup>', '- 3 ', '12 ', '4. ',
  'See footnote 2.', 'Ibid.', 'See note 40', 'https://ex.org/a', '<https://ex.org/', '[t](#)', '[link](https://a.org)',
  '```\n', '~~~', '<!-- ', ' -->', '<div>', '    ', '**', '> ', '□', '\t', '\n\n7. ', '\n\n[^8]: Ibid.', '\n<!--\n\n',
  '\n[ref]: https://ex.org/r\n', '[a][ref]', '1) ', '  - ',
];

/** Where in the text an edit lands, as a fraction of its length. Not fc.double: doubles in [0, 1] are spread evenly over their bit patterns, so nine in ten are below 0.1 and the edits would pile up at the start. */
const FRACTION = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);

type TextEdit = { at: number; remove: number; insert: string };
/** `several`: edits made at once, in one version, as a fix-all or a replace-all makes them. */
type Edit = TextEdit | { several: TextEdit[] } | { settings: BriefConfig };

const OTHER_SETTINGS = resolveConfig({ rules: { 'marker-order': 'off', 'orphan-marker': 'hint' }, requiredSections: ['Summary', 'Endnotes'] }).config;

const textEditArbitrary: fc.Arbitrary<TextEdit> = fc.record({
  at: FRACTION,
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(40)),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.constant('')),
});
/** Characters typed over others: the lines keep their length, so only their text tells a changed note (or number) from the one before. */
const overwriteArbitrary: fc.Arbitrary<TextEdit> = fc
  .record({ at: FRACTION, insert: fc.stringOf(fc.constantFrom('e', '7', '1', '.', ' ', 'I'), { minLength: 1, maxLength: 3 }) })
  .map(({ at, insert }) => ({ at, remove: insert.length, insert }));
const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 12, arbitrary: textEditArbitrary },
  { weight: 6, arbitrary: overwriteArbitrary },
  { weight: 3, arbitrary: fc.record({ several: fc.array(textEditArbitrary, { minLength: 2, maxLength: 5 }) }) },
  { weight: 1, arbitrary: fc.constantFrom<Edit>({ settings: OTHER_SETTINGS }, { settings: DEFAULT_CONFIG }) },
);

function apply(text: string, edit: TextEdit | { several: TextEdit[] }): string {
  if ('several' in edit) return edit.several.reduce(apply, text);
  const at = Math.floor(edit.at * text.length);
  return text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
}

/** Small briefs of both formats, with every kind of note, marker, defect and markup the benchmark uses. */
const BRIEFS: Record<BriefFormat, string[]> = {
  markdown: [...[1, 2, 3, 4].map((seed) => generateBrief('markdown', 2500, seed)), generateBrief('markdown', 2500, 5, { markup: true })],
  plaintext: [1, 2, 3].map((seed) => generateBrief('plaintext', 2500, seed)),
};

function comparable(analysis: ReturnType<typeof analyze>) {
  return { model: analysis.model, diagnostics: analysis.diagnostics, failures: analysis.ruleFailures.map((f) => f.code) };
}

function checkSequence(format: BriefFormat, base: number, edits: Edit[]): void {
  const session = new AnalysisSession();
  let text = BRIEFS[format][base];
  let config = DEFAULT_CONFIG;
  const incremental = () => comparable(analyze(text, config, { format, session }));
  const fresh = () => comparable(analyze(text, config, { format }));
  assert.deepStrictEqual(incremental(), fresh());
  edits.forEach((edit, step) => {
    if ('settings' in edit) config = edit.settings;
    else text = apply(text, edit);
    assert.deepStrictEqual(incremental(), fresh(), `after edit ${step + 1}: ${JSON.stringify(edit)}`);
  });
}

describe('incremental analysis equals analysis from scratch', () => {
  for (const format of ['markdown', 'plaintext'] as BriefFormat[]) {
    it(`${format}: after any sequence of random edits`, () => {
      fc.assert(
        fc.property(fc.nat(BRIEFS[format].length - 1), fc.array(editArbitrary, { minLength: 1, maxLength: 12 }), (base, edits) => checkSequence(format, base, edits)),
        { numRuns: 30, seed: 20261123 },
      );
    });
  }

  it('finds in plain text, in one pass over the whole text, the markers and URLs a pass per line finds', () => {
    // Line starts as the space before a superscript, units and powers of ten cut by a break, every line ending, the notes' numbers.
    const text = [
      'Title', 'By A. Writer', '', 'Summary', '', 'Rents rose.¹²', '³ not a marker', 'in m', '² and 10', '⁶ and km²', 'x²\r\ny³\rz⁴',
      'See https://ex.org/a.⁵ and <www.ex.org/b>⁶', '[^7] and <sup>8, 9</sup>', '', 'Endnotes', '', '1 A source, https://ex.org/c.', '2 Ibid.¹',
      '3 See note 1.²', '', 'ABOUT THE AUTHOR', '', 'Shown¹⁰ after the notes.',
    ].join('\n');
    const whole = analyze(text, DEFAULT_CONFIG, { format: 'plaintext' }).model;
    const byLine = analyze(text, DEFAULT_CONFIG, { format: 'plaintext', session: new AnalysisSession() }).model;
    assert.deepStrictEqual(
      whole.markers.map((m) => `${m.label}@${m.range.start.line}:${m.range.start.character}`),
      ['12@5:11', '2@10:1', '3@11:1', '4@12:1', '5@13:21', '6@13:41', '7@14:0', '8@14:9', '9@14:9', '10@24:5'],
    );
    assert.deepStrictEqual(whole.urls.map((u) => `${u.url}@${u.range.start.line}`), ['https://ex.org/a@13', 'www.ex.org/b@13', 'https://ex.org/c@18']);
    assert.deepStrictEqual(byLine.markers, whole.markers);
    assert.deepStrictEqual(byLine.urls, whole.urls);
  });

  it('builds an unchanged Ibid. note again when the note before it gets another number', () => {
    const before = ['Claims.¹ ²', '', 'Endnotes', '', '1 R. Diaz, “Delta Allocations,” 2023.', '2 Ibid.', ''].join('\n');
    const after = before.replace('1 R. Diaz', '3 R. Diaz');
    const session = new AnalysisSession();
    const first = analyze(before, DEFAULT_CONFIG, { format: 'plaintext', session }).model.endnotes[1];
    const second = analyze(after, DEFAULT_CONFIG, { format: 'plaintext', session }).model.endnotes[1];
    assert.deepStrictEqual([first.seeNote?.target, second.seeNote?.target], [1, 3]);
    assert.deepStrictEqual(second, analyze(after, DEFAULT_CONFIG, { format: 'plaintext' }).model.endnotes[1]);
  });

  it('keeps a Markdown first version, parsed in joined pieces, piece by piece: each piece is found again on its own', () => {
    const numbers = Array.from({ length: 12 }, (_, i) => i + 1);
    const notes = numbers.map((n) => `[^${n}]: Author ${n}, “Title ${n},” Outlet, 2020.`);
    const calls = numbers.map((n) => `[^${n}]`).join(' ');
    const before = ['# Brief', '', `Text.${calls}`, '', '## Endnotes', '', ...notes.flatMap((n) => [n, '']), '```', '13. Not a note.', '```', ''].join('\n');
    const session = new AnalysisSession();
    const first = analyze(before, DEFAULT_CONFIG, { format: 'markdown', session }).model;
    assert.deepStrictEqual(first, analyze(before, DEFAULT_CONFIG, { format: 'markdown' }).model);
    assert.deepStrictEqual(first.endnotes.map((n) => n.number), numbers, 'the fenced line is not a note');
    // The fence stands in the last note's piece: without it, that piece alone is parsed again, and the line is a note.
    const after = before.replace('Author 4,', 'Author Four,').replace(/```/g, '');
    const second = analyze(after, DEFAULT_CONFIG, { format: 'markdown', session }).model;
    assert.deepStrictEqual(second, analyze(after, DEFAULT_CONFIG, { format: 'markdown' }).model);
    assert.deepStrictEqual(second.endnotes.map((n) => n.number), [...numbers, 13]);
    const kept = second.endnotes.filter((note, i) => note === first.endnotes[i]).map((n) => n.number);
    assert.deepStrictEqual(kept, [1, 2, 3, 5, 6, 7, 8, 9, 10, 11], 'the notes of the pieces left alone are the same objects');
  });

  it('reuses findings of rules whose inputs an edit left alone, and re-runs the others', () => {
    const text = BRIEFS.markdown[0];
    const session = new AnalysisSession();
    const first = analyze(text, DEFAULT_CONFIG, { format: 'markdown', session });
    const paragraph = first.model.lines.findIndex((line) => line.length > 80 && !/[¹²³⁴⁵⁶⁷⁸⁹⁰\]>]/.test(line));
    assert.ok(paragraph > 0, 'the brief has a paragraph line without markers');
    const lines = text.split('\n');
    lines[paragraph] = 'e' + lines[paragraph];
    const second = analyze(lines.join('\n'), DEFAULT_CONFIG, { format: 'markdown', session });
    const byCode = (code: string, a: typeof first) => a.diagnostics.filter((d) => d.code === code);
    assert.ok(byCode('incomplete-citation', first).length > 0 || byCode('see-footnote-chain', first).length > 0, 'the brief has note findings');
    for (const code of ['see-footnote-chain', 'incomplete-citation', 'numbering-gap']) {
      const before = byCode(code, first);
      const after = byCode(code, second);
      assert.strictEqual(after.length, before.length);
      after.forEach((d, i) => assert.strictEqual(d.range, before[i].range, `${code}: the finding of the previous version is reused`));
    }
    const complete = byCode('incomplete-citation', second).map((d) => d.range.start.line);
    const note = second.model.endnotes.find((n) => !n.seeNote && !complete.includes(n.range.start.line))!;
    const noteLine = note.range.start.line;
    lines[noteLine] = lines[noteLine].slice(0, note.segments[0].range.start.character) + 'Unnamed draft.';
    const third = analyze(lines.join('\n'), DEFAULT_CONFIG, { format: 'markdown', session });
    assert.deepStrictEqual(
      byCode('incomplete-citation', third).filter((d) => d.range.start.line === noteLine).map((d) => d.message),
      [`Note ${note.label} lacks a title (in quotes or italics), a date (a year at least) and a locator (a URL, a DOI, or volume and pages): a reader needs them to find the source.`],
      'a rule whose input changed runs again',
    );
  });
});

describe('a rule’s memory in an editing session', () => {
  function probeRule(check: Rule['check']): Rule {
    return { code: 'memory-probe', description: 'A test rule that reports what it computed.', defaultSeverity: 'information', fixable: false, check };
  }

  /** A rule that reports each line's length, reading lines through its memory, and counts the lines it computed. */
  function lineLengthRule() {
    const computed: number[] = [];
    const rule = probeRule((model, _config, memory) => {
      const measure = (text: string, line: number) => {
        computed.push(line);
        return text.length;
      };
      const lengths = memory ? memory.perLine(model.lines, measure, (length) => length) : model.lines.map(measure);
      return lengths.map((length, line) => ({ range: { start: { line, character: 0 }, end: { line, character: length } }, message: String(length) }));
    });
    return { rule, computed };
  }

  function check(text: string, rule: Rule, session?: AnalysisSession) {
    session?.beginVersion();
    const model = parseBrief(text, 'plaintext', session?.parseReuse);
    return runRules(model, DEFAULT_CONFIG, [rule], session).diagnostics.map((d) => d.message);
  }

  it('computes again only the lines an edit changed, in that session only', () => {
    const lines = ['Title', '', 'Executive Summary', '', 'First line.', 'Second line.', 'Third line.'];
    const { rule, computed } = lineLengthRule();
    const session = new AnalysisSession();
    check(lines.join('\n'), rule, session);
    assert.deepStrictEqual(computed, [0, 1, 2, 3, 4, 5, 6]);
    computed.length = 0;
    const edited = [...lines.slice(0, 5), 'Second line, longer.', 'Added line.', ...lines.slice(6)];
    assert.deepStrictEqual(check(edited.join('\n'), rule, session), check(edited.join('\n'), lineLengthRule().rule));
    assert.deepStrictEqual(computed, [5, 6], 'only the changed and the added line are measured again');
    computed.length = 0;
    check(edited.join('\n'), rule, new AnalysisSession());
    assert.deepStrictEqual(computed, [0, 1, 2, 3, 4, 5, 6, 7], 'another session (another document) starts from nothing');
  });

  it('remembers a function of a note’s text by text, in that session only', () => {
    const computed: string[] = [];
    const shout = (text: string) => {
      computed.push(text);
      return text.toUpperCase();
    };
    const rule = probeRule((model, _config, memory) => {
      const shoutOf = memory ? memory.remember(shout) : shout;
      return model.endnotes.map((note) => ({ range: note.range, message: shoutOf(note.text) }));
    });
    const brief = (second: string) => `Title\n\nExecutive Summary\n\nA claim.¹ Another.²\n\nEndnotes\n\n1 First source, 2020.\n2 ${second}`;
    const session = new AnalysisSession();
    assert.deepStrictEqual(check(brief('Second source, 2021.'), rule, session), ['FIRST SOURCE, 2020.', 'SECOND SOURCE, 2021.']);
    assert.deepStrictEqual(check(brief('Second source, 2022.'), rule, session), ['FIRST SOURCE, 2020.', 'SECOND SOURCE, 2022.']);
    assert.deepStrictEqual(computed, ['First source, 2020.', 'Second source, 2021.', 'Second source, 2022.'], 'an unchanged note is not computed again');
    computed.length = 0;
    check(brief('Second source, 2022.'), rule);
    check(brief('Second source, 2022.'), rule, new AnalysisSession());
    assert.strictEqual(computed.length, 4, 'a check without a session, and another session, compute every note');
  });
});

describe('functions of a text remembered together', () => {
  it('compute each text once per function, and all start over once the memo holds its capacity of texts', () => {
    const computed: string[] = [];
    const memo = new TextMemo(2);
    const length = (text: string) => (computed.push(`length ${text}`), text.length);
    const shout = (text: string) => (computed.push(`shout ${text}`), text.toUpperCase());
    assert.strictEqual(memo.of(length), memo.of(length), 'one remembered function per function');
    assert.deepStrictEqual([memo.of(length)('ab'), memo.of(shout)('ab'), memo.of(length)('ab'), memo.of(shout)('ab')], [2, 'AB', 2, 'AB']);
    assert.deepStrictEqual(computed, ['length ab', 'shout ab'], 'each function computes the text once');
    computed.length = 0;
    memo.of(length)('cde');
    memo.of(length)('f');
    assert.deepStrictEqual([memo.of(length)('ab'), memo.of(shout)('ab')], [2, 'AB']);
    assert.deepStrictEqual(computed, ['length cde', 'length f', 'length ab', 'shout ab'], 'the third text started the memo over, for both functions');
  });
});

describe('the line index of a later version, cut again only where it changed', () => {
  const breaksAndText = fc.constantFrom('\n', '\r', '\r\n', '\n\n', 'a', 'bc', '', ' ', 'a\nb', '\r\r\n');
  const index = (text: string) => ({ lines: new LineIndex(text).lines, starts: new LineIndex(text).starts });

  it('equals the index cut from scratch, whatever the edits do to line breaks', () => {
    fc.assert(
      fc.property(
        fc.array(breaksAndText, { maxLength: 30 }).map((pieces) => pieces.join('')),
        fc.array(fc.record({ at: FRACTION, remove: fc.nat(6), insert: fc.array(breaksAndText, { maxLength: 4 }).map((p) => p.join('')) }), {
          minLength: 1,
          maxLength: 10,
        }),
        (start, edits) => {
          let text = start;
          let incremental = new LineIndex(text);
          for (const edit of edits) {
            text = apply(text, edit);
            incremental = LineIndex.following(incremental, text);
            assert.deepStrictEqual({ lines: incremental.lines, starts: incremental.starts }, index(text), JSON.stringify(text));
          }
        },
      ),
      { numRuns: 500, seed: 20261123 },
    );
  });

  it('shifts the starts of the lines after the edit, and gives the same index for the same text', () => {
    const before = new LineIndex(['one line', 'two line', 'three line', 'four line', 'five line'].join('\n'));
    const after = LineIndex.following(before, before.text.replace('three', 'thre'));
    assert.deepStrictEqual(after.lines, ['one line', 'two line', 'thre line', 'four line', 'five line']);
    assert.deepStrictEqual(after.starts, [0, 9, 18, 28, 38]);
    assert.strictEqual(LineIndex.following(after, after.text), after);
  });
});

describe('per-line results carried by position', () => {
  type Placed = { text: string; line: number };
  const place = (text: string, line: number): Placed => ({ text, line });
  const move = (result: Placed, by: number): Placed => ({ ...result, line: result.line + by });
  const splice = fc.record({ at: fc.nat(40), remove: fc.nat(4), insert: fc.array(fc.constantFrom('a', 'b', '', 'c c'), { maxLength: 4 }) });

  it('equal computing every line again, whatever lines the edits add, remove or repeat', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '', 'c c'), { maxLength: 30 }), fc.array(fc.array(splice, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (start, versions) => {
        const carry = new ByLine<Placed>();
        let lines = start;
        assert.deepStrictEqual(carry.map(lines, place, move), lines.map(place));
        for (const edits of versions) {
          lines = [...lines];
          for (const { at, remove, insert } of edits) lines.splice(Math.min(at, lines.length), remove, ...insert);
          assert.deepStrictEqual(carry.map(lines, place, move), lines.map(place), JSON.stringify(lines));
        }
      }),
      { numRuns: 500, seed: 20261123 },
    );
  });

  it('computes only the lines between the edit’s ends, keeps the results above it and moves those below', () => {
    const carry = new ByLine<Placed>();
    const before = carry.map(['one', 'two', 'three', 'four'], place, move);
    const computed: string[] = [];
    const after = carry.map(['one', 'two', 'new', 'lines', 'four'], (text, line) => (computed.push(text), place(text, line)), move);
    assert.deepStrictEqual(computed, ['new', 'lines']);
    assert.strictEqual(after[1], before[1]);
    assert.deepStrictEqual(after[4], { text: 'four', line: 4 });
  });
});

describe('Markdown cut at every note, or in pieces of 4 KB, parses as Markdown cut at headings only', () => {
  const same = (text: string, label: string) => {
    const sections = parseMarkdown(text, undefined, 'sections');
    assert.deepStrictEqual(parseMarkdown(text, undefined, 'notes'), sections, label);
    assert.deepStrictEqual(parseMarkdown(text, undefined, 'merged'), sections, label);
  };

  it('after any sequence of random edits', () => {
    fc.assert(
      fc.property(fc.nat(BRIEFS.markdown.length - 1), fc.array(editArbitrary, { minLength: 1, maxLength: 12 }), (base, edits) => {
        let text = BRIEFS.markdown[base];
        for (const edit of edits) {
          if ('settings' in edit) continue;
          text = apply(text, edit);
          same(text, JSON.stringify(edit));
        }
      }),
      { numRuns: 20, seed: 20261123 },
    );
  });

  it('does not join a piece calling a footnote to pieces defining it, nor a tag alone on a line to the heading below it', () => {
    const text = ['# Brief', '', 'Text.[^1] More.[^2]', '', '<sup>', '## Background', '', 'More text.', '', '## Sources', '', 'As [^2](https://example.org/two) says.', '[^1]: A source.', '', '[^2]: Another source.', ''].join('\n');
    // Against the cut a session makes (at headings only, the second piece would see both definitions).
    const model = parseMarkdown(text, undefined, 'merged');
    assert.deepStrictEqual(model, parseMarkdown(text, undefined, 'notes'));
    assert.deepStrictEqual(model.sections.map((s) => s.title), ['Brief', 'Background', 'Sources']);
    // With no definition of 2 in its piece, `[^2](…)` is a link, as it is when every piece is parsed alone.
    assert.deepStrictEqual(model.links.map((l) => [l.text, l.target]), [['^2', 'https://example.org/two']]);
  });

  it('on every Markdown fixture and the real Markdown draft', function () {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(path.join(dir, entry.name));
        else if (entry.name.endsWith('.md')) files.push(path.join(dir, entry.name));
      }
    };
    walk(FIXTURES);
    if (seedsPresent()) files.push(MARKDOWN_SEED);
    assert.ok(files.length > 5);
    for (const file of files) same(readText(file), file);
  });
});
