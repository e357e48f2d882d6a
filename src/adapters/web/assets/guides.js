// The Guides page: makes every item of the step list show that step's text, and — when the locally served Mermaid is
// loaded (development install) — draws each flow (securityLevel strict) when its diagram is opened, with clickable nodes.
'use strict';
(() => {
  const drawing = typeof mermaid !== 'undefined';
  if (drawing) mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', flowchart: { useMaxWidth: false } });
  let counter = 0;

  function showNode(section, nodeId) {
    for (const panel of section.querySelectorAll('.node-panel')) {
      panel.hidden = panel.dataset.nodeId !== nodeId;
      if (!panel.hidden) panel.scrollIntoView({ block: 'nearest' });
    }
    for (const button of section.querySelectorAll('.node-button')) {
      button.setAttribute('aria-expanded', String(button.dataset.nodeId === nodeId));
    }
    for (const node of section.querySelectorAll('g.node')) node.classList.toggle('selected', node.dataset.nodeId === nodeId);
    const hint = section.querySelector('.node-hint');
    if (hint) hint.hidden = true;
  }

  function wireDiagram(section, container) {
    const buttons = new Map();
    for (const button of section.querySelectorAll('.node-button')) buttons.set(button.dataset.mermaidId, button);
    for (const node of container.querySelectorAll('g.node')) {
      const match = /flowchart-(.+)-\d+$/.exec(node.id);
      const button = match ? buttons.get(match[1]) : undefined;
      if (!button) continue;
      node.dataset.nodeId = button.dataset.nodeId;
      node.setAttribute('tabindex', '0');
      node.setAttribute('role', 'button');
      node.setAttribute('aria-label', button.textContent);
      node.classList.add('clickable');
      node.addEventListener('click', () => showNode(section, button.dataset.nodeId));
      node.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        showNode(section, button.dataset.nodeId);
      });
    }
  }

  async function draw(section) {
    const container = section.querySelector('.diagram');
    if (!container || container.dataset.drawn) return;
    container.dataset.drawn = 'true';
    const source = section.querySelector('.mermaid-source').textContent;
    try {
      counter += 1;
      const { svg } = await mermaid.render('mermaid-diagram-' + counter, source);
      const template = document.createElement('template');
      template.innerHTML = svg;
      container.replaceChildren(template.content);
      wireDiagram(section, container);
    } catch {
      container.textContent = container.dataset.error;
    }
  }

  for (const section of document.querySelectorAll('section.guide')) {
    const details = section.querySelector('details.diagram-details');
    if (drawing && details) {
      details.addEventListener('toggle', () => {
        if (details.open) draw(section);
      });
    }
    for (const button of section.querySelectorAll('.node-button')) {
      button.addEventListener('click', () => showNode(section, button.dataset.nodeId));
    }
  }
})();
