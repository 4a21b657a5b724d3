/**
 * The one entry to the core: text in, model and diagnostics out. Parsing never
 * throws on any input; a rule that throws is isolated and reported, and the
 * other rules still run.
 */
import { BriefConfig, DEFAULT_CONFIG, Severity } from './config';
import { BriefFormat, BriefModel, Range } from './model';
import { parseMarkdown } from './parse/markdown';
import { parsePlainText } from './parse/plaintext';
import type { ParseReuse } from './parse/reuse';
import { findRequiredSection } from './query';
import { RULES, RelatedLocation, Rule } from './rules';
import { AnalysisSession } from './session';

export interface BriefDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedLocation[];
}

export interface RuleFailure {
  code: string;
  error: unknown;
}

export interface Analysis {
  model: BriefModel;
  diagnostics: BriefDiagnostic[];
  ruleFailures: RuleFailure[];
}

const MARKDOWN_EXTENSIONS = /\.(?:md|markdown|mdown|mkd)$/i;
/** An ATX heading at the start of a line (the sticky search starts there). */
const ATX_HEADING_AT = / {0,3}#{1,6}[ \t]+\S/y;
const MARKDOWN_SIGNS = /\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\n]*\)|^\s*[-*] \S|^\s*> |^```/m;

/**
 * How many lines of `text` are ATX headings, counting up to `enough`. It runs on every
 * version of a plain-text document, so it looks only where a `#` is (most plain
 * text has none) rather than running a pattern over every line.
 */
function countAtxHeadings(text: string, enough: number): number {
  let count = 0;
  for (let hash = text.indexOf('#'); hash >= 0 && count < enough; hash = text.indexOf('#', hash + 1)) {
    // Line terminators as a multiline `^` sees them.
    const lineStart = Math.max(text.lastIndexOf('\n', hash), text.lastIndexOf('\r', hash), text.lastIndexOf('\u2028', hash), text.lastIndexOf('\u2029', hash)) + 1;
    if (hash - lineStart > 3) continue;
    ATX_HEADING_AT.lastIndex = lineStart;
    if (!ATX_HEADING_AT.test(text)) continue;
    count++;
    hash = ATX_HEADING_AT.lastIndex;
  }
  return count;
}

/**
 * `.md` and `.markdown` are Markdown. Anything else (`.txt`, `.brief`, untitled)
 * is plain text unless its content is plainly Markdown: ATX headings together with
 * bold text, links, lists or more headings.
 */
export function detectFormat(text: string, fileName?: string): BriefFormat {
  if (fileName && MARKDOWN_EXTENSIONS.test(fileName)) return 'markdown';
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const headingCount = countAtxHeadings(sample, 2);
  if (headingCount === 0) return 'plaintext';
  return headingCount >= 2 || MARKDOWN_SIGNS.test(sample) ? 'markdown' : 'plaintext';
}

/** With `reuse` (a session's), the Markdown chunks and endnotes of the previous version it parsed are reused where they did not change. */
export function parseBrief(text: string, format: BriefFormat, reuse?: ParseReuse): BriefModel {
  const model = format === 'markdown' ? parseMarkdown(text, reuse) : parsePlainText(text, reuse);
  reuse?.nextVersion();
  return model;
}

/**
 * Whether a document looks like a brief, for `detection: auto`. A heading with a
 * required section's own name ("Executive Summary", "Recommendations") is enough;
 * an alias such as "Overview" or "References" is common in any README, so it counts
 * only together with footnote markers or a byline.
 */
export function looksLikeBrief(model: BriefModel, config: BriefConfig = DEFAULT_CONFIG): boolean {
  const byName = config.requiredSections.some((required) => !required.onlyWithNotes && findRequiredSection(model, { ...required, aliases: [] }) !== undefined);
  if (byName) return true;
  const byAlias = config.requiredSections.some((required) => findRequiredSection(model, required) !== undefined);
  return byAlias && (model.markers.length > 0 || model.byline !== null);
}

export function severityFor(rule: Rule, config: BriefConfig): Severity | 'off' {
  return config.rules[rule.code] ?? rule.defaultSeverity;
}

/** With a session, a rule whose inputs did not change since the session's previous version is not run again. */
export function runRules(
  model: BriefModel,
  config: BriefConfig,
  rules: readonly Rule[] = RULES,
  session?: AnalysisSession,
): { diagnostics: BriefDiagnostic[]; ruleFailures: RuleFailure[] } {
  const diagnostics: BriefDiagnostic[] = [];
  const ruleFailures: RuleFailure[] = [];
  for (const rule of rules) {
    const severity = severityFor(rule, config);
    if (severity === 'off') continue;
    try {
      for (const finding of session ? session.check(rule, model, config) : rule.check(model, config)) {
        diagnostics.push({ code: rule.code, severity, message: finding.message, range: finding.range, ...(finding.related ? { related: finding.related } : {}) });
      }
    } catch (error) {
      ruleFailures.push({ code: rule.code, error });
    }
  }
  diagnostics.sort(byPositionThenCode);
  return { diagnostics, ruleFailures };
}

/**
 * Rule codes are lowercase words and hyphens (architecture.test.ts), which order the
 * same by code unit as by locale; localeCompare would load ICU's collation data
 * (2.6 MB of resident memory) the first time two diagnostics start at one place.
 */
function byPositionThenCode(a: BriefDiagnostic, b: BriefDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

export interface AnalyzeOptions {
  format?: BriefFormat;
  fileName?: string;
  /**
   * One per open document, passed with each of its versions: the analysis then reuses
   * what did not change since the previous version. The result is the same as without.
   */
  session?: AnalysisSession;
}

export function analyze(text: string, config: BriefConfig = DEFAULT_CONFIG, options: AnalyzeOptions = {}): Analysis {
  const { session } = options;
  session?.beginVersion();
  const model = parseBrief(text, options.format ?? detectFormat(text, options.fileName), session?.parseReuse);
  return { model, ...runRules(model, config, RULES, session) };
}
