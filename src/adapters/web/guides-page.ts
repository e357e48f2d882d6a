import type { Locale } from '../../shared/locale.ts';
import { escapeHtml } from './escape-html.ts';
import type { Guide, GuideNode } from './guide.ts';
import { domId } from './render-form-html.ts';
import { renderHtml } from './render-html.ts';
import { webStringsFor, type WebStrings } from './web-strings.ts';

function nodeButton(guide: Guide, node: GuideNode, s: WebStrings): string {
  const panelId = domId('node', guide.id, node.id);
  return `<li><button type="button" class="node-button" data-node-id="${escapeHtml(node.id)}" data-mermaid-id="${escapeHtml(
    node.mermaidId,
  )}" aria-controls="${panelId}" aria-expanded="false"><span class="node-kind">${escapeHtml(s.nodeKinds[node.kind])}</span> ${escapeHtml(
    node.label,
  )}</button></li>`;
}

function nodePanel(guide: Guide, node: GuideNode, locale: Locale): string {
  const panelId = domId('node', guide.id, node.id);
  return `<div class="node-panel" id="${panelId}" data-node-id="${escapeHtml(node.id)}" hidden>${renderHtml(node.text, {
    locale,
    idPrefix: panelId,
  })}</div>`;
}

function diagram(guide: Guide, s: WebStrings): string {
  return `<details class="diagram-details">
<summary>${escapeHtml(s.showDiagram)}</summary>
<pre class="mermaid-source" hidden>${escapeHtml(guide.mermaid)}</pre>
<div class="diagram" role="group" aria-label="${escapeHtml(s.diagramLabel(guide.title))}" data-error="${escapeHtml(s.diagramError)}"></div>
</details>`;
}

function guideSection(guide: Guide, locale: Locale, diagrams: boolean): string {
  const s = webStringsFor(locale);
  const base = domId('guide', guide.id);
  return `<section class="guide" id="${base}" aria-labelledby="${base}-title">
<h2 id="${base}-title">${escapeHtml(guide.title)}</h2>
<p>${escapeHtml(guide.description)}</p>
${diagrams ? diagram(guide, s) : ''}
<div class="guide-steps">
<h3 id="${base}-steps">${escapeHtml(s.nodesHeading)}</h3>
<ul class="node-list" aria-labelledby="${base}-steps">${guide.nodes.map((n) => nodeButton(guide, n, s)).join('')}</ul>
<div class="node-detail" aria-live="polite" aria-label="${escapeHtml(s.nodeDetailsLabel)}">
<p class="node-hint">${escapeHtml(s.nodeHint)}</p>
${guide.nodes.map((n) => nodePanel(guide, n, locale)).join('\n')}
</div>
</div>
</section>`;
}

/**
 * The body of the Guides page: each flow with a diagram (drawn by guides.js; only with `diagrams`, i.e. when Mermaid is
 * installed) and a clickable list of its steps.
 */
export function guidesPageBody(guides: readonly Guide[], locale: Locale, options: { diagrams: boolean }): string {
  const s = webStringsFor(locale);
  const sections = guides.length > 0 ? guides.map((g) => guideSection(g, locale, options.diagrams)).join('\n') : `<p>${escapeHtml(s.noGuides)}</p>`;
  return `<h1>${escapeHtml(s.guidesHeading)}</h1>
<p>${escapeHtml(options.diagrams ? s.guidesIntro : s.guidesIntroWithoutDiagrams)}</p>
${sections}`;
}
