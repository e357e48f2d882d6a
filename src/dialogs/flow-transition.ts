import type { FlowPosition } from '../shared/conversation-state.ts';
import type { Locale } from '../shared/locale.ts';
import type { FlowChoice, FlowDefinition, QuestionNode, VariableValue } from './flow-schema.ts';
import { ruleMatches } from './flow-rules.ts';
import { localText } from './local-text.ts';

/** More route hops than any sane flow needs; stops a looping (unlinted) flow. */
const MAX_ROUTE_HOPS = 50;

/** Variables collected so far. */
export type Vars = Record<string, VariableValue>;

function safeMatch(rule: Parameters<typeof ruleMatches>[0], data: Parameters<typeof ruleMatches>[1]): boolean {
  try {
    return ruleMatches(rule, data);
  } catch {
    return false;
  }
}

/**
 * Follows route nodes from `nodeId` to the question or outcome they lead to.
 * Undefined when a node is missing or the routes loop (a flow that lint would reject).
 */
export function settle(flow: FlowDefinition, nodeId: string, vars: Vars, answers: Record<string, string>): string | undefined {
  let id = nodeId;
  for (let hop = 0; hop <= MAX_ROUTE_HOPS; hop++) {
    const node = flow.nodes[id];
    if (!node) return undefined;
    if (node.type !== 'route') return id;
    const data = { ...vars, answers };
    id = node.rules.find((rule) => safeMatch(rule.when, data))?.next ?? node.otherwise;
  }
  return undefined;
}

/** The position at the flow's first question; undefined when the start cannot be resolved. `run` marks this run's buttons. */
export function startPosition(flow: FlowDefinition, flowVersion: string, run?: string): FlowPosition | undefined {
  const nodeId = settle(flow, flow.start, {}, {});
  if (nodeId === undefined) return undefined;
  return { flowId: flow.id, nodeId, vars: {}, history: [], answers: {}, notes: { reasons: [], checklist: [] }, flowVersion, ...(run ? { run } : {}) };
}

function withStep(position: FlowPosition): FlowPosition['history'] {
  const { nodeId, vars, notes, answers } = position;
  return [...position.history, { nodeId, vars, notes, answers }];
}

function addUnique(list: string[], items: string[]): string[] {
  return [...list, ...items.filter((item, i) => !list.includes(item) && items.indexOf(item) === i)];
}

/** The position after pressing `choice` at the current question; undefined when its target cannot be resolved. */
export function answerChoice(
  flow: FlowDefinition,
  position: FlowPosition,
  node: QuestionNode,
  choice: FlowChoice,
  locale: Locale,
): FlowPosition | undefined {
  const target = choice.next ?? node.next;
  if (target === undefined) return undefined;
  const vars = { ...position.vars, ...choice.set };
  const nodeId = settle(flow, target, vars, position.answers);
  if (nodeId === undefined) return undefined;
  const notes = {
    reasons: addUnique(position.notes.reasons, choice.reasons.map((r) => localText(r, locale))),
    checklist: addUnique(position.notes.checklist, choice.checklist.map((c) => localText(c, locale))),
  };
  return { ...position, nodeId, vars, notes, history: withStep(position) };
}

/** The position after a free-text answer at the current question; undefined when the question takes no text. */
export function answerText(
  flow: FlowDefinition,
  position: FlowPosition,
  node: QuestionNode,
  text: string,
): FlowPosition | undefined {
  if (!node.input || node.next === undefined) return undefined;
  const vars = { ...position.vars, [node.input.var]: node.input.name ? asName(flow, node.input.var, text) : text };
  const answers = { ...position.answers, [position.nodeId]: text };
  const nodeId = settle(flow, node.next, vars, answers);
  if (nodeId === undefined) return undefined;
  return { ...position, nodeId, vars, answers, history: withStep(position) };
}

/** The position one question back; undefined at the first question. */
export function goBack(position: FlowPosition): FlowPosition | undefined {
  return restoreStep(position, position.history.length - 1);
}

/**
 * The position as it was when `nodeId` was last asked, with every answer from there on undone (as pressing "Tilbage"
 * until it shows again); undefined when this run has not asked it.
 */
export function rewindTo(position: FlowPosition, nodeId: string): FlowPosition | undefined {
  return restoreStep(position, position.history.map((step) => step.nodeId).lastIndexOf(nodeId));
}

function restoreStep(position: FlowPosition, index: number): FlowPosition | undefined {
  const step = index >= 0 ? position.history[index] : undefined;
  if (!step) return undefined;
  return {
    ...position,
    nodeId: step.nodeId,
    vars: step.vars,
    notes: step.notes ?? { reasons: [], checklist: [] },
    answers: step.answers ?? {},
    history: position.history.slice(0, index),
  };
}

/**
 * True when `next` (an earlier step `at` of `position` answered anew) is where the run already went from there: the
 * same next question with the same variables and notes, so the answer repeats the one given and nothing need be undone.
 */
export function continuesAsBefore(position: FlowPosition, at: FlowPosition, next: FlowPosition): boolean {
  const after = position.history[at.history.length + 1] ?? (at.history.length + 1 === position.history.length ? position : undefined);
  if (!after) return false;
  const notes = after.notes ?? { reasons: [], checklist: [] };
  return after.nodeId === next.nodeId && sameJson(after.vars, next.vars) && sameJson(notes, next.notes);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A typed name as the guide's buttons spell it ("tiktok" → "TikTok", the value a choice sets), else one typed all in
 * lower case with a capital first letter ("snapchat" → "Snapchat"); any other spelling is kept as typed.
 */
function asName(flow: FlowDefinition, variable: string, text: string): string {
  const known = Object.values(flow.nodes)
    .flatMap((node) => (node.type === 'question' ? node.choices : []))
    .map((choice) => choice.set[variable])
    .find((value): value is string => typeof value === 'string' && value.toLocaleLowerCase('da') === text.toLocaleLowerCase('da'));
  if (known !== undefined) return known;
  return text === text.toLocaleLowerCase('da') ? text.charAt(0).toLocaleUpperCase('da') + text.slice(1) : text;
}
