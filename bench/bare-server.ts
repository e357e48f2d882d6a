// The baseline a team would otherwise run, started as its own process by the benchmark: a bare Bolt app (the same
// ExpressReceiver setup as ours) and a bare Agents SDK echo bot (anonymous loopback mode), each replying a fixed text.
import { ActivityHandler, CloudAdapter } from '@microsoft/agents-hosting';
import { App, ExpressReceiver, type Authorize } from '@slack/bolt';
import express from 'express';
import { BENCH_SIGNING_SECRET } from './platform-requests.ts';

const FIXED_TEXT = 'Tak for din besked.';
const port = Number(process.env.PORT ?? '0');
const web = express();
web.get('/readyz', (_req, res) => {
  res.json({ status: 'ready' });
});

const authorize: Authorize<boolean> = async () => ({ botToken: 'xoxb-bench' });
const receiver = new ExpressReceiver({ signingSecret: BENCH_SIGNING_SECRET, app: web, endpoints: '/slack/events', processBeforeResponse: false });
const bolt = new App({ receiver, authorize, clientOptions: { slackApiUrl: process.env.SLACK_API_URL } });
bolt.message(async ({ say }) => {
  await say(FIXED_TEXT);
});

const adapter = new CloudAdapter({});
const echo = new ActivityHandler().onMessage(async (context, next) => {
  await context.sendActivity(FIXED_TEXT);
  await next();
});
web.post('/api/messages', express.json({ limit: '1mb' }), (req, res) => {
  adapter.process(req, res, (context) => echo.run(context)).catch(() => {
    if (!res.headersSent) res.status(400).end();
  });
});

const server = web.listen(port, '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
