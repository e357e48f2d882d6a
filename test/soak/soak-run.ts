import { slackDm, startHardeningServer, teamsMessage } from '../hardening/support/hardening-server.ts';

/** How big a soak to run; it stops by itself at `deadlineMs` whatever is left. */
export interface SoakOptions {
  turns: number;
  conversations: number;
  /** Conversations driven at the same time. */
  concurrency: number;
  deadlineMs: number;
  /** The share of turns after which the warmed-up RSS is taken (default 0.1). */
  warmFraction?: number;
}

/** What a soak saw: turns sent and answered, errors of every kind, and the process's RSS at three points. */
export interface SoakResult {
  turnsSent: number;
  slackTurns: number;
  teamsTurns: number;
  /** HTTP statuses other than 200, turns with no reply in time, and error-level log lines. */
  errors: string[];
  rssMb: { start: number; warm: number; end: number };
  /** (end − warm) / warm. */
  growth: number;
  durationMs: number;
  turnsPerSecond: number;
}

const TEXTS = [
  'hvordan svarer vi en kritisk borger',
  'må vi slette kommentarer på facebook',
  'menu',
  '1',
  'hvad koster det at være på tiktok',
  'vi har en shitstorm, hvad gør vi',
  'tilgængelighed på video',
  '😀👍',
  'What should we do about hateful comments?',
  'hjælp',
  '2',
  'hvornår skal vi svare på beskeder',
];

const mb = (): number => Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;

/** Runs the soak against a fresh server (temp SQLite, both endpoints on loopback, fake Slack and Teams). */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const errors: string[] = [];
  const server = await startHardeningServer({
    logLevel: 'info',
    keepLogs: false,
    requestTimeoutMs: 5000,
    // Each user sends turns/conversations (50) turns within a minute or two: the default 30/min limit would answer many
    // with "slow down". As in bench/, the limit is raised so every turn is real work; a limited turn counts as an error.
    rateLimitPerMinute: 1_000_000,
    onLog: (line) => {
      if (typeof line.level === 'number' && line.level >= 50) errors.push(`log: ${String(line.msg)}`);
      if (String(line.msg).startsWith('rate limit reached')) errors.push('rate limited: a turn was answered with "slow down"');
    },
  });
  const slackReplies = new Map<string, number>();
  const drainSlack = () => {
    for (const call of server.slack.calls.splice(0)) {
      if (call.method !== 'chat.postMessage') continue;
      if (call.status !== 200) errors.push(`Slack ${call.method} answered ${call.status}`);
      const channel = String(call.args.channel);
      slackReplies.set(channel, (slackReplies.get(channel) ?? 0) + 1);
    }
  };
  const teamsReplies = new Map<string, number>();
  const drainTeams = () => {
    for (const call of server.connector.calls.splice(0)) {
      if (call.body.type === 'message') teamsReplies.set(call.conversationId, (teamsReplies.get(call.conversationId) ?? 0) + 1);
    }
  };
  const started = Date.now();
  const deadline = started + options.deadlineMs;
  const perConversation = Math.ceil(options.turns / options.conversations);
  const rss = { start: mb(), warm: 0, end: 0 };
  let sent = 0;
  let slackTurns = 0;
  let teamsTurns = 0;
  const warmAt = Math.floor(options.turns * (options.warmFraction ?? 0.1));

  const runConversation = async (index: number): Promise<void> => {
    const slack = index % 2 === 0;
    const channel = `DSOAK${index}`;
    const teamsId = `a:soak-${index}`;
    for (let turn = 0; turn < perConversation && sent < options.turns && Date.now() < deadline; turn++) {
      const text = TEXTS[(index + turn) % TEXTS.length] ?? 'menu';
      sent += 1;
      if (sent === warmAt) rss.warm = mb();
      if (slack) {
        slackTurns += 1;
        drainSlack();
        const before = slackReplies.get(channel) ?? 0;
        const response = await server.slackPost(slackDm(text, `USOAK${index}`, channel));
        await response.arrayBuffer();
        if (response.status !== 200) errors.push(`Slack event answered HTTP ${response.status}`);
        const until = Math.min(deadline, Date.now() + 10_000);
        while ((slackReplies.get(channel) ?? 0) === before && Date.now() < until) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          drainSlack();
        }
        if ((slackReplies.get(channel) ?? 0) === before) errors.push(`Slack turn in ${channel} got no reply within 10 s`);
      } else {
        teamsTurns += 1;
        drainTeams();
        const before = teamsReplies.get(teamsId) ?? 0;
        const status = await server.teamsPost(teamsMessage(server.connector.url, teamsId, { text }, `29:soak-${index}`));
        if (status !== 200) errors.push(`Teams activity answered HTTP ${status}`);
        drainTeams();
        if ((teamsReplies.get(teamsId) ?? 0) === before) errors.push(`Teams turn in ${teamsId} got no reply`);
      }
    }
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < options.conversations && Date.now() < deadline) {
      const index = next;
      next += 1;
      await runConversation(index);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
    drainSlack();
    if (sent < options.turns) errors.push(`deadline of ${options.deadlineMs} ms reached after ${sent} of ${options.turns} turns`);
    globalThis.gc?.();
    rss.end = mb();
  } finally {
    await server.close();
  }
  const durationMs = Date.now() - started;
  if (rss.warm === 0) rss.warm = rss.start;
  return {
    turnsSent: sent,
    slackTurns,
    teamsTurns,
    errors,
    rssMb: rss,
    growth: (rss.end - rss.warm) / rss.warm,
    durationMs,
    turnsPerSecond: Math.round((sent / durationMs) * 1000 * 10) / 10,
  };
}
