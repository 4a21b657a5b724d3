/** Core → LSP type conversions, in one place. Positions are already LSP positions. */
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver';
import { BriefDiagnostic, Severity } from './brief';
import { LoadedConfigFile } from './configFile';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(diagnostic: BriefDiagnostic, documentUri: string, docsUri: string): Diagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    codeDescription: { href: `${docsUri}#${diagnostic.code}` },
    source: 'policy-brief',
    message: diagnostic.message,
    ...(diagnostic.related
      ? { relatedInformation: diagnostic.related.map((r) => DiagnosticRelatedInformation.create({ uri: documentUri, range: r.range }, r.message)) }
      : {}),
  };
}

/** A `.policybrief.json` that cannot be used: an error where the JSON breaks (or at the start), a warning per invalid setting. */
export function toConfigDiagnostics(loaded: LoadedConfigFile): Diagnostic[] {
  const at = loaded.syntaxErrorAt ?? { line: 0, character: 0 };
  const unusable = loaded.settings === undefined;
  return loaded.problems.map((problem) => ({
    range: { start: at, end: at },
    severity: unusable ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'policy-brief',
    message: problem.message,
  }));
}
