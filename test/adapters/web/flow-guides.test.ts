import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowGuides } from '../../../src/adapters/web/flow-guides.ts';
import { guidesPageBody } from '../../../src/adapters/web/guides-page.ts';
import { HOSTILE_KNOWLEDGE } from './playground-harness.ts';

describe('flowGuides', () => {
  it('gives every node the Mermaid id exportMermaid draws it under', async () => {
    for (const dir of [join(HOSTILE_KNOWLEDGE, 'flows'), 'knowledge/flows']) {
      for (const guide of await flowGuides(dir)('da')) {
        for (const node of guide.nodes) expect(guide.mermaid, `${guide.id}.${node.id}`).toMatch(new RegExp(`^\\s+${node.mermaidId}[[{(]`, 'm'));
      }
    }
  });

  it('renders hostile flow text as text on the Guides page, in Danish and English', async () => {
    for (const locale of ['da', 'en'] as const) {
      const guides = await flowGuides(join(HOSTILE_KNOWLEDGE, 'flows'))(locale);
      const html = guidesPageBody(guides, locale, { diagrams: true });
      expect(html).not.toMatch(/<script|<img|<b>|href="javascript/i);
      expect(html).toContain('&lt;script&gt;alert(&#39;flow&#39;)&lt;/script&gt;');
      expect(html).toContain('data-mermaid-id="n_done_yes"');
    }
  });

  it('without Mermaid lists every step of every guide and says the diagrams need the development install', async () => {
    for (const locale of ['da', 'en'] as const) {
      const guides = await flowGuides('knowledge/flows')(locale);
      const html = guidesPageBody(guides, locale, { diagrams: false });
      expect(html).not.toContain('mermaid-source');
      expect(html).toContain(locale === 'da' ? 'kræver udviklingsinstallationen' : 'need the development install');
      for (const guide of guides) {
        for (const node of guide.nodes) expect(html, `${guide.id}.${node.id}`).toContain(`data-node-id="${node.id}"`);
      }
    }
  });

  it('returns no guides for a missing folder', async () => {
    expect(await flowGuides('/nonexistent/flows')('da')).toEqual([]);
  });
});
