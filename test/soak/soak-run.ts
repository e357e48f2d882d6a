import { slackDm, startHardeningServer, teamsMessage } from '../hardening/support/hardening-server.ts';
import { sampleMemory, type MemorySample } from './memory-sample.ts';

/** How big a soak to run; it stops by itself at `deadlineMs` whatever is left. */
export interface SoakOptions {
  /** Turns counted, across `conversations` conversations. */
  turns: number;
  conversations: number;
  /** Conversations driven at the same time. */
  concurrency: number;
  deadlineMs: number;
  /** Turns sent first on conversations of their own, not counted, so caches fill and V8 settles before the warm sample (default: a quarter of `turns`). */
  warmupTurns?: number;
}

/** What a soak saw: turns sent and answered, errors of every kind, and the process's memory at three points. */
export interface SoakResult {
  /** Counted turns sent (the warm-up's are not included). */
  turnsSent: number;
  warmupTurns: number;
  slackTurns: number;
  teamsTurns: number;
  /** HTTP statuses other than 200, turns with no reply in time, and error-level log lines (warm-up included). */
  errors: string[];
  /** Each sample taken after a full garbage collection: before the warm-up, after it, and after the counted turns. */
  memory: { start: MemorySample; warm: MemorySample; end: MemorySample };
  /** Live-heap growth over the counted turns: (end − warm) / warm of `heapUsedMb`. */
  heapGrowth: number;
  /** RSS growth over the same span (reported only: RSS follows V8's reserved heap, which grows under load and is given back late). */
  rssGrowth: number;
  /** Duration and rate of the counted turns. */
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

/** Runs the soak against a fresh server (temp SQLite, both endpoints on loopback, fake Slack and Teams) in this process. */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const errors: string[] = [];
  const start = sampleMemory();
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
  const deadline = Date.now() + options.deadlineMs;

  /** Sends one turn of conversation `index` on Slack (even) or Teams (odd) and waits for its reply. */
  const sendTurn = async (index: number, turn: number): Promise<void> => {
    const text = TEXTS[(index + turn) % TEXTS.length] ?? 'menu';
    if (index % 2 === 0) {
      const channel = `DSOAK${index}`;
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
      const teamsId = `a:soak-${index}`;
      drainTeams();
      const before = teamsReplies.get(teamsId) ?? 0;
      const status = await server.teamsPost(teamsMessage(server.connector.url, teamsId, { text }, `29:soak-${index}`));
      if (status !== 200) errors.push(`Teams activity answered HTTP ${status}`);
      drainTeams();
      if ((teamsReplies.get(teamsId) ?? 0) === before) errors.push(`Teams turn in ${teamsId} got no reply`);
    }
  };

  /** Sends `turns` turns over `conversations` conversations numbered from `first`, `concurrency` at a time. */
  const drive = async (turns: number, conversations: number, first: number) => {
    const perConversation = Math.ceil(turns / conversations);
    const counts = { sent: 0, slack: 0, teams: 0 };
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < conversations && Date.now() < deadline) {
        const index = first + next;
        next += 1;
        for (let turn = 0; turn < perConversation && counts.sent < turns && Date.now() < deadline; turn++) {
          counts.sent += 1;
          if (index % 2 === 0) counts.slack += 1;
          else counts.teams += 1;
          await sendTurn(index, turn);
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
    drainSlack();
    drainTeams();
    return counts;
  };

  const warmupTurns = options.warmupTurns ?? Math.floor(options.turns / 4);
  const warmupConversations = Math.max(1, Math.round((options.conversations * warmupTurns) / options.turns));
  let warm = start;
  let end = start;
  let counted = { sent: 0, slack: 0, teams: 0 };
  let started = Date.now();
  try {
    // The warm-up's conversations come after the counted ones' numbers, so the counted turns start new conversations.
    const warmup = await drive(warmupTurns, warmupConversations, options.conversations);
    if (warmup.sent < warmupTurns) errors.push(`deadline of ${options.deadlineMs} ms reached in the warm-up after ${warmup.sent} of ${warmupTurns} turns`);
    warm = sampleMemory();
    started = Date.now();
    counted = await drive(options.turns, options.conversations, 0);
    if (counted.sent < options.turns) errors.push(`deadline of ${options.deadlineMs} ms reached after ${counted.sent} of ${options.turns} turns`);
    end = sampleMemory();
  } finally {
    await server.close();
  }
  const durationMs = Date.now() - started;
  return {
    turnsSent: counted.sent,
    warmupTurns,
    slackTurns: counted.slack,
    teamsTurns: counted.teams,
    errors,
    memory: { start, warm, end },
    heapGrowth: end.heapUsedMb / warm.heapUsedMb - 1,
    rssGrowth: end.rssMb / warm.rssMb - 1,
    durationMs,
    turnsPerSecond: Math.round((counted.sent / durationMs) * 1000 * 10) / 10,
  };
}
