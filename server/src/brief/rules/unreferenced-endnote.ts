/**
 * unreferenced-endnote — an endnote that no marker and no other note cites.
 * Bad:  note 9 exists, but no `⁹` appears in the text and no note says "See footnote 9".
 * Good: add the marker where the source is used, or remove the note.
 * When the text has no markers at all, one finding on the Endnotes heading replaces one per note.
 */
import { numberToSuperscript } from '../parse/text';
import { Rule } from './rule';

export const unreferencedEndnote: Rule = {
  code: 'unreferenced-endnote',
  description: 'An endnote is not cited by any marker or "See footnote" note.',
  defaultSeverity: 'warning',
  fixable: true,
  check(model) {
    if (model.endnotes.length === 0) return [];
    if (model.markers.length === 0) {
      return [
        {
          range: model.endnotesSection?.headingRange ?? model.endnotes[0].numberRange,
          message: `None of the ${model.endnotes.length} endnotes is cited: the text has no footnote markers. Add a marker (¹, [^1] or <sup>1</sup>) where each source is used.`,
        },
      ];
    }
    const cited = new Set<string>();
    for (const marker of model.markers) cited.add(marker.number !== null ? `#${marker.number}` : marker.label);
    for (const note of model.endnotes) for (const ref of note.references) if (ref.target !== null && ref.target !== note.number) cited.add(`#${ref.target}`);
    return model.endnotes
      .filter((note) => !cited.has(note.number !== null ? `#${note.number}` : note.label))
      .map((note) => {
        const marker = note.style === 'gfm' ? `[^${note.label}]` : numberToSuperscript(note.number ?? 0);
        const name = note.number !== null ? `Note ${note.number}` : `Footnote [^${note.label}]`;
        return { range: note.numberRange, message: `${name} is not cited anywhere: add the marker ${marker} where its source is used, or remove the note.` };
      });
  },
};
