import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, Message } from '../../../src/core/message.ts';
import { escapeHtml, safeHref } from '../../../src/adapters/web/escape-html.ts';
import { renderHtml } from '../../../src/adapters/web/render-html.ts';

const ALLOWED_TAGS = new Set(
  'div h3 p ul ol li a strong em br button dl dt dd hr form label span input textarea select option'.split(' '),
);
const ALLOWED_ATTRS = new Set(
  'class href rel target type data-choice-id data-form-id role aria-label aria-labelledby aria-describedby aria-required aria-invalid aria-hidden id name required value rows maxlength placeholder for selected checked autocomplete start'.split(
    ' ',
  ),
);

/** Every tag and attribute in the output (text `<` is always escaped, so each `<` starts a tag we emitted). */
function tagsOf(html: string): { tag: string; attrs: string[] }[] {
  return [...html.matchAll(/<\/?([a-zA-Z0-9]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/g)].map((m) => ({
    tag: (m[1] ?? '').toLowerCase(),
    attrs: [...(m[2] ?? '').matchAll(/\s([a-z-]+)(?:="[^"]*")?/g)].map((a) => a[1] ?? ''),
  }));
}

function expectOnlySafeMarkup(html: string): void {
  const tags = tagsOf(html);
  expect(html.split('<').length - 1).toBe(tags.length);
  for (const { tag, attrs } of tags) {
    expect(ALLOWED_TAGS.has(tag), `tag <${tag}>`).toBe(true);
    for (const attr of attrs) expect(ALLOWED_ATTRS.has(attr), `attribute ${attr}`).toBe(true);
  }
  expect(html).not.toMatch(/href="(?!https?:|mailto:)/);
}

const msg = (...blocks: Block[]): Message => ({ blocks, fallback: 'x' });
const HOSTILE = `<script>alert(1)</script><img src=x onerror="alert(2)"> ' " & javascript:alert(3)`;

describe('escapeHtml and safeHref', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('allows http(s) and mailto only', () => {
    expect(safeHref('https://www.kl.dk/')).toBe('https://www.kl.dk/');
    expect(safeHref('mailto:a@b.dk')).toBe('mailto:a@b.dk');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', '/relative', 'vbscript:x']) {
      expect(safeHref(bad), bad).toBeUndefined();
    }
  });
});

describe('renderHtml', () => {
  it('renders headings, Markdown paragraphs, bold, italic, lists and safe links', () => {
    const html = renderHtml(msg({ type: 'heading', text: 'Titel' }, { type: 'text', markdown: 'Et **fedt** og _skævt_ [link](https://kl.dk).\n\n1. en\n2. to\n\n- a\n- b' }));
    expect(html).toContain('<h3>Titel</h3>');
    expect(html).toContain('<strong>fedt</strong>');
    expect(html).toContain('<em>skævt</em>');
    expect(html).toContain('<a href="https://kl.dk/" rel="noopener noreferrer" target="_blank">link</a>');
    expect(html).toContain('<ol><li>en</li><li>to</li></ol>');
    expect(html).toContain('<ul><li>a</li><li>b</li></ul>');
  });

  it('renders choices as real buttons carrying their ids', () => {
    const html = renderHtml(msg({ type: 'choices', prompt: 'Mente du …?', choices: [{ id: 'faq:spam', label: 'Spam', style: 'primary' }, { id: 'cmd:none', label: 'Ingen af dem' }] }));
    expect(html).toContain('<button type="button" class="choice primary" data-choice-id="faq:spam">Spam</button>');
    expect(html).toContain('data-choice-id="cmd:none">Ingen af dem</button>');
    expect(html).toContain('aria-label="Mente du …?"');
  });

  it('gives the emoji-only feedback buttons a spoken name in the interface language', () => {
    const feedback = msg({ type: 'choices', prompt: 'Var svaret nyttigt?', choices: [{ id: 'fb:up:faq:spam', label: '👍' }, { id: 'fb:down:faq:spam', label: '👎' }] });
    const danish = renderHtml(feedback);
    expect(danish).toContain('data-choice-id="fb:up:faq:spam" aria-label="Ja, svaret var nyttigt" title="Ja, svaret var nyttigt">👍</button>');
    expect(danish).toContain('aria-label="Nej, svaret var ikke nyttigt"');
    expect(renderHtml(feedback, { locale: 'en' })).toContain('aria-label="Yes, the answer was helpful"');
  });

  it('renders facts as a description list, links with a title, dividers and context', () => {
    const html = renderHtml(
      msg(
        { type: 'facts', facts: [{ label: 'Sag', value: 'KL-1' }, { label: 'Hvor haster det?', value: 'Akut' }] },
        { type: 'links', title: 'Kilder', links: [{ title: 'KL', url: 'https://kl.dk/' }, { title: 'Bad', url: 'javascript:alert(1)' }] },
        { type: 'divider' },
        { type: 'context', text: 'Lille tekst' },
      ),
    );
    // the colon after a label, unless the label ends in punctuation of its own
    expect(html).toContain('<dl class="facts"><div><dt>Sag:</dt><dd>KL-1</dd></div><div><dt>Hvor haster det?</dt><dd>Akut</dd></div></dl>');
    expect(html).toContain('<p class="links-title">Kilder</p>');
    expect(html).toContain('<li>Bad</li>');
    expect(html).toContain('<hr>');
    expect(html).toContain('<p class="context">Lille tekst</p>');
  });

  it('renders forms with labels, required markers, hints, values and error texts', () => {
    const html = renderHtml(
      msg({
        type: 'form',
        form: {
          id: 'escalation',
          title: 'Kontakt en konsulent',
          submitLabel: 'Send',
          fields: [
            { id: 'topic', label: 'Emne', type: 'text', required: true, value: 'Shitstorm', maxLength: 100 },
            { id: 'details', label: 'Beskriv', type: 'textarea', required: false, hint: 'Ingen CPR-numre', error: 'For lang' },
            { id: 'email', label: 'E-mail', type: 'email', required: true },
            { id: 'urgency', label: 'Hastende?', type: 'select', required: true, options: [{ value: 'normal', label: 'Normal' }, { value: 'urgent', label: 'Haster' }], value: 'urgent' },
            { id: 'consent', label: 'Jeg accepterer', type: 'checkbox', required: false, value: true },
          ],
        },
      }),
      { idPrefix: 'r1', locale: 'en' },
    );
    expect(html).toContain('<form class="bot-form" data-form-id="escalation" aria-labelledby="r1-form-escalation-title">');
    expect(html).toContain('<label for="r1-form-escalation-topic">Emne <span class="required" aria-hidden="true">*</span><span class="visually-hidden"> (required)</span></label>');
    expect(html).toContain('id="r1-form-escalation-topic" name="topic" required aria-required="true" value="Shitstorm" maxlength="100"');
    expect(html).toContain('aria-invalid="true" aria-describedby="r1-form-escalation-details-hint r1-form-escalation-details-error"');
    expect(html).toContain('<p class="error" id="r1-form-escalation-details-error">For lang</p>');
    expect(html).toContain('<input type="email"');
    expect(html).toContain('<option value="urgent" selected>Haster</option>');
    expect(html).toContain('type="checkbox" id="r1-form-escalation-consent" name="consent" value="true" checked');
    expect(html).toContain('<button type="submit" class="primary">Send</button>');
  });

  it('renders hostile content from knowledge and users as text', () => {
    const html = renderHtml(
      msg(
        { type: 'heading', text: HOSTILE },
        { type: 'text', markdown: `${HOSTILE}\n\n[klik](javascript:alert(4)) <b onclick="x">b</b>` },
        { type: 'choices', prompt: HOSTILE, choices: [{ id: `"><script>`, label: HOSTILE }] },
        { type: 'links', title: HOSTILE, links: [{ title: HOSTILE, url: 'javascript:alert(5)' }, { title: 'ok', url: 'https://x.dk/"><script>' }] },
        { type: 'facts', facts: [{ label: HOSTILE, value: HOSTILE }] },
        { type: 'context', text: HOSTILE },
      ),
    );
    expectOnlySafeMarkup(html);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(html).not.toContain('javascript:alert(4)"');
    expect(html).toContain('klik');
  });

  it('emits only known tags and attributes, and no unsafe href, for any text (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', '[', ']', '(', ')', '*', '_', 'a', ':', ' ', '\n', 'javascript:', 'https://x.dk', '<script>', 'onerror=') });
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        const html = renderHtml(
          msg(
            { type: 'heading', text: a },
            { type: 'text', markdown: `${a}\n\n[${b}](${c})` },
            { type: 'choices', prompt: b, choices: [{ id: c, label: a }] },
            { type: 'links', links: [{ title: a, url: c }] },
            { type: 'form', form: { id: c, title: a, submitLabel: b, fields: [{ id: c, label: a, type: 'text', required: true, value: b, error: c }] } },
          ),
        );
        expectOnlySafeMarkup(html);
      }),
      { numRuns: 300 },
    );
  });
});
