/** Validates AsyncAPI documents with the official parser (`@asyncapi/parser`), in-process. */
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';

let parser: Parser | undefined;

/** A diagnostic as the tests report it. */
export interface AsyncApiDiagnostic {
  severity: 'error' | 'warning' | 'info' | 'hint';
  code: string;
  message: string;
  path: string;
}

const SEVERITY: Record<DiagnosticSeverity, AsyncApiDiagnostic['severity']> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** Parses and validates one document; the parser's default ruleset includes the spec schema. */
export async function parseAsyncApi(text: string): Promise<AsyncApiDiagnostic[]> {
  parser ??= new Parser();
  const { diagnostics } = await parser.parse(text);
  return diagnostics.map((d) => ({
    severity: SEVERITY[d.severity],
    code: String(d.code),
    message: d.message,
    path: d.path.join('/'),
  }));
}
