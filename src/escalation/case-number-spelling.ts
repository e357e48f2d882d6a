/** A case number as typed, in any letter case: the prefix, the year and the sequence ("kl-2026-0004"). */
const CASE_NUMBER = /^([a-z0-9]+)(-\d{4}-\d{4,})$/i;

/**
 * A case number typed in another letter case ("kl-2026-0004") as the store spells it: the configured prefix as
 * configured, any other prefix in upper case. Undefined when `ref` is no case number or is spelled so already.
 */
export function storedCaseNumber(ref: string, prefix: string): string | undefined {
  const match = CASE_NUMBER.exec(ref.trim());
  if (!match) return undefined;
  const [, typed = '', rest = ''] = match;
  const spelled = `${typed.toLowerCase() === prefix.toLowerCase() ? prefix : typed.toUpperCase()}${rest}`;
  return spelled === ref ? undefined : spelled;
}
