/**
 * unrenderable-glyph — characters lost in conversion, shown as `□`, `▯` or `�`, or private-use code points.
 * Bad:  `“Annual Grain Report [□□□□□□ □],”`
 * Good: the original characters (here, the title in its original script) restored from the source.
 * One finding per line, from the first lost character to the last.
 */
import { Range } from '../model';
import { Finding, Rule } from './rule';

const LOST = /[\u25A1\u25AF\uFFFD\uE000-\uF8FF]/g;
const LOST_ANYWHERE = new RegExp(LOST.source);
const NONE: readonly number[] = [];

function lostPositions(text: string): readonly number[] {
  // Most lines have no lost glyph, and a test allocates nothing.
  return LOST_ANYWHERE.test(text) ? [...text.matchAll(LOST)].map((m) => m.index ?? 0) : NONE;
}

const lostInLine = (text: string) => (text ? lostPositions(text) : NONE);
const unmoved = (positions: readonly number[]) => positions;

export const unrenderableGlyph: Rule = {
  code: 'unrenderable-glyph',
  description: 'Characters were lost in conversion and show as □ or �.',
  defaultSeverity: 'warning',
  fixable: false,
  check(model, _config, memory) {
    const findings: Finding[] = [];
    // In a session, from one version to the next: the rule reads every line at every keystroke, and almost every line is one it has read.
    const lost = memory ? memory.perLine(model.lines, lostInLine, unmoved) : model.lines.map(lostInLine);
    // Notes are in document order and lines are read downwards: one walk finds each line's note (a search per line
    // costs notes × lines when a PDF paste lost a glyph in each of thousands of notes).
    const notes = model.endnotes;
    let next = 0;
    for (let line = 0; line < lost.length; line++) {
      const positions = lost[line];
      if (!positions.length) continue;
      const text = model.lines[line];
      const range: Range = { start: { line, character: positions[0] }, end: { line, character: positions[positions.length - 1] + 1 } };
      while (next < notes.length && notes[next].range.end.line < line) next++;
      const note = next < notes.length && notes[next].range.start.line <= line ? notes[next] : undefined;
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
