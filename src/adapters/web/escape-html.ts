const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in HTML element content and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Returns the URL when it is an absolute http(s) or mailto URL, otherwise undefined; `javascript:`, `data:` and
 * relative or malformed URLs are never emitted as a link.
 */
export function safeHref(url: string): string | undefined {
  const trimmed = url.trim();
  if (!URL.canParse(trimmed)) return undefined;
  const parsed = new URL(trimmed);
  return SAFE_PROTOCOLS.has(parsed.protocol) ? parsed.href : undefined;
}
