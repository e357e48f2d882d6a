import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowPosition } from '../../src/shared/conversation-state.ts';
import type { FlowReply } from '../../src/core/flow-runner.ts';
import type { Message } from '../../src/core/message.ts';
import type { Locale } from '../../src/shared/locale.ts';
import { CMD_BACK, CMD_RESTART, CMD_STOP, stepActionId } from '../../src/dialogs/flow-actions.ts';
import { FlowEngine } from '../../src/dialogs/flow-engine.ts';
import { choicesOf, messageProblems, shippedFlows } from './support.ts';

const flows = await shippedFlows();
const engine = new FlowEngine(flows);
const flowIds = flows.map((f) => f.id);
const nodeIds = [...new Set(flows.flatMap((f) => Object.keys(f.nodes)))];

/** One thing a user (or a stale client) can do. */
type Command =
  | { kind: 'press'; index: number }
  | { kind: 'answer'; index: number }
  | { kind: 'label'; index: number; typo: number }
  | { kind: 'bogus'; actionId: string }
  | { kind: 'stale'; flow: number; node: number; choice: string }
  | { kind: 'text'; text: string }
  | { kind: 'back' | 'restart' | 'stop' | 'current' | 'typed-back' | 'typed-stop' | 'typed-restart' }
  | { kind: 'start'; flow: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('press' as const), index: fc.nat(20) }) },
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('answer' as const), index: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('label' as const), index: fc.nat(20), typo: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bogus' as const), actionId: fc.oneof(fc.string(), fc.constantFrom('step:', 'step:a:b:c:d', 'flow:', 'flow:nope', 'cmd:', 'cmd:menu', 'cmd:escalate')) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stale' as const), flow: fc.nat(10), node: fc.nat(100), choice: fc.constantFrom('yes', 'no', 'skip', 'a', '1') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('text' as const), text: fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('1', '2', '3', '7', '0', '99', '', '  ', 'ja', 'nej', '{{reasons}}', '**fed**', 'x'.repeat(700))) }) },
  { weight: 1, arbitrary: fc.constantFrom<Command>({ kind: 'back' }, { kind: 'restart' }, { kind: 'stop' }, { kind: 'current' }, { kind: 'typed-back' }, { kind: 'typed-stop' }, { kind: 'typed-restart' }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('start' as const), flow: fc.nat(10) }) },
);

function misspell(label: string, seed: number): string {
  if (seed % 3 === 0 || label.length < 4) return label;
  const at = seed % label.length;
  return label.slice(0, at) + label.slice(at + 1);
}

/** Runs one command the way the bot would, returning the engine's reply (null: not for the flow). */
function run(position: FlowPosition, last: Message[], cmd: Command, locale: Locale): FlowReply | null | 'left' {
  const offered = last.flatMap(choicesOf);
  switch (cmd.kind) {
    case 'press': {
      const choice = offered[cmd.index % Math.max(1, offered.length)];
      if (!choice) return engine.current(position, locale);
      if (choice.id === 'cmd:menu' || choice.id === 'cmd:escalate') return 'left';
      return engine.step(position, { kind: 'action', actionId: choice.id }, locale);
    }
    case 'answer': {
      const answers = offered.filter((c) => c.id.startsWith('step:'));
      const choice = answers[cmd.index % Math.max(1, answers.length)];
      return choice ? engine.step(position, { kind: 'action', actionId: choice.id }, locale) : engine.current(position, locale);
    }
    case 'label': {
      const choice = offered[cmd.index % Math.max(1, offered.length)];
      return engine.step(position, { kind: 'text', text: misspell(choice?.label ?? 'x', cmd.typo) }, locale);
    }
    case 'bogus':
      return engine.step(position, { kind: 'action', actionId: cmd.actionId }, locale);
    case 'stale': {
      const flowId = flowIds[cmd.flow % flowIds.length] ?? 'crisis';
      const nodeId = nodeIds[cmd.node % nodeIds.length] ?? 'start';
      return engine.step(position, { kind: 'action', actionId: stepActionId(flowId, nodeId, cmd.choice) }, locale);
    }
    case 'text':
      return engine.step(position, { kind: 'text', text: cmd.text }, locale);
    case 'back':
      return engine.step(position, { kind: 'action', actionId: CMD_BACK }, locale);
    case 'stop':
      return engine.step(position, { kind: 'action', actionId: CMD_STOP }, locale);
    case 'restart':
      // The bot calls restart() for its own command; the engine also understands the button id.
      return position.history.length % 2 === 0
        ? engine.restart(position, locale)
        : engine.step(position, { kind: 'action', actionId: CMD_RESTART }, locale);
    case 'typed-back':
      return engine.step(position, { kind: 'text', text: 'tilbage' }, locale);
    case 'typed-stop':
      return engine.step(position, { kind: 'text', text: 'Stop guiden' }, locale);
    case 'typed-restart':
      return engine.step(position, { kind: 'text', text: 'start forfra' }, locale);
    case 'current':
      return engine.current(position, locale);
    case 'start':
      return engine.start(flowIds[cmd.flow % flowIds.length] ?? 'crisis', locale) ?? null;
  }
}

function replyProblems(reply: FlowReply): string[] {
  const problems = reply.messages.length === 0 ? ['no messages'] : reply.messages.flatMap(messageProblems);
  if (reply.position) {
    const node = flows.find((f) => f.id === reply.position?.flowId)?.nodes[reply.position.nodeId];
    if (!node || node.type === 'route') problems.push(`position at ${reply.position.nodeId}, which is not a question or outcome`);
    if (reply.outcome !== (node?.type === 'outcome')) problems.push('outcome flag does not match the node');
    if (!engine.isCurrent(reply.position)) problems.push('position is not current');
  } else if (reply.outcome) {
    problems.push('outcome without position');
  }
  return problems;
}

/** Runs random command sequences against the engine, checking every reply; returns the flow:node positions reached. */
function randomWalks(options: { numRuns: number; seed?: number }): Set<string> {
  const reached = new Set<string>();
  fc.assert(
    fc.property(fc.nat(10), fc.constantFrom<Locale>('da', 'en'), fc.array(command, { minLength: 10, maxLength: 80 }), (first, locale, commands) => {
      let position: FlowPosition | null = null;
      let last: Message[] = [];
      const startFlow = (index: number): void => {
        const reply = engine.start(flowIds[index % flowIds.length] ?? 'crisis', locale);
        if (!reply) throw new Error('a shipped flow did not start');
        expect(replyProblems(reply)).toEqual([]);
        position = reply.position;
        last = reply.messages;
      };
      startFlow(first);
      for (const [i, cmd] of commands.entries()) {
        if (position === null) {
          startFlow(i);
          continue;
        }
        const reply = run(position, last, cmd, locale);
        if (reply === 'left') {
          position = null;
          continue;
        }
        if (reply === null) continue;
        expect(replyProblems(reply)).toEqual([]);
        // The store keeps the position as JSON between turns.
        position = reply.position === null ? null : (JSON.parse(JSON.stringify(reply.position)) as FlowPosition);
        if (reply.position) {
          expect(position).toEqual(reply.position);
          reached.add(`${reply.position.flowId}:${reply.position.nodeId}`);
        }
        last = reply.messages;
      }
    }),
    options,
  );
  return reached;
}

describe('flow engine under random use', () => {
  it('never throws and always answers with valid messages (random buttons, bogus ids, text, back, restart, stop)', () => {
    randomWalks({ numRuns: 500 });
  });

  it('gets deep: with a fixed seed the random walks reach outcomes of every flow', () => {
    const reached = randomWalks({ numRuns: 300, seed: 20240601 });
    for (const flow of flows) {
      const outcomes = Object.entries(flow.nodes).filter(([, n]) => n.type === 'outcome').map(([id]) => `${flow.id}:${id}`);
      expect(outcomes.some((o) => reached.has(o)), flow.id).toBe(true);
    }
  });
});
