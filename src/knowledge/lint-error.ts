/** One problem found in a knowledge file, reported as `file:line: message`. */
export interface LintError {
  file: string;
  line: number;
  message: string;
}

/** Formats a lint error the way editors and CI logs understand: `file:line: message`. */
export function formatLintError(error: LintError): string {
  return `${error.file}:${error.line}: ${error.message}`;
}

/** Formats a lint warning (reported, never a reason to fail): `file:line: warning: message`. */
export function formatLintWarning(warning: LintError): string {
  return `${warning.file}:${warning.line}: warning: ${warning.message}`;
}

/** Thrown when knowledge cannot be loaded; carries every error found. */
export class KnowledgeError extends Error {
  constructor(readonly errors: LintError[]) {
    super(`The knowledge base has ${errors.length} error(s):\n${errors.map(formatLintError).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}
