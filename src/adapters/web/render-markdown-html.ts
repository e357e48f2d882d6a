import { parseMarkdown, type Inline } from '../../core/markdown.ts';
import { escapeHtml, safeHref } from './escape-html.ts';

function renderInline(part: Inline): string {
  let html = part.text
    .split('\n')
    .map((line) => escapeHtml(line))
    .join('<br>');
  if (part.bold) html = `<strong>${html}</strong>`;
  if (part.italic) html = `<em>${html}</em>`;
  if (part.href === undefined) return html;
  const href = safeHref(part.href);
  return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer" target="_blank">${html}</a>` : html;
}

function renderInlines(parts: readonly Inline[]): string {
  return parts.map(renderInline).join('');
}

/** Renders Markdown (content-style subset) as HTML from the shared parse tree; every text is escaped, unsafe links dropped. */
export function renderMarkdownHtml(markdown: string): string {
  return parseMarkdown(markdown)
    .map((block) => {
      if (block.kind === 'paragraph') return `<p>${renderInlines(block.inlines)}</p>`;
      const items = block.items.map((item) => `<li>${renderInlines(item)}</li>`).join('');
      if (!block.ordered) return `<ul>${items}</ul>`;
      return block.start === 1 ? `<ol>${items}</ol>` : `<ol start="${block.start}">${items}</ol>`;
    })
    .join('');
}
