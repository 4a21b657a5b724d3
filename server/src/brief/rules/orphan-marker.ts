/**
 * orphan-marker — a footnote marker with no endnote of that number (or GFM label).
 * Bad:  `…the minister visited.⁷` and the Endnotes stop at note 6.
 * Good: add note 7 to the Endnotes, or remove the marker.
 */
import { findNote, markerText } from '../query';
import { Rule } from './rule';

export const orphanMarker: Rule = {
  code: 'orphan-marker',
  description: 'A footnote marker in the text has no endnote.',
  defaultSeverity: 'error',
  fixable: true,
  check(model) {
    return model.markers
      .filter((marker) => !findNote(model, marker))
      .map((marker) => {
        const shown = markerText(model, marker);
        return {
          range: marker.range,
          message:
            marker.number === null
              ? `Marker ${shown} has no footnote definition: add "[^${marker.label}]: …" with its source, or remove the marker.`
              : `Marker ${shown} cites note ${marker.number}, but there is no note ${marker.number}: add it to the Endnotes, or remove the marker.`,
        };
      });
  },
};
