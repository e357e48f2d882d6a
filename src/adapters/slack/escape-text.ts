/** Escapes Slack's three control characters so user or content text never becomes a mention or link. */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes `raw` and cuts it so the escaped result has at most `max` characters, ending with "…" when cut. */
export function escapeClipped(raw: string, max: number): string {
  const escaped = escapeSlackText(raw);
  if ([...escaped].length <= max) return escaped;
  const chars = [...raw];
  let keep = Math.min(chars.length, max - 1);
  while (keep > 0 && [...escapeSlackText(chars.slice(0, keep).join(''))].length > max - 1) keep -= 1;
  return `${escapeSlackText(chars.slice(0, keep).join('').trimEnd())}…`;
}
