/** Sends a text turn through a running server's playground API and returns the reply as plain text (tags stripped). */
export async function playgroundText(baseUrl: string, conversationId: string, text: string, locale: 'da' | 'en' = 'da'): Promise<string> {
  const response = await fetch(`${baseUrl}/playground/api/turn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversationId, locale, input: { kind: 'text', text } }),
    signal: AbortSignal.timeout(20_000),
  });
  if (response.status !== 200) throw new Error(`playground turn answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { html: string[] };
  return body.html.join('\n').replace(/<[^>]+>/g, ' ').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}
