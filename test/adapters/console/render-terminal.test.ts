import { describe, expect, it } from 'vitest';
import { ansiStyle, renderForTerminal } from '../../../src/adapters/console/render-terminal.ts';
import type { Message } from '../../../src/core/message.ts';

const message: Message = {
  fallback: 'x',
  blocks: [
    { type: 'heading', text: 'Titel' },
    { type: 'text', markdown: 'Svar med **fed** og [kilde](https://kl.dk).\n\n1. Et\n2. To\n\n- punkt' },
    { type: 'links', title: 'Kilder', links: [{ title: 'KL', url: 'https://kl.dk' }] },
    { type: 'facts', facts: [{ label: 'Sag', value: 'KL-2026-0001' }] },
    { type: 'choices', prompt: 'Vælg', choices: [{ id: 'a', label: 'Første' }, { id: 'b', label: 'Anden' }] },
    { type: 'divider' },
    { type: 'context', text: 'Tip' },
  ],
};

describe('terminal rendering', () => {
  it('renders every block readably and numbers the choices', () => {
    const { text, choiceIds } = renderForTerminal([message, { fallback: 'y', blocks: [{ type: 'choices', choices: [{ id: 'c', label: 'Tredje' }] }] }]);
    expect(text).toContain('Titel');
    expect(text).toContain('Svar med fed og kilde (https://kl.dk).');
    expect(text).toContain('  1. Et\n  2. To');
    expect(text).toContain('  • punkt');
    expect(text).toContain('Sag: KL-2026-0001');
    expect(text).toContain('  [1] Første\n  [2] Anden');
    expect(text).toContain('  [3] Tredje');
    expect(choiceIds).toEqual(['a', 'b', 'c']);
  });

  it('uses ANSI bold only when asked and strips escape sequences from content', () => {
    const hostile: Message = { fallback: '', blocks: [{ type: 'heading', text: 'a\x1b[2Jb' }] };
    expect(renderForTerminal([hostile]).text).toBe('ab');
    expect(renderForTerminal([hostile], ansiStyle).text).toBe('\x1b[1mab\x1b[22m');
  });
});
