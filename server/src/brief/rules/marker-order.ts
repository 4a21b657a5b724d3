/**
 * marker-order — a note first cited after a higher-numbered one.
 * Bad:  `…first claim.¹ … second claim.³ … third claim.²`
 * Good: notes numbered in the order they are first cited (Renumber Footnotes does this).
 * Citing an earlier note again later is fine.
 */
import { markerText } from '../query';
import { Finding, Rule } from './rule';

export const markerOrder: Rule = {
  code: 'marker-order',
  description: 'Footnote markers are not numbered in order of first appearance.',
  defaultSeverity: 'warning',
  fixable: true,
  check(model) {
    const findings: Finding[] = [];
    const seen = new Set<number>();
    let highest = -Infinity;
    for (const marker of model.markers) {
      if (marker.number === null || seen.has(marker.number)) continue;
      seen.add(marker.number);
      if (marker.number < highest) {
        findings.push({
          range: marker.range,
          message: `Marker ${markerText(model, marker)} is the first citation of note ${marker.number}, but note ${highest} was cited before it: number notes in the order they are first cited (Renumber Footnotes does this).`,
        });
      }
      highest = Math.max(highest, marker.number);
    }
    return findings;
  },
};
