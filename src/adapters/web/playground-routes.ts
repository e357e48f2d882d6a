import { randomBytes } from 'node:crypto';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import { textMessage } from '../../core/answers.ts';
import type { Bot } from '../../core/bot.ts';
import type { RateLimiter } from '../../core/rate-limiter.ts';
import { stringsFor } from '../../i18n/strings.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { RejectedReload } from '../../main.ts';
import type { Report } from '../../report/report-types.ts';
import type { Locale } from '../../shared/locale.ts';
import type { RouteMount } from '../../server/http-server.ts';
import type { Store } from '../../store/store.ts';
import { chatPageBody } from './chat-page.ts';
import type { GuideSource } from './guide.ts';
import { guidesPageBody } from './guides-page.ts';
import { hostGuard } from './host-guard.ts';
import { insightsPageBody } from './insights-page.ts';
import { renderPage } from './page-layout.ts';
import { mermaidInstalled, mountPlaygroundAssets } from './playground-assets.ts';
import { reloadBanner } from './reload-banner.ts';
import { renderHtml } from './render-html.ts';
import { chosenLocale, requestLocale } from './request-locale.ts';
import { searchPageBody } from './search-page.ts';
import { browserConversationId, parseTurnRequest } from './turn-request.ts';
import { readHistory, recordTurn, webConversationId } from './conversation-history.ts';

/** What the playground is built from (the same bot and knowledge as Slack and Teams). */
export interface PlaygroundDeps {
  bot: Bot;
  knowledge: () => KnowledgeBase;
  guides: GuideSource;
  /** The latest knowledge reload when it was rejected: every page shows it in a banner until a reload goes live. */
  rejectedReload: () => RejectedReload | undefined;
  logger: Logger;
  /** The analytics report since a date (the "Indsigt" page); the page shows nothing without it. */
  insights?: (since?: Date) => Promise<Report>;
  /** Where conversations' history is kept (reloads and notifications); without it the page keeps nothing across reloads. */
  store?: Store;
  /** PUBLIC_URL: its host is answered besides localhost, 127.0.0.1 and [::1]. */
  publicUrl?: string;
  /** The number of a consultant request from this conversation that is still open: "Ny samtale" keeps following such a conversation. */
  openCase?: (conversationId: string) => Promise<string | undefined>;
  /** Turns per client address (the browser picks the conversation id, so the bot's per-user limit alone is no limit). */
  clientLimiter?: RateLimiter;
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
  // Every playground route checks the Host header first (DNS rebinding), then sets the security headers.
  const checkHost = hostGuard(deps.publicUrl);
  const guarded: RequestHandler = (req, res, next) => checkHost(req, res, () => securityHeaders(req, res, next));
  return (app) => {
    const router = express.Router();
    mountPlaygroundAssets(router, guarded);
    const banner = (locale: Locale, guides = false) => reloadBanner(deps.rejectedReload(), locale, { guides });
    router.get('/', guarded, (req, res) => {
      const locale = requestLocale(req);
      res.type('html').send(renderPage({ locale, page: 'chat', chosenLocale: chosenLocale(req), banner: banner(locale), body: chatPageBody(locale), scripts: ['chat.js', 'knowledge-banner.js'] }));
    });
    router.get('/search', guarded, (req, res) => {
      const locale = requestLocale(req);
      const query = typeof req.query.q === 'string' ? req.query.q.slice(0, 500) : '';
      const body = searchPageBody(deps.knowledge(), query, locale, chosenLocale(req));
      res.type('html').send(renderPage({ locale, page: 'search', chosenLocale: chosenLocale(req), banner: banner(locale), body, scripts: [] }));
    });
    router.get('/guides', guarded, (req, res) => {
      const locale = requestLocale(req);
      const body = guidesPageBody(deps.guides(locale), locale, { diagrams: mermaidInstalled });
      const scripts = mermaidInstalled ? ['mermaid.min.js', 'guides.js'] : ['guides.js'];
      res.type('html').send(renderPage({ locale, page: 'guides', chosenLocale: chosenLocale(req), banner: banner(locale, true), body, scripts }));
    });
    router.get('/insights', guarded, async (req, res) => {
      const locale = requestLocale(req);
      const raw = typeof req.query.since === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(req.query.since) ? req.query.since : '';
      const since = raw ? new Date(`${raw}T00:00:00Z`) : undefined;
      const report = deps.insights ? await deps.insights(since && !Number.isNaN(since.getTime()) ? since : undefined) : undefined;
      const body = report ? insightsPageBody(report, locale, raw, chosenLocale(req)) : '';
      res.type('html').send(renderPage({ locale, page: 'insights', chosenLocale: chosenLocale(req), banner: banner(locale), body, scripts: [] }));
    });
    router.post('/playground/api/turn', guarded, express.json({ limit: '64kb' }), async (req, res) => {
      const parsed = parseTurnRequest(req.body);
      if ('error' in parsed) {
        res.status(400).json({ error: parsed.error });
        return;
      }
      const { conversationId, input } = parsed.request;
      const locale = parsed.request.locale ?? requestLocale(req);
      const client = req.socket.remoteAddress ?? 'unknown';
      if (deps.clientLimiter && !deps.clientLimiter.allow(client)) {
        deps.logger.warn({ client }, 'playground rate limit reached for a client address; turn answered with "slow down"');
        res.status(429).json({ html: [renderHtml(textMessage(stringsFor(locale).rateLimited), { locale, idPrefix: 'limited' })], flow: null });
        return;
      }
      const id = webConversationId(conversationId);
      const reply = await deps.bot.respond({ channel: 'web', conversationId: id, user: { id, locale }, input });
      deps.logger.debug({ conversation: conversationId, input: input.kind, messages: reply.messages.length }, 'playground turn');
      if (deps.store) {
        await recordTurn(deps.store, id, parsed.request.silent ? undefined : reply.said, reply.messages).catch((error: unknown) =>
          deps.logger.warn({ err: error, conversation: conversationId }, 'playground turn not kept in the history; a reload will not show it'),
        );
      }
      const idPrefix = `r${randomBytes(4).toString('hex')}`;
      const html = reply.messages.map((m, i) => renderHtml(m, { locale, idPrefix: `${idPrefix}-${i}` }));
      // a typed message comes back as the bot kept it (CPR numbers, e-mails and phone numbers already removed), so the
      // page shows that
      const said = input.kind === 'text' && reply.said !== undefined ? { said: reply.said } : {};
      res.json({ html, flow: reply.flow, ...said });
    });
    // The chat page asks this while it is open, so a rejected (or fixed) save shows without a reload.
    router.get('/playground/api/knowledge-status', guarded, (req, res) => {
      const rejected = deps.rejectedReload();
      res.json({ rejectedAt: rejected ? rejected.at.toISOString() : null, banner: reloadBanner(rejected, requestLocale(req)) });
    });
    router.get('/playground/api/history', guarded, async (req, res) => {
      const conversationId = browserConversationId.safeParse(req.query.conversationId);
      const after = typeof req.query.after === 'string' && /^\d{1,15}$/.test(req.query.after) ? Number(req.query.after) : 0;
      if (!conversationId.success) {
        res.status(400).json({ error: 'conversationId: must be 8-64 letters, digits, - or _' });
        return;
      }
      if (!deps.store) {
        res.json({ entries: [] });
        return;
      }
      const idPrefix = `h${randomBytes(4).toString('hex')}`;
      try {
        res.json({ entries: await readHistory(deps.store, webConversationId(conversationId.data), after, requestLocale(req), idPrefix) });
      } catch (error) {
        deps.logger.warn({ err: error, conversation: conversationId.data }, 'playground history could not be read');
        res.status(503).json({ error: 'The history cannot be read right now; the page tries again.' });
      }
    });
    // Asked when "Ny samtale" is pressed: a consultant's answers to an open request come in the conversation left behind,
    // so the page keeps asking that conversation's history for notifications.
    router.get('/playground/api/open-case', guarded, async (req, res) => {
      const conversationId = browserConversationId.safeParse(req.query.conversationId);
      if (!conversationId.success) {
        res.status(400).json({ error: 'conversationId: must be 8-64 letters, digits, - or _' });
        return;
      }
      try {
        res.json({ number: (await deps.openCase?.(webConversationId(conversationId.data))) ?? null });
      } catch (error) {
        deps.logger.warn({ err: error, conversation: conversationId.data }, 'open cases could not be read; "Ny samtale" asks nothing');
        res.status(503).json({ error: 'The cases cannot be read right now.' });
      }
    });
    app.use(router);
  };
}
