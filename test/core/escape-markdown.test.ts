import { describe, expect, it } from 'vitest';
import { plainStyle, renderForTerminal } from '../../src/adapters/console/render-terminal.ts';
import { toTeamsMarkdown } from '../../src/adapters/teams/teams-markdown.ts';
import { renderMarkdownHtml } from '../../src/adapters/web/render-markdown-html.ts';
import { escapeMarkdown } from '../../src/core/message.ts';

/** A consultant's reply as the escalation trial typed it. */
const REPLY = 'Se https://www.kl.dk/krisekommunikation og fil_navn_her.pdf (3.5 timer). Eller (https://www.facebook.com/help/123_a)';

describe('escapeMarkdown', () => {
  it('leaves a typed web address as typed, so it is linked to where it points in the browser, Teams and the terminal', () => {
    const markdown = escapeMarkdown(REPLY);
    const html = renderMarkdownHtml(markdown);
    expect(html).toContain('href="https://www.kl.dk/krisekommunikation"');
    expect(html).toContain('href="https://www.facebook.com/help/123_a"');
    expect(html).not.toContain('\\');
    expect(toTeamsMarkdown(markdown)).toContain('(https://www.kl.dk/krisekommunikation)');
    expect(renderForTerminal([{ blocks: [{ type: 'text', markdown }], fallback: '' }], plainStyle).text).toContain('https://www.kl.dk/krisekommunikation og fil_navn_her.pdf (3.5 timer).');
  });

  it('still escapes everything else, and a typed address cannot open Markdown link syntax', () => {
    expect(escapeMarkdown('*fed* [klik](javascript:alert(1))')).toBe('\\*fed\\* \\[klik\\]\\(javascript:alert\\(1\\)\\)');
    const sneaky = renderMarkdownHtml(escapeMarkdown('[x](https://evil.example/a) https://ok.dk/](javascript:alert(1))'));
    expect(sneaky).not.toContain('href="javascript');
    expect(sneaky).toContain('[x](');
    for (const [, href] of sneaky.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\//);
  });
});
