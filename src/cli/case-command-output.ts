import type { Locale } from '../shared/locale.ts';

/** Where a `cases` action prints, and how: JSON or text in the consultant's language. */
export interface CaseCommandOutput {
  json: boolean;
  locale: Locale;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** Writes why a `cases` action was refused (nothing changed) to stderr; returns the exit code, 1. */
export function refuse(output: CaseCommandOutput, message: string): number {
  output.err.write(`${message}\n`);
  return 1;
}
