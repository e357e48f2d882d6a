import { parseMarkdown, type Inline } from '../../core/markdown.ts';
import type { Block, Message } from '../../core/message.ts';

/** Terminal styling: ANSI escapes when the output is a colour terminal, plain text otherwise. */
export interface TerminalStyle {
  bold(text: string): string;
  italic(text: string): string;
  dim(text: string): string;
}

/** ANSI styling for colour terminals. */
export const ansiStyle: TerminalStyle = {
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
  italic: (t) => `\x1b[3m${t}\x1b[23m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
};

/** No styling (pipes, files, tests). */
export const plainStyle: TerminalStyle = { bold: (t) => t, italic: (t) => t, dim: (t) => t };

/** Removes terminal control sequences and control characters from text that came from content or users. */
function clean(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '');
}

function inline(parts: Inline[], style: TerminalStyle): string {
  return parts
    .map((p) => {
      let text = clean(p.text);
      if (p.bold) text = style.bold(text);
      if (p.italic) text = style.italic(text);
      if (p.href && p.href !== p.text) text = `${text} (${clean(p.href)})`;
      return text;
    })
    .join('');
}

/** Renders Markdown (content-style subset) for the terminal. */
export function renderMarkdownForTerminal(markdown: string, style: TerminalStyle): string {
  return parseMarkdown(markdown)
    .map((block) =>
      block.kind === 'paragraph'
        ? inline(block.inlines, style)
        : block.items.map((item, i) => `  ${block.ordered ? `${block.start + i}.` : '•'} ${inline(item, style)}`).join('\n'),
    )
    .join('\n\n');
}

/** A rendered message plus the choice ids in the order they were numbered. */
export interface TerminalRendering {
  text: string;
  choiceIds: string[];
}

/** Renders messages as readable terminal text; choices are numbered across all messages so the user can type a number. */
export function renderForTerminal(messages: readonly Message[], style: TerminalStyle = plainStyle): TerminalRendering {
  const choiceIds: string[] = [];
  const text = messages
    .map((m) => m.blocks.map((b) => renderBlock(b, style, choiceIds)).filter(Boolean).join('\n\n'))
    .join('\n\n');
  return { text, choiceIds };
}

function renderBlock(block: Block, style: TerminalStyle, choiceIds: string[]): string {
  switch (block.type) {
    case 'heading':
      return style.bold(clean(block.text));
    case 'text':
      return renderMarkdownForTerminal(block.markdown, style);
    case 'choices': {
      const lines = block.choices.map((c) => {
        choiceIds.push(c.id);
        return `  [${choiceIds.length}] ${clean(c.label)}`;
      });
      return [block.prompt ? style.dim(clean(block.prompt)) : '', ...lines].filter(Boolean).join('\n');
    }
    case 'facts':
      return block.facts.map((f) => `${style.bold(clean(f.label))}: ${clean(f.value)}`).join('\n');
    case 'links':
      return [block.title ? style.dim(clean(block.title)) : '', ...block.links.map((l) => `  - ${clean(l.title)}: ${clean(l.url)}`)]
        .filter(Boolean)
        .join('\n');
    case 'form':
      return `${style.bold(clean(block.form.title))}\n${block.form.fields.map((f) => `  - ${clean(f.label)}${f.required ? ' *' : ''}${f.error ? ` (${clean(f.error)})` : ''}`).join('\n')}`;
    case 'divider':
      return style.dim('─'.repeat(40));
    case 'context':
      return style.dim(clean(block.text));
  }
}
