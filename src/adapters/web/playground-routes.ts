import { randomBytes } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { Bot } from '../../core/bot.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { Report } from '../../report/report-types.ts';
import type { RouteMount } from '../../server/http-server.ts';
import { chatPageBody } from './chat-page.ts';
import type { GuideSource } from './guide.ts';
import { guidesPageBody } from './guides-page.ts';
import { insightsPageBody } from './insights-page.ts';
import { renderPage } from './page-layout.ts';
import { mermaidInstalled, mountPlaygroundAssets } from './playground-assets.ts';
import { renderHtml } from './render-html.ts';
import { chosenLocale, requestLocale } from './request-locale.ts';
import { searchPageBody } from './search-page.ts';
import { parseTurnRequest } from './turn-request.ts';

/** What the playground is built from (the same bot and knowledge as Slack and Teams). */
export interface PlaygroundDeps {
  bot: Bot;
  knowledge: () => KnowledgeBase;
  guides: GuideSource;
  logger: Logger;
  /** The analytics report since a date (the "Indsigt" page); the page shows nothing without it. */
  insights?: (since?: Date) => Promise<Report>;
}

/** The page's Content-Security-Policy: nothing but this origin (Mermaid's SVG needs inline style attributes). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  });
  next();
}

/** The browser playground at `/`: chat, guides (Mermaid diagrams) and the search inspector, plus its JSON turn API. */
export function playgroundMount(deps: PlaygroundDeps): RouteMount {
  return (app) => {
    const router = express.Router();
    mountPlaygroundAssets(router, securityHeaders);
    router.get('/', securityHeaders, (req, res) => {
      const locale = requestLocale(req);
      res.type('html').send(renderPage({ locale, page: 'chat', chosenLocale: chosenLocale(req), body: chatPageBody(locale), scripts: ['chat.js'] }));
    });
    router.get('/search', securityHeaders, (req, res) => {
      const locale = requestLocale(req);
      const query = typeof req.query.q === 'string' ? req.query.q.slice(0, 500) : '';
      const body = searchPageBody(deps.knowledge(), query, locale, chosenLocale(req));
      res.type('html').send(renderPage({ locale, page: 'search', chosenLocale: chosenLocale(req), body, scripts: [] }));
    });
    router.get('/guides', securityHeaders, async (req, res) => {
      const locale = requestLocale(req);
      const body = guidesPageBody(await deps.guides(locale), locale, { diagrams: mermaidInstalled });
      const scripts = mermaidInstalled ? ['mermaid.min.js', 'guides.js'] : ['guides.js'];
      res.type('html').send(renderPage({ locale, page: 'guides', chosenLocale: chosenLocale(req), body, scripts }));
    });
    router.get('/insights', securityHeaders, async (req, res) => {
      const locale = requestLocale(req);
      const raw = typeof req.query.since === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(req.query.since) ? req.query.since : '';
      const since = raw ? new Date(`${raw}T00:00:00Z`) : undefined;
      const report = deps.insights ? await deps.insights(since && !Number.isNaN(since.getTime()) ? since : undefined) : undefined;
      const body = report ? insightsPageBody(report, locale, raw, chosenLocale(req)) : '';
      res.type('html').send(renderPage({ locale, page: 'insights', chosenLocale: chosenLocale(req), body, scripts: [] }));
    });
    router.post('/playground/api/turn', securityHeaders, express.json({ limit: '64kb' }), async (req, res) => {
      const parsed = parseTurnRequest(req.body);
      if ('error' in parsed) {
        res.status(400).json({ error: parsed.error });
        return;
      }
      const { conversationId, input } = parsed.request;
      const locale = parsed.request.locale ?? requestLocale(req);
      const reply = await deps.bot.respond({
        channel: 'web',
        conversationId: `web:${conversationId}`,
        user: { id: `web:${conversationId}`, locale },
        input,
      });
      deps.logger.debug({ conversation: conversationId, input: input.kind, messages: reply.messages.length }, 'playground turn');
      const idPrefix = `r${randomBytes(4).toString('hex')}`;
      const html = reply.messages.map((m, i) => renderHtml(m, { locale, idPrefix: `${idPrefix}-${i}` }));
      res.json({ html, flow: reply.flow });
    });
    app.use(router);
  };
}
