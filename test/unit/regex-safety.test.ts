/**
 * Every regular expression literal in the core (server/src/brief) is checked with
 * safe-regex2 for nested quantifiers, the shape of catastrophic backtracking. The
 * literals are found with the TypeScript parser, so none is missed and none is
 * confused with a division. (The few `new RegExp(…)` in the core are built from
 * word lists and these literals' sources.) Quadratic shapes safe-regex2 cannot see (a `\S*$` retried
 * from many starts) are covered by the long runs in hostile.test.ts.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import safeRegex from 'safe-regex2';
import * as ts from 'typescript';
import { ROOT } from '../helpers';

const CORE = path.join(ROOT, 'server', 'src', 'brief');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

interface Literal {
  file: string;
  line: number;
  text: string;
}

function regexLiterals(file: string): Literal[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const literals: Literal[] = [];
  const where = (node: ts.Node) => ({ file: path.relative(ROOT, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.getText() });
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) literals.push(where(node));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return literals;
}

/**
 * Reviewed exceptions: safe-regex2 cannot parse lookbehind, and counts `?` or a bounded
 * `{m,n}` over a group as a star, so it flags these although each inner repetition is
 * bounded or separated by a fixed character, which keeps matching linear. Keyed by
 * source; an entry that no longer matches a literal fails the test.
 */
const REVIEWED: Record<string, string> = {
  '/\\[([^\\]]{0,500})\\]\\(\\s*<?([^)\\s>]{0,2000})>?(?:\\s+"[^"]{0,500}")?\\s*\\)/g': 'every repetition bounded; the optional title starts with a quote',
  '/\\bpp?\\.\\s*(\\d{1,6}(?:\\s*[-–—]\\s*\\d{1,6})?)/': 'optional range after a dash, digits bounded',
  '/\\b(\\d{1,4})\\s*\\((\\d{1,4})\\)\\s*:\\s*(\\d{1,6}(?:\\s*[-–—]\\s*\\d{1,6})?)/': 'optional range after a dash, digits bounded',
  '/https?:\\/\\/(?:www\\.)?|(?<![\\w.])www\\./g': 'one-character lookbehind',
  '/\\[\\^([^\\]\\s[^]{1,64})\\](?!:)|<sup>[ \\t]*(\\d{1,5}(?:[ \\t]*,[ \\t]*\\d{1,5}){0,20})[ \\t]*<\\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gi': 'at most 20 list items, each after a fixed comma',
  '/^\\s*(?:\\d+(?:\\.\\d+)*|[ivxlc]+)[.)]\\s+/': 'digit groups separated by a fixed dot: one way to match',
  '/\\b(?:see(?:\\s+also)?\\s+(?:foot|end)?notes?\\s+(\\d{1,5})|see(?:\\s+also)?\\s+nn?\\.\\s*(\\d{1,5})|ibid\\b\\.?)/gi': 'optional fixed word "also"',
};

function toRegExp(literal: string): RegExp {
  const lastSlash = literal.lastIndexOf('/');
  return new RegExp(literal.slice(1, lastSlash), literal.slice(lastSlash + 1));
}

describe('regular expressions in the core', () => {
  const literals = sourceFiles(CORE).flatMap(regexLiterals);

  it('are found by parsing the sources (the scan sees the core’s regexes)', () => {
    assert.ok(literals.length >= 40, `only ${literals.length} regex literals found under ${CORE}`);
    assert.ok(literals.some((l) => l.file.endsWith(path.join('parse', 'scan.ts')) && l.text.includes('<sup>')), 'the marker pattern in parse/scan.ts was not found');
  });

  it('every one compiles and has no nested quantifier (safe-regex2)', () => {
    const unsafe = literals.filter((l) => !safeRegex(toRegExp(l.text)) && !(l.text in REVIEWED)).map((l) => `${l.file}:${l.line} ${l.text}`);
    assert.deepStrictEqual(unsafe, []);
  });

  it('has no stale reviewed exception', () => {
    const sources = new Set(literals.map((l) => l.text));
    assert.deepStrictEqual(Object.keys(REVIEWED).filter((text) => !sources.has(text)), []);
  });
});
