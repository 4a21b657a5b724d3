/**
 * see-footnote-cycle — "See footnote" notes that point at each other in a loop, so none leads to a source.
 * Bad:  `7 See footnote 9.` and `9 See footnote 7.`
 * Good: one of them holds the source, the other points at it.
 */
import { isInCycle, loopNumbers, notesByNumber } from '../query';
import { Rule } from './rule';

/** Longer loops are shortened in the message: each note of a 10,000-note loop would otherwise list all 10,000. */
const MAX_SHOWN = 12;

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
        const numbers = loopNumbers(note, byNumber, MAX_SHOWN + 1);
        const shown = numbers.length > MAX_SHOWN ? [...numbers.slice(0, MAX_SHOWN), '…'] : numbers;
        const loop = [...shown, numbers[0]].join(' → ');
        return {
          range: note.range,
          message: `Notes ${loop} point at each other in a loop, so none of them leads to a source: write the source out in one of them and point the others at it.`,
        };
      });
  },
};
