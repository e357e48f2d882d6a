import { Lexer, type Token, type Tokens } from 'marked';
import { BoundedCache } from '../shared/bounded-cache.ts';

/** A run of inline text with its formatting; `href` makes it a link. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

/** A block of the content-style Markdown subset: a paragraph or a one-level list. */
export type MarkdownBlock =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] };

/** Parsed trees kept (answers repeat, and every reply is rendered from Markdown); longer texts are parsed every time. */
const CACHE_ENTRIES = 500;
const CACHE_MAX_CHARS = 5000;
const parsed = new BoundedCache<string, readonly MarkdownBlock[]>(CACHE_ENTRIES);

/**
 * Parses Markdown (the content-style subset) with marked into a small tree every renderer shares (frozen: it may be a
 * cached tree). Anything outside the subset (headings, code, HTML, tables) degrades to plain paragraphs of its text.
 */
export function parseMarkdown(markdown: string): readonly MarkdownBlock[] {
  const cached = parsed.get(markdown);
  if (cached) return cached;
  const blocks = deepFreeze(blocksOf(new Lexer().lex(markdown)));
  if (markdown.length <= CACHE_MAX_CHARS) parsed.set(markdown, blocks);
  return blocks;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function blocksOf(tokens: Token[]): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
      case 'hr':
        break;
      case 'paragraph':
      case 'heading':
        blocks.push({ kind: 'paragraph', inlines: inlinesOf((token as Tokens.Paragraph).tokens ?? [], {}) });
        break;
      case 'list': {
        const list = token as Tokens.List;
        blocks.push({
          kind: 'list',
          ordered: list.ordered,
          start: typeof list.start === 'number' ? list.start : 1,
          items: list.items.map((item) => item.tokens.flatMap((t) => itemInlines(t))),
        });
        break;
      }
      default:
        if ('text' in token && typeof token.text === 'string' && token.text.trim()) {
          blocks.push({ kind: 'paragraph', inlines: [{ text: token.text }] });
        }
    }
  }
  return blocks;
}

function itemInlines(token: Token): Inline[] {
  if (token.type === 'text' || token.type === 'paragraph') {
    const inner = (token as Tokens.Text).tokens;
    return inner ? inlinesOf(inner, {}) : [{ text: (token as Tokens.Text).text }];
  }
  if (token.type === 'list') {
    return (token as Tokens.List).items.flatMap((item) => [{ text: ' – ' }, ...item.tokens.flatMap(itemInlines)]);
  }
  return 'text' in token && typeof token.text === 'string' ? [{ text: token.text }] : [];
}

function inlinesOf(tokens: Token[], style: Omit<Inline, 'text'>): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'strong':
        out.push(...inlinesOf((token as Tokens.Strong).tokens, { ...style, bold: true }));
        break;
      case 'em':
        out.push(...inlinesOf((token as Tokens.Em).tokens, { ...style, italic: true }));
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const text = link.tokens.map((t) => ('text' in t ? String(t.text) : '')).join('') || link.href;
        out.push({ ...style, text: decodeEntities(text), href: link.href });
        break;
      }
      case 'br':
        out.push({ ...style, text: '\n' });
        break;
      case 'text':
      case 'escape':
      case 'codespan': {
        const t = token as Tokens.Text;
        if (t.tokens && t.tokens.length > 0 && token.type === 'text') out.push(...inlinesOf(t.tokens, style));
        else out.push({ ...style, text: decodeEntities(t.text) });
        break;
      }
      default:
        if ('text' in token && typeof token.text === 'string') out.push({ ...style, text: decodeEntities(token.text) });
        else if ('raw' in token && typeof token.raw === 'string') out.push({ ...style, text: token.raw });
    }
  }
  return out;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The plain text of parsed Markdown (for fallbacks and terminals without formatting). */
export function markdownToPlainText(markdown: string): string {
  return parseMarkdown(markdown)
    .map((block) =>
      block.kind === 'paragraph'
        ? block.inlines.map((i) => i.text).join('')
        : block.items.map((item, n) => `${block.ordered ? `${block.start + n}.` : '-'} ${item.map((i) => i.text).join('')}`).join('\n'),
    )
    .join('\n\n');
}
