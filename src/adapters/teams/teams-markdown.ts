import { parseMarkdown, type Inline, type MarkdownBlock } from '../../core/markdown.ts';

/** Escapes text so a Teams TextBlock shows it literally (TextBlock always interprets its Markdown subset). */
export function escapeTeamsText(text: string): string {
  return text
    .replace(/[\\*_[\]`~<>]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([#+-]|\d+\.)(?=\s)/gm, (_all, space: string, mark: string) => `${space}\\${mark}`);
}

/** Only web and mail links are rendered as links; anything else is shown as text. */
function safeHref(href: string): string | undefined {
  return /^(https?:|mailto:)/i.test(href) ? href.replace(/[()\s]/g, (ch) => encodeURIComponent(ch)) : undefined;
}

function renderInline(parts: Inline[]): string {
  return parts
    .map((part) => {
      if (part.text === '\n') return '\n';
      let text = escapeTeamsText(part.text);
      if (part.bold) text = `**${text}**`;
      if (part.italic) text = `_${text}_`;
      const href = part.href ? safeHref(part.href) : undefined;
      return href ? `[${text}](${href})` : text;
    })
    .join('');
}

function renderBlock(block: MarkdownBlock): string {
  if (block.kind === 'paragraph') return renderInline(block.inlines);
  return block.items
    .map((item, n) => `${block.ordered ? `${block.start + n}.` : '-'} ${renderInline(item).replace(/\n/g, ' ')}`)
    .join('\n');
}

/**
 * Renders content-style Markdown as the Markdown subset a Teams TextBlock understands (bold, italic, links, lists),
 * from the shared parse tree; all text is escaped, so nothing in it is read as formatting by accident.
 */
export function toTeamsMarkdown(markdown: string): string {
  return parseMarkdown(markdown).map(renderBlock).join('\n\n');
}
