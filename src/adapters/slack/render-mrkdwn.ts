import { parseMarkdown, type Inline, type MarkdownBlock } from '../../core/markdown.ts';
import { escapeSlackText } from './escape-text.ts';

const SAFE_LINK = /^(https?:|mailto:)/i;

/** Renders Markdown as Slack mrkdwn paragraphs (one string per paragraph or list), via the shared parse tree. */
export function markdownToMrkdwn(markdown: string): string[] {
  return parseMarkdown(markdown).map(renderBlock).filter((p) => p.trim() !== '');
}

/** Formats a link as Slack's `<url|title>`; a URL that is not http(s)/mailto is shown as escaped text. */
export function slackLink(url: string, title: string): string {
  const label = escapeSlackText(title.replace(/\s+/g, ' ').trim() || url);
  if (!SAFE_LINK.test(url)) return label;
  const href = url.replace(/[<>|\s]/g, (ch) => encodeURIComponent(ch));
  return `<${href}|${label}>`;
}

function renderBlock(block: MarkdownBlock): string {
  if (block.kind === 'paragraph') return renderInlines(block.inlines);
  return block.items
    .map((item, n) => `${block.ordered ? `${block.start + n}.` : '•'} ${renderInlines(item)}`)
    .join('\n');
}

function renderInlines(inlines: Inline[]): string {
  return inlines.map(renderInline).join('').trim();
}

function renderInline(inline: Inline): string {
  if (inline.href) return wrap(slackLink(inline.href, inline.text), inline);
  return wrap(escapeSlackText(inline.text), inline);
}

/** Puts `*`/`_` markers tight around the text (mrkdwn ignores markers next to spaces), keeping the spaces outside. */
function wrap(text: string, inline: Inline): string {
  if (!inline.bold && !inline.italic) return text;
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [lead, core, trail] = [match?.[1] ?? '', match?.[2] ?? text, match?.[3] ?? ''];
  if (core === '') return text;
  let out = core;
  if (inline.italic) out = `_${out}_`;
  if (inline.bold) out = `*${out}*`;
  return `${lead}${out}${trail}`;
}
