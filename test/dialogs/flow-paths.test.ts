import { describe, expect, it } from 'vitest';
import type { FlowReply } from '../../src/core/flow-runner.ts';
import { describeFlows } from '../../src/dialogs/describe-flows.ts';
import { FlowEngine } from '../../src/dialogs/flow-engine.ts';
import { enumeratePaths } from '../../src/dialogs/flow-paths.ts';
import type { FlowDefinition } from '../../src/dialogs/flow-schema.ts';
import { choicesOf, fewestQuestionsTo, messageProblems, PATH_QUESTIONS, shippedFlows, textOf } from './support.ts';

const flows = await shippedFlows();

interface Walk {
  paths: number;
  outcomes: Set<string>;
  longest: number;
  shortest: number;
  /** Everything wrong found on the way, as "where: what" (collected, so the walk stays fast). */
  problems: string[];
}

/**
 * Answers every question every way the engine offers (each answer button, plus a typed answer on free-text questions),
 * checking every reply on the way, and returns what it found at the ends.
 */
function walkAll(engine: FlowEngine, flow: FlowDefinition): Walk {
  const walk: Walk = { paths: 0, outcomes: new Set(), longest: 0, shortest: Number.POSITIVE_INFINITY, problems: [] };
  const visit = (reply: FlowReply | null | undefined, where: string): void => {
    const position = reply?.position;
    const message = reply?.messages.at(-1);
    if (!reply || !position || !message) {
      walk.problems.push(`${where}: no reply, position or message`);
      return;
    }
    for (const m of reply.messages) walk.problems.push(...messageProblems(m).map((p) => `${where}: ${p}`));
    if (reply.outcome) {
      walk.problems.push(...outcomeProblems(flow, reply).map((p) => `${where}: ${p}`));
      walk.paths += 1;
      walk.outcomes.add(position.nodeId);
      walk.longest = Math.max(walk.longest, position.history.length);
      walk.shortest = Math.min(walk.shortest, position.history.length);
      return;
    }
    for (const choice of choicesOf(message).filter((c) => c.id.startsWith(`step:${flow.id}:`))) {
      visit(engine.step(position, { kind: 'action', actionId: choice.id }, 'da'), `${where} > ${choice.id}`);
    }
    const node = flow.nodes[position.nodeId];
    if (node?.type === 'question' && node.input) {
      visit(engine.step(position, { kind: 'text', text: 'Vi vil have færre opkald om affald.' }, 'da'), `${where} > (text)`);
    }
  };
  visit(engine.start(flow.id, 'da'), flow.id);
  return walk;
}

function outcomeProblems(flow: FlowDefinition, reply: FlowReply): string[] {
  const position = reply.position;
  const node = position ? flow.nodes[position.nodeId] : undefined;
  const message = reply.messages.at(-1);
  if (!position || node?.type !== 'outcome' || !message) return ['outcome reply without an outcome node'];
  const text = textOf(message);
  const ids = choicesOf(message).map((c) => c.id);
  const questions = position.history.length;
  const fewest = fewestQuestionsTo(node);
  const checks: [boolean, string][] = [
    [message.blocks[0]?.type === 'heading', 'does not start with a heading'],
    [text.length > 200, `only ${text.length} characters of content`],
    [!/\{\{|\}\}/.test(text), 'has an unfilled template reference'],
    [questions >= fewest && questions <= PATH_QUESTIONS.max, `${questions} questions (${fewest}–${PATH_QUESTIONS.max} allowed)`],
    [ids.includes(`flow:${flow.id}`) && ids.includes('cmd:menu'), 'misses the start-again or menu button'],
    [!node.draft || text.includes('**Udkast – tilpas før brug**'), 'draft is not marked as a draft'],
    [node.escalate ? ids[0] === 'cmd:escalate' : !ids.includes('cmd:escalate'), 'consultant button does not match escalate'],
    [reply.escalate?.urgent === node.escalate?.urgent, 'FlowReply.escalate does not match the outcome'],
  ];
  return checks.filter(([ok]) => !ok).map(([, problem]) => problem);
}

// platform-choice's 45,198 paths, each walked through the real engine: 10–14 s beside the other test files on a 2-core
// machine, 38 s with three test files at a time; the time is not what this checks
const WALK_TIMEOUT_MS = 120_000;

describe('every path of every shipped flow, walked through the engine', () => {
  const engine = new FlowEngine(flows);
  const described = new Map(describeFlows(flows).map((d) => [d.id, d]));

  it.each(flows.map((f) => [f.id, f] as const))('%s: each path ends in a complete outcome after 2–10 questions (a "ring 112" outcome after 1–10)', (_id, flow) => {
    const walk = walkAll(engine, flow);
    expect(walk.problems.slice(0, 10)).toEqual([]);
    const outcomeIds = Object.entries(flow.nodes).filter(([, n]) => n.type === 'outcome').map(([id]) => id);
    expect([...walk.outcomes].sort()).toEqual(outcomeIds.sort());
    expect(walk.paths).toBe(enumeratePaths(flow).length);
    expect(described.get(flow.id)).toMatchObject({ paths: walk.paths, longestPath: walk.longest, shortestPath: walk.shortest });
  }, WALK_TIMEOUT_MS);

  it('has the expected number of paths and path lengths per flow', () => {
    const summary = Object.fromEntries([...described.values()].map((d) => [d.id, [d.paths, d.shortestPath, d.longestPath]]));
    expect(summary).toEqual({
      crisis: [287, 1, 6],
      'critical-citizen': [42, 1, 4],
      'platform-choice': [45198, 8, 9],
      strategy: [1024, 10, 10],
    });
  });

  it('crisis: every outcome offers an urgent consultant and a holding statement', () => {
    const crisis = flows.find((f) => f.id === 'crisis');
    const outcomes = Object.values(crisis?.nodes ?? {}).filter((n) => n.type === 'outcome');
    expect(outcomes).toHaveLength(7);
    for (const outcome of outcomes) {
      expect(outcome.type === 'outcome' && outcome.escalate?.urgent).toBe(true);
      expect(outcome.type === 'outcome' && outcome.draft).toBeTruthy();
    }
  });

  it('critical-citizen: every outcome has a draft reply', () => {
    const flow = flows.find((f) => f.id === 'critical-citizen');
    for (const [id, node] of Object.entries(flow?.nodes ?? {})) {
      if (node.type === 'outcome') expect(node.draft, id).toBeTruthy();
    }
  });
});

describe('critical-citizen covers the seven kinds of comment', () => {
  const engine = new FlowEngine(flows);
  const press = (labels: string[]): string | undefined => {
    let reply = engine.start('critical-citizen', 'da');
    for (const label of labels) {
      if (!reply?.position) return undefined;
      reply = engine.step(reply.position, { kind: 'text', text: label }, 'da') ?? undefined;
    }
    return reply?.outcome ? reply.position?.nodeId : undefined;
  };

  it.each([
    ['legitimate criticism, own fault', ['Kritik af kommunen', 'Ja – vi har lavet en fejl', 'Lidt – få reaktioner'], 'criticism-own-fault'],
    ['legitimate criticism, correct', ['Kritik af kommunen', 'Nej – kommunen har handlet korrekt', 'Meget'], 'criticism-explain'],
    ['factual error or rumour', ['Fejl eller rygte', 'Én kommentar eller tråd', 'Ja – vi har fakta og en kilde at linke til'], 'correct-error'],
    ['rumour without facts yet', ['Fejl eller rygte', 'Pressen har fat i det', 'Nej – vi mangler fakta fra fagområdet'], 'error-check-facts'],
    ["the citizen's own case with sensitive data", ['Borgerens egen sag', 'Borgeren selv', 'Ja – der er følsomme oplysninger'], 'own-case-remove'],
    ["the citizen's own case, nothing sensitive", ['Borgerens egen sag', 'Borgeren selv', 'Nej – men det er tydeligt'], 'own-case'],
    ["someone else writes about a citizen's case", ['Borgerens egen sag', 'En anden', 'Nej – men det er tydeligt'], 'own-case-remove'],
    ['harassment of an employee', ['Angreb', 'Chikane af en medarbejder', 'Det er sket før', 'Ja'], 'harassment'],
    ['danger right now, on the first screen', ['Fare'], 'threat-acute'],
    ['threat, acute danger', ['Angreb', 'Trussel om vold eller anden skade', 'Ja – nogen kan være i fare nu'], 'threat-acute'],
    ['threat', ['Angreb', 'Trussel om vold eller anden skade', 'Nej – ikke akut', 'Ja'], 'threat'],
    ['hateful content', ['Angreb', 'Hadefuldt indhold', 'En politiker', 'Ja'], 'hateful'],
    ['spam', ['Spam, svindel eller falsk profil', 'Reklame, spam eller indhold helt uden for emnet', 'Ja'], 'spam-remove'],
    ['scam or fake profile', ['Spam, svindel eller falsk profil', 'Falsk profil', 'Nej'], 'scam-warn'],
  ])('%s', (_name, labels, outcome) => {
    expect(press(labels)).toBe(outcome);
  });
});
