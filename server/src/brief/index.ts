/** Public surface of the analysis core. Nothing here imports an editor or the file system. */
export * from './model';
export * from './config';
export * from './analyze';
export { AnalysisSession } from './session';
export { RULES } from './rules';
export type { Rule, RuleMemory, Finding } from './rules';
export * as query from './query';
