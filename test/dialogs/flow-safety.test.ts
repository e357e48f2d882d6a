import { describe, expect, it } from 'vitest';
import type { FlowPosition } from '../../src/shared/conversation-state.ts';
import type { FlowReply } from '../../src/core/flow-runner.ts';
import { stepActionId } from '../../src/dialogs/flow-actions.ts';
import { FlowEngine } from '../../src/dialogs/flow-engine.ts';
import { enumeratePaths } from '../../src/dialogs/flow-paths.ts';
import type { FlowDefinition, OutcomeNode } from '../../src/dialogs/flow-schema.ts';
import { allVariants } from '../../src/dialogs/local-text.ts';
import { firstAdviceLines, shippedFlows, textOf } from './support.ts';

const flows = await shippedFlows();
const engine = new FlowEngine(flows);

function flowById(id: string): FlowDefinition {
  const flow = flows.find((f) => f.id === id);
  if (!flow) throw new Error(`flow ${id} is not shipped`);
  return flow;
}

/** Every string anywhere in a flow: prompts, help, labels, set values, reasons, checklists, advice, drafts, triggers. */
function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** A choice that says someone may be in danger right now ("… i fare nu", "… i fare lige nu"). */
const DANGER_NOW = /fare (lige )?nu/i;

function press(reply: FlowReply | null | undefined, flowId: string, choiceId: string): FlowReply & { position: FlowPosition } {
  const position = reply?.position;
  if (!position) throw new Error(`no position before pressing ${choiceId}`);
  const next = engine.step(position, { kind: 'action', actionId: stepActionId(flowId, position.nodeId, choiceId) }, 'da');
  if (!next?.position) throw new Error(`no position after pressing ${choiceId}`);
  return { ...next, position: next.position };
}

describe('safety first: "someone may be in danger now" goes straight to 112', () => {
  it('in critical-citizen the danger answer leads directly to an outcome whose advice starts by naming 112', () => {
    const flow = flowById('critical-citizen');
    const danger = Object.values(flow.nodes).flatMap((node) =>
      node.type === 'question' ? node.choices.filter((c) => allVariants(c.label).some((l) => DANGER_NOW.test(l))).map((c) => ({ node, choice: c })) : [],
    );
    expect(danger.length).toBeGreaterThan(0);
    for (const { node, choice } of danger) {
      const target = flow.nodes[choice.next ?? node.next ?? ''];
      expect(target?.type, `"${String(choice.label)}" must lead to an outcome, not a question or a route`).toBe('outcome');
      if (target?.type === 'outcome') for (const line of firstAdviceLines(target)) expect(line).toMatch(/\b112\b/);
    }
  });

  it('in critical-citizen a user pressing attack → threat → danger gets the 112 advice as the very next message', () => {
    let reply = press(engine.start('critical-citizen', 'da'), 'critical-citizen', 'attack');
    reply = press(reply, 'critical-citizen', 'threat');
    reply = press(reply, 'critical-citizen', 'yes');
    expect(reply.outcome).toBe(true);
    const advice = reply.messages.at(-1)?.blocks.find((b) => b.type === 'text');
    expect(advice?.type === 'text' ? advice.markdown.split('\n')[0] : '').toMatch(/\b112\b/);
  });

  it.each(['crisis', 'critical-citizen'])('%s: the first question offers, as its first answer, a danger choice that leads directly to an outcome whose advice starts by naming 112', (flowId) => {
    const flow = flowById(flowId);
    const first = flow.nodes[flow.start];
    expect(first?.type).toBe('question');
    if (first?.type !== 'question') return;
    const choice = first.choices[0];
    expect(allVariants(choice?.label ?? '').every((l) => DANGER_NOW.test(l)), `first answer "${String(choice?.label)}"`).toBe(true);
    const target = flow.nodes[choice?.next ?? first.next ?? ''];
    expect(target?.type, 'the danger answer must lead to an outcome, not a question or a route').toBe('outcome');
    if (target?.type === 'outcome') for (const line of firstAdviceLines(target)) expect(line).toMatch(/\b112\b/);
  });

  it.each([
    ['crisis', 'danger'],
    ['critical-citizen', 'threat-acute'],
  ])('%s: a user pressing the danger answer on the first screen gets the 112 advice, with an urgent consultant, as the very next message', (flowId, outcomeId) => {
    const reply = press(engine.start(flowId, 'da'), flowId, 'danger-now');
    expect(reply.outcome).toBe(true);
    expect(reply.position.nodeId).toBe(outcomeId);
    expect(reply.position.history).toHaveLength(1);
    expect(reply.escalate?.urgent).toBe(true);
    const advice = reply.messages.at(-1)?.blocks.find((b) => b.type === 'text');
    expect(advice?.type === 'text' ? advice.markdown.split('\n')[0] : '').toMatch(/\b112\b/);
  });

  it('in every flow, an answer saying someone may be in danger now leads directly to an outcome that starts with 112', () => {
    for (const flow of flows) {
      for (const node of Object.values(flow.nodes)) {
        if (node.type !== 'question') continue;
        for (const choice of node.choices.filter((c) => allVariants(c.label).some((l) => DANGER_NOW.test(l)))) {
          const target = flow.nodes[choice.next ?? node.next ?? ''];
          expect(target?.type, `${flow.id}: "${String(choice.label)}"`).toBe('outcome');
          if (target?.type === 'outcome') for (const line of firstAdviceLines(target)) expect(line, flow.id).toMatch(/\b112\b/);
        }
      }
    }
  });
});

describe('no flow says the municipality may answer citizens sharply', () => {
  it.each(flows.map((f) => [f.id, f] as const))('%s: no sentence pairs answering (svar…) with sharpness (skarp…)', (_id, flow) => {
    const sentences = allStrings(flow).flatMap((text) => text.split(/(?<=[.!?])\s+|\n+/));
    expect(sentences.filter((s) => /skarp/i.test(s) && /\bsvar/i.test(s))).toEqual([]);
  });
});

describe('words the style guide retired', () => {
  it.each(flows.map((f) => [f.id, f] as const))('%s: no "holdbesked" and no "X eller den nye platform"', (_id, flow) => {
    const offending = allStrings(flow).filter((s) => /holdbesked|X eller den nye platform/i.test(s));
    expect(offending).toEqual([]);
  });
});

describe('platform-choice keeps the TikTok conditions of the FAQ entry', () => {
  const flow = flowById('platform-choice');
  /** Outcomes that tell the municipality not to start the platform (now, or at all). */
  const notStarting = new Set(['not-now', 'existing-channel']);

  it('every outcome where a TikTok path says "go" names a separate device, a time-limited trial and an exit plan', () => {
    const tiktokGo = new Set(
      enumeratePaths(flow)
        .filter((p) => p.steps[0]?.answer && 'choiceId' in p.steps[0].answer && p.steps[0].answer.choiceId === 'tiktok')
        .map((p) => p.outcomeId ?? '(broken)')
        .filter((id) => !notStarting.has(id)),
    );
    expect(tiktokGo.size).toBeGreaterThan(0);
    for (const id of tiktokGo) {
      const node = flow.nodes[id];
      expect(node?.type, id).toBe('outcome');
      if (node?.type !== 'outcome') continue;
      const text = allStrings([node.title, node.advice, node.checklist, node.draft]).join('\n');
      expect(text, id).toMatch(/separat enhed/i);
      expect(text, id).toMatch(/tidsbegrænset forsøg/i);
      expect(text, id).toMatch(/exitplan/i);
    }
  });

  it('no path says "yes" when two or more of content, critical dialogue and security are not prepared at all', () => {
    const unprepared = { content: 'unclear', dialogue: 'no', security: 'no' } as const;
    const reached = new Map<string, number>();
    for (const path of enumeratePaths(flow)) {
      const missing = path.steps.filter((step) => step.nodeId in unprepared && 'choiceId' in step.answer && step.answer.choiceId === unprepared[step.nodeId as keyof typeof unprepared]).length;
      if (missing < 2) continue;
      const outcome = path.outcomeId ?? '(broken)';
      reached.set(outcome, (reached.get(outcome) ?? 0) + 1);
    }
    expect([...reached.keys()].sort()).toEqual(['existing-channel', 'not-now']);
  });

  it('naming TikTok in the new-platform question also gets the TikTok security question', () => {
    const asked = press(engine.start('platform-choice', 'da'), 'platform-choice', 'x-or-new');
    const named = engine.step(asked.position, { kind: 'text', text: 'tiktok' }, 'da');
    let reply: FlowReply | null | undefined = named;
    for (const choice of ['service', 'yes', 'yes', 'comms', 'ready']) reply = press(reply, 'platform-choice', choice);
    expect(reply?.position?.nodeId).toBe('security-tiktok');
  });

  it('a platform typed in lower case is named as the buttons spell it, or with a capital, in the outcome', () => {
    const named = (typed: string) => engine.step(press(engine.start('platform-choice', 'da'), 'platform-choice', 'x-or-new').position, { kind: 'text', text: typed }, 'da');
    for (const [typed, name] of [['snapchat', 'Snapchat'], ['tiktok', 'TikTok'], ['youtube', 'YouTube'], ['BeReal', 'BeReal']] as const) {
      expect(named(typed)?.position?.vars.platform, typed).toBe(name);
      expect(named(typed)?.position?.answers['which-new'], typed).toBe(typed);
    }
    let reply: FlowReply | null | undefined = named('snapchat');
    for (const choice of ['service', 'yes', 'yes', 'comms', 'ready', 'done', 'yes']) if (reply?.position) reply = press(reply, 'platform-choice', choice);
    const heading = reply?.messages.at(-1)?.blocks[0];
    expect(heading?.type === 'heading' ? heading.text : '').toBe('Gå i gang med Snapchat');
  });

  it('the new-platform branch asks which platform and names it in the outcome', () => {
    let reply = press(engine.start('platform-choice', 'da'), 'platform-choice', 'x-or-new');
    expect(textOf(reply.messages[0] ?? { blocks: [], fallback: '' })).toContain('Hvilken platform');
    reply = press(reply, 'platform-choice', 'bluesky');
    for (const choice of ['service', 'yes', 'yes', 'comms', 'ready', 'done', 'yes']) reply = press(reply, 'platform-choice', choice);
    expect(reply.outcome).toBe(true);
    const heading = reply.messages.at(-1)?.blocks[0];
    expect(heading?.type === 'heading' ? heading.text : '').toContain('Bluesky');
  });
});

describe('drafts say only what the answers support', () => {
  it('critical-citizen: a draft names the debate policy only when the user said they have one that covers it', () => {
    const flow = flowById('critical-citizen');
    const named = { yes: 0, no: 0 };
    for (const path of enumeratePaths(flow)) {
      const policy = path.steps.find((step) => step.nodeId === 'policy')?.answer;
      if (!policy || !('choiceId' in policy) || path.outcomeId === undefined) continue;
      let reply: FlowReply | null | undefined = engine.start('critical-citizen', 'da');
      for (const step of path.steps) if (step.answer && 'choiceId' in step.answer) reply = press(reply, 'critical-citizen', step.answer.choiceId);
      const text = (reply?.messages ?? []).map(textOf).join('\n');
      const draft = /(Vi har fjernet[^\n]*)/.exec(text)?.[1];
      if (draft === undefined) continue;
      if (draft.includes('debatpolitik')) named[policy.choiceId === 'yes' ? 'yes' : 'no']++;
      if (policy.choiceId !== 'yes') expect(draft, `${path.steps.map((s) => s.nodeId).join(' → ')} → ${path.outcomeId}`).not.toContain('debatpolitik');
    }
    expect(named).toEqual({ yes: expect.any(Number), no: 0 });
    expect(named.yes).toBeGreaterThan(2);
  });
});

describe('strategy asks as many core questions as its description promises', () => {
  it('its skip button is in English in the English interface (the trial saw "Spring over – udfyld senere")', () => {
    const first = engine.start('strategy', 'en');
    const labels = (first?.messages ?? []).flatMap((m) => m.blocks.flatMap((b) => (b.type === 'choices' ? b.choices.map((c) => c.label) : [])));
    expect(labels).toContain('Skip – fill in later');
    expect(labels.join(' ')).not.toContain('Spring over');
  });

  const NUMBER_WORDS: Record<string, number> = { to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10, elleve: 11, tolv: 12 };

  it('the number of questions on every path equals the number in the description, and the draft holds every answer', () => {
    const flow = flowById('strategy');
    const description = allVariants(flow.description)[0] ?? '';
    const promised = /\b(\d+|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv)\s+kernespørgsmål/i.exec(description)?.[1]?.toLowerCase();
    expect(promised, 'the description says how many core questions it asks').toBeDefined();
    const count = Number.isNaN(Number(promised)) ? NUMBER_WORDS[promised ?? ''] : Number(promised);
    const questions = Object.entries(flow.nodes).filter(([, n]) => n.type === 'question');
    expect(questions).toHaveLength(count ?? -1);
    for (const path of enumeratePaths(flow)) expect(path.steps).toHaveLength(count ?? -1);
    const draft = Object.values(flow.nodes).find((n): n is OutcomeNode => n.type === 'outcome')?.draft;
    // `{{answers.<id>}}` (the engine marks a missing answer to come back to) or `{{answers.<id>|default}}`.
    for (const [id] of questions) expect(allStrings(draft).join('\n')).toMatch(new RegExp(`\\{\\{answers\\.${id}(\\||\\}\\})`));
  });
});
