/** The rule registry: every rule, in the order the README lists them. Codes are a public contract. */
import { briefLength } from './brief-length';
import { duplicateEndnote } from './duplicate-endnote';
import { duplicateSource } from './duplicate-source';
import { emptyLinkTarget } from './empty-link-target';
import { emptySection } from './empty-section';
import { ibidMisuse } from './ibid-misuse';
import { incompleteCitation } from './incomplete-citation';
import { inconsistentNoteFormat } from './inconsistent-note-format';
import { markerOrder } from './marker-order';
import { missingNoteTarget } from './missing-note-target';
import { missingSection } from './missing-section';
import { numberingGap } from './numbering-gap';
import { orphanMarker } from './orphan-marker';
import { Rule } from './rule';
import { sectionLength } from './section-length';
import { sectionOrder } from './section-order';
import { seeFootnoteChain } from './see-footnote-chain';
import { seeFootnoteCycle } from './see-footnote-cycle';
import { selfReference } from './self-reference';
import { splitUrl } from './split-url';
import { unreferencedEndnote } from './unreferenced-endnote';
import { unrenderableGlyph } from './unrenderable-glyph';

export const RULES: readonly Rule[] = [
  orphanMarker,
  unreferencedEndnote,
  duplicateEndnote,
  numberingGap,
  markerOrder,
  missingNoteTarget,
  seeFootnoteChain,
  seeFootnoteCycle,
  selfReference,
  ibidMisuse,
  missingSection,
  sectionOrder,
  emptySection,
  emptyLinkTarget,
  splitUrl,
  duplicateSource,
  unrenderableGlyph,
  inconsistentNoteFormat,
  incompleteCitation,
  sectionLength,
  briefLength,
];

export type { Rule, RuleMemory, Finding, RelatedLocation } from './rule';
