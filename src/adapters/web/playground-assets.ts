import { fileURLToPath } from 'node:url';
import type { IRouter, RequestHandler, Response } from 'express';

/** The installed Mermaid bundle, or undefined in a production install (mermaid is a development dependency). */
function findMermaidBundle(): URL | undefined {
  try {
    return new URL(import.meta.resolve('mermaid/dist/mermaid.min.js'));
  } catch {
    return undefined;
  }
}

const MERMAID_BUNDLE = findMermaidBundle();

/** True when the Guides page can draw diagrams (Mermaid is installed). */
export const mermaidInstalled = MERMAID_BUNDLE !== undefined;

// A Map, not an object literal: a name such as `__proto__` or `constructor` must not find Object.prototype's members.
const ASSETS = new Map<string, { url: URL; type: string }>([
  ['playground.css', { url: new URL('./assets/playground.css', import.meta.url), type: 'text/css; charset=utf-8' }],
  ['chat.js', { url: new URL('./assets/chat.js', import.meta.url), type: 'text/javascript; charset=utf-8' }],
  ['knowledge-banner.js', { url: new URL('./assets/knowledge-banner.js', import.meta.url), type: 'text/javascript; charset=utf-8' }],
  ['guides.js', { url: new URL('./assets/guides.js', import.meta.url), type: 'text/javascript; charset=utf-8' }],
  ...(MERMAID_BUNDLE ? [['mermaid.min.js', { url: MERMAID_BUNDLE, type: 'text/javascript; charset=utf-8' }] as const] : []),
]);

function send(res: Response, name: string): void {
  const asset = ASSETS.get(name);
  if (!asset) {
    res.sendStatus(404);
    return;
  }
  res.type(asset.type);
  res.sendFile(fileURLToPath(asset.url), { maxAge: '1h' });
}

/** Serves the playground's own files and the locally installed Mermaid bundle under /playground/assets/ (no CDN). */
export function mountPlaygroundAssets(router: IRouter, headers: RequestHandler): void {
  router.get('/playground/assets/:name', headers, (req, res) => send(res, String(req.params.name)));
}
