/**
 * Settings shared by the editor (namespace `policyBrief`) and the CLI (`.policybrief.json`).
 * DEFAULT_CONFIG is the one typed source of the defaults; a test checks that
 * package.json declares the same.
 */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeverityOrOff = Severity | 'off';
export type Detection = 'auto' | 'always' | 'off';

export interface RequiredSection {
  /** The name used in messages and in the inserted heading. */
  name: string;
  /** Other headings that count as this section. */
  aliases?: string[];
  /** When true, any heading that contains the name or an alias as words counts ("Implications and Recommendations"). */
  matchWithinHeading?: boolean;
  /** When true, required only if the brief has footnote markers or endnotes. */
  onlyWithNotes?: boolean;
}

/** What `incomplete-citation` can ask of a source note. */
export type CitationField = 'author' | 'title' | 'outlet' | 'date' | 'locator';
export const CITATION_FIELDS: readonly CitationField[] = ['author', 'title', 'outlet', 'date', 'locator'];

export interface CitationSettings {
  /** Fields every source note must have (see-notes are exempt). */
  requiredFields: CitationField[];
}

export interface BriefConfig {
  requiredSections: RequiredSection[];
  rules: Record<string, SeverityOrOff>;
  detection: Detection;
  debounceMs: number;
  citation: CitationSettings;
  /** Word limit per section, keyed by section name (a required section's aliases count as that section). */
  sectionLimits: Record<string, number>;
  /** Word limit for the whole brief without its notes; null means no limit, which keeps `brief-length` silent. */
  briefLength: number | null;
}

export const DEFAULT_REQUIRED_SECTIONS: RequiredSection[] = [
  { name: 'Executive Summary', aliases: ['Summary', 'Abstract', 'Key Findings', 'Key Takeaways', 'Overview'] },
  { name: 'Recommendations', aliases: ['Recommendation'], matchWithinHeading: true },
  { name: 'Endnotes', aliases: ['Notes', 'References', 'Sources', 'Footnotes'], onlyWithNotes: true },
];

export const DEFAULT_CONFIG: BriefConfig = {
  requiredSections: DEFAULT_REQUIRED_SECTIONS,
  rules: {},
  detection: 'auto',
  debounceMs: 150,
  citation: { requiredFields: ['title', 'date', 'locator'] },
  // A minister reads about 200–250 words a minute; 400 words keeps the summary inside two minutes of reading.
  sectionLimits: { 'Executive Summary': 400 },
  briefLength: null,
};

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];
const DETECTIONS: readonly string[] = ['auto', 'always', 'off'];

/** Problems found while reading a configuration, each naming the key at fault. */
export interface ConfigProblem {
  key: string;
  message: string;
}

/**
 * Merges user settings over the defaults, keeping what is valid and reporting
 * what is not, so that a typo in one setting never disables the others.
 */
export function resolveConfig(input: unknown): { config: BriefConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: BriefConfig = { ...DEFAULT_CONFIG, rules: {} };
  if (input === undefined || input === null) return { config, problems };
  if (typeof input !== 'object' || Array.isArray(input)) {
    problems.push({ key: '', message: 'The configuration must be a JSON object, e.g. { "rules": { "empty-section": "off" } }.' });
    return { config, problems };
  }
  const raw = input as Record<string, unknown>;
  if (raw.rules !== undefined) {
    if (typeof raw.rules !== 'object' || raw.rules === null || Array.isArray(raw.rules)) {
      problems.push({ key: 'rules', message: '"rules" must map rule codes to off, hint, information, warning or error.' });
    } else {
      for (const [code, value] of Object.entries(raw.rules as Record<string, unknown>)) {
        if (typeof value === 'string' && SEVERITIES.includes(value)) config.rules[code] = value as SeverityOrOff;
        else problems.push({ key: `rules.${code}`, message: `"${code}" must be off, hint, information, warning or error (got ${JSON.stringify(value)}).` });
      }
    }
  }
  if (raw.detection !== undefined) {
    if (typeof raw.detection === 'string' && DETECTIONS.includes(raw.detection)) config.detection = raw.detection as Detection;
    else problems.push({ key: 'detection', message: '"detection" must be auto, always or off.' });
  }
  if (raw.debounceMs !== undefined) {
    if (typeof raw.debounceMs === 'number' && Number.isFinite(raw.debounceMs) && raw.debounceMs >= 0) config.debounceMs = raw.debounceMs;
    else problems.push({ key: 'debounceMs', message: '"debounceMs" must be a number of milliseconds, 0 or more.' });
  }
  resolveEditorialSettings(raw, config, problems);
  if (raw.requiredSections !== undefined) {
    const sections = parseRequiredSections(raw.requiredSections);
    if (sections) config.requiredSections = sections;
    else problems.push({ key: 'requiredSections', message: '"requiredSections" must be a list of { "name": …, "aliases": […] } objects or of names.' });
  }
  return { config, problems };
}

function isWordLimit(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function resolveEditorialSettings(raw: Record<string, unknown>, config: BriefConfig, problems: ConfigProblem[]): void {
  if (raw.citation !== undefined) {
    const fields = (raw.citation as { requiredFields?: unknown } | null)?.requiredFields;
    if (typeof raw.citation !== 'object' || raw.citation === null || Array.isArray(raw.citation)) {
      problems.push({ key: 'citation', message: '"citation" must be an object, e.g. { "requiredFields": ["title", "date", "locator"] }.' });
    } else if (fields !== undefined) {
      if (Array.isArray(fields) && fields.every((f) => typeof f === 'string' && (CITATION_FIELDS as readonly string[]).includes(f))) {
        config.citation = { requiredFields: [...new Set(fields as CitationField[])] };
      } else {
        problems.push({ key: 'citation.requiredFields', message: `"citation.requiredFields" must list fields among ${CITATION_FIELDS.join(', ')}.` });
      }
    }
  }
  if (raw.sectionLimits !== undefined) {
    if (typeof raw.sectionLimits !== 'object' || raw.sectionLimits === null || Array.isArray(raw.sectionLimits)) {
      problems.push({ key: 'sectionLimits', message: '"sectionLimits" must map section names to word limits, e.g. { "Executive Summary": 400 }.' });
    } else {
      // Merged over the defaults as VS Code merges object settings; null lifts a default limit.
      config.sectionLimits = { ...DEFAULT_CONFIG.sectionLimits };
      for (const [name, limit] of Object.entries(raw.sectionLimits as Record<string, unknown>)) {
        if (limit === null) delete config.sectionLimits[name];
        else if (isWordLimit(limit)) config.sectionLimits[name] = limit;
        else problems.push({ key: `sectionLimits.${name}`, message: `The word limit for "${name}" must be a whole number above 0, or null for no limit (got ${JSON.stringify(limit)}).` });
      }
    }
  }
  if (raw.briefLength !== undefined) {
    if (raw.briefLength === null || isWordLimit(raw.briefLength)) config.briefLength = raw.briefLength;
    else problems.push({ key: 'briefLength', message: '"briefLength" must be a whole number of words above 0, or null for no limit.' });
  }
}

function parseRequiredSections(value: unknown): RequiredSection[] | null {
  if (!Array.isArray(value)) return null;
  const sections: RequiredSection[] = [];
  for (const item of value) {
    if (typeof item === 'string' && item.trim()) sections.push({ name: item.trim() });
    else if (item && typeof item === 'object' && typeof (item as RequiredSection).name === 'string') {
      const section = item as RequiredSection;
      if (section.aliases !== undefined && (!Array.isArray(section.aliases) || section.aliases.some((a) => typeof a !== 'string'))) return null;
      // Only the flags that are set, so that the defaults read back from package.json equal DEFAULT_REQUIRED_SECTIONS.
      sections.push({
        name: section.name,
        ...(section.aliases !== undefined ? { aliases: section.aliases } : {}),
        ...(section.matchWithinHeading === true ? { matchWithinHeading: true } : {}),
        ...(section.onlyWithNotes === true ? { onlyWithNotes: true } : {}),
      });
    } else return null;
  }
  return sections;
}
