import { randomBytes } from 'node:crypto';
import type { FlowPosition } from '../shared/conversation-state.ts';
import type { FlowReply, FlowRunner } from '../core/flow-runner.ts';
import type { FlowSummary } from '../shared/flow-summary.ts';
import type { Block, Message } from '../core/message.ts';
import type { TurnInput } from '../core/turn.ts';
import type { Locale } from '../shared/locale.ts';
import { matchLabel, typedCommand, typedNumber } from './answer-match.ts';
import { CMD_BACK, CMD_MENU, CMD_RESTART, CMD_STOP, flowActionId, parseFlowAction, parseStepAction } from './flow-actions.ts';
import { longestQuestionCounts, shortestQuestionCounts } from './flow-graph.ts';
import type { FlowDefinition, QuestionNode } from './flow-schema.ts';
import { flowStrings } from './flow-strings.ts';
import { answerChoice, answerText, continuesAsBefore, goBack, rewindTo, startPosition } from './flow-transition.ts';
import { flowVersion } from './flow-version.ts';
import { allVariants, localText } from './local-text.ts';
import { outcomeMessage, outcomeTitle } from './outcome-message.ts';
import { questionChoices, questionMessage } from './question-message.ts';

interface CompiledFlow {
  def: FlowDefinition;
  version: string;
  /** Most questions from each node to an outcome (for "Trin 2 af 5"). */
  longest: Map<string, number>;
  /** Fewest questions from each node to an outcome (when it differs from `longest`: "Trin 2 af højst 5"). */
  shortest: Map<string, number>;
}

/** What the engine is built with besides the flows. */
export interface FlowEngineOptions {
  /** Makes the id of a new run (random by default); tests pass a fixed one. */
  newRunId?: () => string;
}

function randomRunId(): string {
  return randomBytes(3).toString('hex');
}

function notice(text: string, extra: Block[] = []): Message {
  return { blocks: [{ type: 'text', markdown: text }, ...extra], fallback: text };
}

/** The guided-flow engine: walks loaded flow definitions one answer at a time. Never throws on user input. */
export class FlowEngine implements FlowRunner {
  private readonly flows: Map<string, CompiledFlow>;
  private readonly newRunId: () => string;

  /** Builds the engine over flows that have passed schema validation (lint them first for sound graphs). */
  constructor(flows: readonly FlowDefinition[], options: FlowEngineOptions = {}) {
    this.newRunId = options.newRunId ?? randomRunId;
    this.flows = new Map(
      flows.map((def) => [def.id, { def, version: flowVersion(def), longest: longestQuestionCounts(def), shortest: shortestQuestionCounts(def) }]),
    );
  }

  /** Every loaded flow, with Danish title and description (and its reviewed date). */
  list(): FlowSummary[] {
    return [...this.flows.values()].map(({ def }) => ({
      id: def.id,
      title: localText(def.title, 'da'),
      description: localText(def.description, 'da'),
      triggers: def.triggers,
      ...(def.reviewed === undefined ? {} : { reviewed: def.reviewed }),
    }));
  }

  /** The definitions it runs, as loaded (the playground's Guides page draws them). */
  definitions(): FlowDefinition[] {
    return [...this.flows.values()].map(({ def }) => def);
  }

  /** Starts a flow at its first question; undefined when no flow has that id. */
  start(flowId: string, locale: Locale): FlowReply | undefined {
    const compiled = this.flows.get(flowId);
    return compiled ? this.begin(compiled, locale) : undefined;
  }

  /** Interprets one input at the current node; null when it is not an answer (the bot then handles it). */
  step(position: FlowPosition, input: TurnInput, locale: Locale): FlowReply | null {
    const compiled = this.flows.get(position.flowId);
    if (!compiled) return this.gone(locale);
    const node = compiled.def.nodes[position.nodeId];
    if (!node || node.type === 'route') return this.begin(compiled, locale, flowStrings(locale).flowUpdated);
    if (input.kind === 'form') return null;
    if (input.kind === 'action') return this.onAction(compiled, position, input.actionId, locale);
    const command = typedCommand(input.text);
    if (command) return this.onAction(compiled, position, { back: CMD_BACK, restart: CMD_RESTART, stop: CMD_STOP }[command], locale);
    return node.type === 'question' ? this.onText(compiled, position, node, input.text, locale) : null;
  }

  /** Shows the current question or outcome again. */
  current(position: FlowPosition, locale: Locale): FlowReply {
    const compiled = this.flows.get(position.flowId);
    return compiled ? this.replyAt(compiled, position, locale) : this.gone(locale);
  }

  /** Starts the same flow again from its first question. */
  restart(position: FlowPosition, locale: Locale): FlowReply {
    const compiled = this.flows.get(position.flowId);
    return compiled ? this.begin(compiled, locale) : this.gone(locale);
  }

  /** False when the flow changed or vanished since the position was stored, or its node no longer exists. */
  isCurrent(position: FlowPosition): boolean {
    const compiled = this.flows.get(position.flowId);
    return compiled !== undefined && compiled.version === position.flowVersion && compiled.def.nodes[position.nodeId] !== undefined;
  }

  private begin(compiled: CompiledFlow, locale: Locale, note?: string): FlowReply {
    const position = startPosition(compiled.def, compiled.version, this.newRunId());
    return position ? this.replyAt(compiled, position, locale, note) : this.broken(compiled, undefined, locale);
  }

  private onAction(compiled: CompiledFlow, position: FlowPosition, actionId: string, locale: Locale): FlowReply | null {
    const s = flowStrings(locale);
    if (actionId === CMD_BACK) {
      const previous = goBack(position);
      return previous ? this.replyAt(compiled, previous, locale) : this.replyAt(compiled, position, locale, s.atFirstStep);
    }
    if (actionId === CMD_RESTART) return this.begin(compiled, locale);
    if (actionId === CMD_STOP) return this.stopped(compiled, locale);
    const otherFlow = parseFlowAction(actionId);
    if (otherFlow !== undefined) return this.start(otherFlow, locale) ?? null;
    const stepAction = parseStepAction(actionId);
    // A button of another flow, or of an earlier run of this one, is not an answer here (the bot says it is no longer active).
    if (!stepAction || stepAction.flowId !== compiled.def.id || !sameRun(stepAction.run, position.run)) return null;
    // A button of an earlier step goes back to that step (as "Tilbage" would) and answers it anew.
    const at = stepAction.nodeId === position.nodeId ? position : rewindTo(position, stepAction.nodeId);
    const node = at ? compiled.def.nodes[at.nodeId] : undefined;
    const choice = node?.type === 'question' ? node.choices.find((c) => c.id === stepAction.choiceId) : undefined;
    if (!at || !choice || node?.type !== 'question') return this.replyAt(compiled, position, locale, s.staleButton);
    const next = answerChoice(compiled.def, at, node, choice, locale);
    if (!next) return this.broken(compiled, position, locale);
    if (at === position) return this.replyAt(compiled, next, locale);
    // the answer already given there: the run stays where it is, with every later answer
    if (continuesAsBefore(position, at, next)) return this.replyAt(compiled, position, locale, s.sameAnswer(at.history.length + 1));
    return this.replyAt(compiled, next, locale, s.changedAnswer(at.history.length + 1));
  }

  private onText(compiled: CompiledFlow, position: FlowPosition, node: QuestionNode, text: string, locale: Locale): FlowReply | null {
    const number = typedNumber(text);
    const picked = number === undefined ? undefined : questionChoices(compiled.def, position, node, locale)[number - 1];
    if (picked) return this.onAction(compiled, position, picked.id, locale);
    if (number !== undefined && !node.input) return null;
    const index = matchLabel(text, node.choices.map((c) => allVariants(c.label)), node.input === undefined);
    const choice = index === undefined ? undefined : node.choices[index];
    if (choice) {
      const next = answerChoice(compiled.def, position, node, choice, locale);
      return next ? this.replyAt(compiled, next, locale) : this.broken(compiled, position, locale);
    }
    if (!node.input || text.trim() === '') return null;
    const answer = text.trim();
    if (answer.length > node.input.maxLength) {
      return this.replyAt(compiled, position, locale, flowStrings(locale).tooLong(node.input.maxLength));
    }
    const next = answerText(compiled.def, position, node, answer);
    return next ? this.replyAt(compiled, next, locale) : this.broken(compiled, position, locale);
  }

  private replyAt(compiled: CompiledFlow, position: FlowPosition, locale: Locale, note?: string): FlowReply {
    const node = compiled.def.nodes[position.nodeId];
    if (!node || node.type === 'route') return this.begin(compiled, locale, flowStrings(locale).flowUpdated);
    if (node.type === 'question') {
      const longest = compiled.longest.get(position.nodeId) ?? 1;
      const exact = compiled.shortest.get(position.nodeId) === longest;
      const view = { node, locale, total: position.history.length + longest, exact, ...(note !== undefined ? { notice: note } : {}) };
      return { messages: [questionMessage(compiled.def, position, view)], position, outcome: false };
    }
    const message = outcomeMessage(compiled.def, position, node, locale);
    const messages = note !== undefined ? [notice(note), message] : [message];
    const escalate = node.escalate
      ? { topic: `${localText(compiled.def.title, locale)} – ${outcomeTitle(position, node, locale)}`, urgent: node.escalate.urgent }
      : undefined;
    return { messages, position, outcome: true, ...(escalate ? { escalate } : {}) };
  }

  /** True when the position stands at a question that takes a typed answer. */
  awaitsText(position: FlowPosition): boolean {
    const node = this.flows.get(position.flowId)?.def.nodes[position.nodeId];
    return node?.type === 'question' && node.input !== undefined;
  }

  private stopped(compiled: CompiledFlow, locale: Locale): FlowReply {
    const s = flowStrings(locale);
    const choices = [
      { id: flowActionId(compiled.def.id), label: s.restartFlow },
      { id: CMD_MENU, label: s.menu },
    ];
    const message = notice(s.stopped, [{ type: 'choices', choices }]);
    return { messages: [{ ...message, fallback: s.stoppedFallback }], position: null, outcome: false };
  }

  private gone(locale: Locale): FlowReply {
    const s = flowStrings(locale);
    return { messages: [notice(s.flowGone, [{ type: 'choices', choices: [{ id: CMD_MENU, label: s.menu }] }])], position: null, outcome: false };
  }

  private broken(compiled: CompiledFlow, position: FlowPosition | undefined, locale: Locale): FlowReply {
    const s = flowStrings(locale);
    const choices = [
      { id: CMD_STOP, label: s.stop },
      { id: CMD_MENU, label: s.menu },
    ];
    const message = notice(`${s.flowBroken} (${compiled.def.id})`, [{ type: 'choices', choices }]);
    return { messages: [message], position: position ?? null, outcome: false };
  }
}

/** A button's run matches the position's, or one of them predates run ids (an id typed by hand, an old stored position). */
function sameRun(buttonRun: string | undefined, positionRun: string | undefined): boolean {
  return buttonRun === undefined || positionRun === undefined || buttonRun === positionRun;
}
