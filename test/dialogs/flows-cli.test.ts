import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/core/message.ts';
import { CLI, runCli } from '../support/run-cli.ts';
import { choicesOf, firstAdviceLines, messageProblems, PATH_QUESTIONS, shippedFlows } from './support.ts';

const flows = await shippedFlows();

interface ChatReply {
  messages: Message[];
  flow: { id: string; node: string; outcome: boolean } | null;
}

/** A running `some-advisor chat --json`: each line sent yields exactly one JSON line back. */
class JsonChat {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;
  stderr = '';

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [CLI, 'chat', '--json', '--conversation', 'flows-e2e', '--user', 'tester'], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.lines = createInterface({ input: this.child.stdout, crlfDelay: Infinity })[Symbol.asyncIterator]();
  }

  async send(input: string | object): Promise<ChatReply> {
    this.child.stdin.write(`${typeof input === 'string' ? input : JSON.stringify(input)}\n`);
    const next = await this.lines.next();
    if (next.done) throw new Error(`chat ended early; stderr: ${this.stderr}`);
    return JSON.parse(next.value) as ChatReply;
  }

  async close(): Promise<number | null> {
    this.child.stdin.end();
    const extra = await this.lines.next();
    expect(extra.done, 'no output line without an input line').toBe(true);
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) resolve(this.child.exitCode);
      else this.child.on('close', (code) => resolve(code));
    });
  }
}

describe('each flow completed in some-advisor chat --json by sending the choice ids it offers', () => {
  let chat: JsonChat;
  beforeAll(async () => {
    // One conversation walks all four flows quickly, so the per-user rate limit is raised for this test.
    chat = new JsonChat({ SQLITE_PATH: join(await mkdtemp(join(tmpdir(), 'some-flows-')), 'state.db'), RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    expect(await chat.close()).toBe(0);
  });

  it.each(flows.map((f) => [f.id, f] as const))('%s', async (flowId, flow) => {
    let reply = await chat.send({ flow: flowId });
    let questions = 0;
    let typedOnce = false;
    while (reply.flow && !reply.flow.outcome && questions < 20) {
      for (const message of reply.messages) expect(messageProblems(message)).toEqual([]);
      expect(reply.flow.id).toBe(flowId);
      const node = flow.nodes[reply.flow.node];
      const answers = reply.messages.flatMap(choicesOf).filter((c) => c.id.startsWith(`step:${flowId}:${reply.flow?.node}:`));
      if (node?.type === 'question' && node.input && questions % 2 === 0) {
        reply = await chat.send({ text: `Vores svar på ${reply.flow.node}` });
      } else if (!typedOnce && node?.type === 'question') {
        // One answer is typed as its number, the way people answer in a terminal: the first answer that does not end
        // the guide at once (the "ring 112" exit on the first screen is walked in its own test below).
        typedOnce = true;
        const goesOn = node.choices.findIndex((c) => flow.nodes[c.next ?? node.next ?? '']?.type !== 'outcome');
        reply = await chat.send(String(Math.max(goesOn, 0) + 1));
      } else {
        const pick = answers[(questions * 7) % answers.length];
        if (!pick) throw new Error(`no answer buttons at ${reply.flow.node}`);
        reply = await chat.send({ action: pick.id });
      }
      questions += 1;
    }
    expect(reply.flow, JSON.stringify(reply.messages.map((m) => m.fallback))).toMatchObject({ id: flowId, outcome: true });
    expect(questions).toBeGreaterThanOrEqual(PATH_QUESTIONS.min);
    expect(questions).toBeLessThanOrEqual(PATH_QUESTIONS.max);
    const outcome = flow.nodes[reply.flow?.node ?? ''];
    const offered = reply.messages.flatMap(choicesOf).map((c) => c.id);
    expect(offered).toEqual(expect.arrayContaining([`flow:${flowId}`, 'cmd:menu']));
    if (outcome?.type === 'outcome' && outcome.escalate) expect(offered).toContain('cmd:escalate');
    const back = await chat.send({ action: 'cmd:back' });
    expect(back.flow).toMatchObject({ id: flowId, outcome: false });
  });
});

describe('the "ring 112" exit on the first screen, typed as its number in some-advisor chat --json', () => {
  let chat: JsonChat;
  beforeAll(async () => {
    chat = new JsonChat({ SQLITE_PATH: join(await mkdtemp(join(tmpdir(), 'some-flows-')), 'state.db') });
  });
  afterAll(async () => {
    expect(await chat.close()).toBe(0);
  });

  it.each([
    ['crisis', 'danger'],
    ['critical-citizen', 'threat-acute'],
  ])('%s: typing 1 on the first question ends in the 112 outcome, with the urgent consultant button', async (flowId, outcomeId) => {
    const first = await chat.send({ flow: flowId });
    expect(first.flow).toMatchObject({ id: flowId, outcome: false });
    const reply = await chat.send('1');
    expect(reply.flow).toMatchObject({ id: flowId, node: outcomeId, outcome: true });
    const outcome = flows.find((f) => f.id === flowId)?.nodes[outcomeId];
    expect(outcome?.type === 'outcome' ? firstAdviceLines(outcome) : []).toEqual([expect.stringMatching(/\b112\b/)]);
    const shown = reply.messages.flatMap((m) => m.blocks).find((b) => b.type === 'text');
    expect(shown?.type === 'text' ? shown.markdown.split('\n')[0] : '').toMatch(/\b112\b/);
    expect(reply.messages.flatMap(choicesOf).map((c) => c.id)[0]).toBe('cmd:escalate');
  });
});

describe('some-advisor flows and lint', () => {
  const env = async () => ({ SQLITE_PATH: join(await mkdtemp(join(tmpdir(), 'some-flows-')), 'state.db') });

  it('flows --json lists each flow with nodes, outcomes and number of paths', async () => {
    const { code, stdout } = await runCli(['flows', '--json'], '', await env());
    expect(code).toBe(0);
    const described = JSON.parse(stdout) as { id: string; title: string; nodes: unknown[]; outcomes: unknown[]; paths: number }[];
    expect(Object.fromEntries(described.map((d) => [d.id, d.paths]))).toEqual({
      crisis: 287,
      'critical-citizen': 42,
      'platform-choice': 45198,
      strategy: 1024,
    });
    for (const d of described) {
      expect(d.title.length).toBeGreaterThan(0);
      expect(d.nodes.length).toBeGreaterThan(3);
      expect(d.outcomes.length).toBeGreaterThan(0);
    }
  });

  it('flows lists the flows for people, and --mermaid prints one flowchart or names the known ids', async () => {
    const list = await runCli(['flows'], '', await env());
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('crisis  Shitstorm – de første skridt');
    const chart = await runCli(['flows', '--mermaid', 'crisis'], '', await env());
    expect(chart.code).toBe(0);
    expect(chart.stdout.startsWith('flowchart TD\n')).toBe(true);
    const unknown = await runCli(['flows', '--mermaid', 'nope'], '', await env());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Known flows: crisis, critical-citizen, platform-choice, strategy');
  });

  it('lint checks the flows too', async () => {
    const { code, stdout } = await runCli(['lint', '--json'], '', await env());
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, flows: 4 });
  });
});
