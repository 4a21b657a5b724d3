/**
 * see-footnote-cycle — "See footnote" notes that point at each other in a loop, so none leads to a source.
 * Bad:  `7 See footnote 9.` and `9 See footnote 7.`
 * Good: one of them holds the source, the other points at it.
 */
import { isInCycle, notesByNumber, resolveChain } from '../query';
import { Rule } from './rule';

export const seeFootnoteCycle: Rule = {
  code: 'see-footnote-cycle',
  description: '"See footnote" notes refer to each other in a loop.',
  defaultSeverity: 'error',
  fixable: false,
  check(model) {
    const byNumber = notesByNumber(model);
    return model.endnotes
      .filter((note) => isInCycle(note, byNumber))
      .map((note) => {
        const path = resolveChain(model, note, byNumber).path;
        const loop = [...path, path[0]].join(' → ');
        return {
          range: note.range,
          message: `Notes ${loop} point at each other in a loop, so none of them leads to a source: write the source out in one of them and point the others at it.`,
        };
      });
  },
};
