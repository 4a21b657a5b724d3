import { BriefConfig, Severity } from '../config';
import { BriefModel, Range } from '../model';

export interface RelatedLocation {
  range: Range;
  message: string;
}

/** What a rule reports; the registry adds the code and the configured severity. */
export interface Finding {
  range: Range;
  message: string;
  related?: RelatedLocation[];
}

export interface Rule {
  /** Stable code, shown in diagnostics and used in settings. Never renamed. */
  code: string;
  description: string;
  defaultSeverity: Severity;
  /** Whether the quick-fix layer offers a fix for this rule's findings. */
  fixable: boolean;
  check(model: BriefModel, config: BriefConfig): Finding[];
}
