import type { Block, Choice, Message } from '../../core/message.ts';
import type { Locale } from '../../shared/locale.ts';
import { parseFeedbackAction } from '../../core/feedback-actions.ts';
import { escapeHtml, safeHref } from './escape-html.ts';
import { renderFormHtml } from './render-form-html.ts';
import { renderMarkdownHtml } from './render-markdown-html.ts';
import { webStringsFor, type WebStrings } from './web-strings.ts';

/** How to render: the interface language and a prefix that keeps element ids unique on the page. */
export interface RenderHtmlOptions {
  locale?: Locale;
  idPrefix?: string;
}

/** A choice as a button; the emoji-only feedback buttons get a spoken name (and a tooltip) in the interface language. */
function choiceButton(choice: Choice, s: WebStrings): string {
  const style = choice.style ? ` ${choice.style}` : '';
  const vote = parseFeedbackAction(choice.id)?.vote;
  const name = vote === 'up' ? s.feedbackUp : vote === 'down' ? s.feedbackDown : undefined;
  const named = name ? ` aria-label="${escapeHtml(name)}" title="${escapeHtml(name)}"` : '';
  return `<button type="button" class="choice${style}" data-choice-id="${escapeHtml(choice.id)}"${named}>${escapeHtml(choice.label)}</button>`;
}

/** A fact's label with the colon after it, unless it already ends in punctuation ("Hvor haster det?"). */
function factLabel(label: string): string {
  return /[?:!.]$/.test(label) ? label : `${label}:`;
}

function renderBlock(block: Block, idPrefix: string, s: WebStrings): string {
  switch (block.type) {
    case 'heading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'text':
      return `<div class="text">${renderMarkdownHtml(block.markdown)}</div>`;
    case 'choices': {
      const prompt = block.prompt ? `<p class="prompt">${escapeHtml(block.prompt)}</p>` : '';
      const label = block.prompt ? ` aria-label="${escapeHtml(block.prompt)}"` : '';
      return `<div class="choices" role="group"${label}>${prompt}${block.choices.map((c) => choiceButton(c, s)).join('')}</div>`;
    }
    case 'facts':
      return `<dl class="facts">${block.facts
        .map((f) => `<div><dt>${escapeHtml(factLabel(f.label))}</dt><dd>${escapeHtml(f.value)}</dd></div>`)
        .join('')}</dl>`;
    case 'links': {
      const title = block.title ? `<p class="links-title">${escapeHtml(block.title)}</p>` : '';
      const items = block.links.map((link) => {
        const href = safeHref(link.url);
        return href
          ? `<li><a href="${escapeHtml(href)}" rel="noopener noreferrer" target="_blank">${escapeHtml(link.title)}</a></li>`
          : `<li>${escapeHtml(link.title)}</li>`;
      });
      return `<div class="links">${title}<ul>${items.join('')}</ul></div>`;
    }
    case 'form':
      return renderFormHtml(block.form, idPrefix, s);
    case 'divider':
      return '<hr>';
    case 'context':
      return `<p class="context">${escapeHtml(block.text)}</p>`;
  }
}

/** Renders one Message as safe HTML: every text is escaped, links are http(s)/mailto only, choices are real buttons. */
export function renderHtml(message: Message, options: RenderHtmlOptions = {}): string {
  const s = webStringsFor(options.locale ?? 'da');
  const idPrefix = options.idPrefix ?? 'm';
  return `<div class="message">${message.blocks.map((b) => renderBlock(b, idPrefix, s)).join('')}</div>`;
}
