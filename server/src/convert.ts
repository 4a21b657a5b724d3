/** Core → LSP type conversions, in one place. Positions are already LSP positions. */
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver';
import { BriefDiagnostic, Severity } from './brief';

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
