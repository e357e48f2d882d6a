/** Control characters that have no place in a chat message (tab and newline are kept). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Replaces control characters (except tab and newline) with spaces. */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL, ' ');
}
