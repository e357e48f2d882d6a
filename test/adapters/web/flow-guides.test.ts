import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liveGuides } from '../../../src/adapters/web/flow-guides.ts';
import type { Guide } from '../../../src/adapters/web/guide.ts';
import { guidesPageBody } from '../../../src/adapters/web/guides-page.ts';
import { loadFlows } from '../../../src/dialogs/flow-loader.ts';
import type { FlowDefinition } from '../../../src/dialogs/flow-schema.ts';
import type { Locale } from '../../../src/shared/locale.ts';
import { HOSTILE_KNOWLEDGE } from './playground-harness.ts';

/** The guides of the flows in a folder. */
async function guidesIn(dir: string, locale: Locale): Promise<Guide[]> {
  const { flows } = await loadFlows(dir);
  return liveGuides(() => flows)(locale);
}

describe('liveGuides', () => {
  it('gives every node the Mermaid id exportMermaid draws it under', async () => {
    for (const dir of [join(HOSTILE_KNOWLEDGE, 'flows'), 'knowledge/flows']) {
      for (const guide of await guidesIn(dir, 'da')) {
        for (const node of guide.nodes) expect(guide.mermaid, `${guide.id}.${node.id}`).toMatch(new RegExp(`^\\s+${node.mermaidId}[[{(]`, 'm'));
      }
    }
  });

  it('renders hostile flow text as text on the Guides page, in Danish and English', async () => {
    for (const locale of ['da', 'en'] as const) {
      const guides = await guidesIn(join(HOSTILE_KNOWLEDGE, 'flows'), locale);
      const html = guidesPageBody(guides, locale, { diagrams: true });
      expect(html).not.toMatch(/<script|<img|<b>|href="javascript/i);
      expect(html).toContain('&lt;script&gt;alert(&#39;flow&#39;)&lt;/script&gt;');
      expect(html).toContain('data-mermaid-id="n_done_yes"');
    }
  });

  it('without Mermaid lists every step of every guide and says the diagrams need the development install', async () => {
    for (const locale of ['da', 'en'] as const) {
      const guides = await guidesIn('knowledge/flows', locale);
      const html = guidesPageBody(guides, locale, { diagrams: false });
      expect(html).not.toContain('mermaid-source');
      expect(html).toContain(locale === 'da' ? 'kræver udviklingsinstallationen' : 'need the development install');
      for (const guide of guides) {
        for (const node of guide.nodes) expect(html, `${guide.id}.${node.id}`).toContain(`data-node-id="${node.id}"`);
      }
    }
  });

  it('draws the definitions it is given on each call (the live flows after a reload), never a folder on disk', async () => {
    const { flows } = await loadFlows('knowledge/flows');
    let live: FlowDefinition[] = flows;
    const guides = liveGuides(() => live);
    expect(guides('da').map((g) => g.id)).toEqual(flows.map((f) => f.id));
    live = flows.slice(0, 1);
    expect(guides('da').map((g) => g.id)).toEqual([flows[0]?.id]);
    live = [];
    expect(guides('en')).toEqual([]);
  });
});
