/**
 * unrenderable-glyph — characters lost in conversion, shown as `□`, `▯` or `�`, or private-use code points.
 * Bad:  `“Annual Grain Report [□□□□□□ □],”`
 * Good: the original characters (here, the title in its original script) restored from the source.
 * One finding per line, from the first lost character to the last.
 */
import { CarryOver } from '../memo';
import { Range } from '../model';
import { Finding, Rule } from './rule';

const LOST = /[\u25A1\u25AF\uFFFD\uE000-\uF8FF]/g;
const LOST_ANYWHERE = new RegExp(LOST.source);
const NONE: readonly number[] = [];

function lostPositions(text: string): readonly number[] {
  // Most lines have no lost glyph, and a test allocates nothing.
  return LOST_ANYWHERE.test(text) ? [...text.matchAll(LOST)].map((m) => m.index ?? 0) : NONE;
}

/** By line text, from one check to the next: it runs over every line at every keystroke, and almost every line is one it has seen. */
const lostByLine = new CarryOver<readonly number[]>();

export const unrenderableGlyph: Rule = {
  code: 'unrenderable-glyph',
  description: 'Characters were lost in conversion and show as □ or �.',
  defaultSeverity: 'warning',
  fixable: false,
  check(model) {
    const findings: Finding[] = [];
    lostByLine.nextVersion();
    for (let line = 0; line < model.lines.length; line++) {
      const text = model.lines[line];
      const positions = text ? lostByLine.get(text, () => lostPositions(text)) : NONE;
      if (!positions.length) continue;
      const range: Range = { start: { line, character: positions[0] }, end: { line, character: positions[positions.length - 1] + 1 } };
      const note = model.endnotes.find((n) => n.range.start.line <= line && line <= n.range.end.line);
      const where = note ? ` in note ${note.label}` : '';
      const count = positions.length === 1 ? '1 character' : `${positions.length} characters`;
      const verb = positions.length === 1 ? 'was' : 'were';
      findings.push({
        range,
        message: `${count}${where} ${verb} lost in conversion (shown as “${text[positions[0]]}”): restore the original text from the source document.`,
      });
    }
    return findings;
  },
};
