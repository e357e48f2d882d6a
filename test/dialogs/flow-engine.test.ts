import { describe, expect, it } from 'vitest';
import type { FlowPosition } from '../../src/shared/conversation-state.ts';
import type { FlowReply } from '../../src/core/flow-runner.ts';
import type { TurnInput } from '../../src/core/turn.ts';
import { CMD_BACK, CMD_RESTART, CMD_STOP, parseStepAction, stepActionId } from '../../src/dialogs/flow-actions.ts';
import { FlowEngine } from '../../src/dialogs/flow-engine.ts';
import type { FlowDefinition } from '../../src/dialogs/flow-schema.ts';
import { choicesOf, messageProblems, shippedFlows, textOf } from './support.ts';

const flows = await shippedFlows();
const engine = new FlowEngine(flows, { newRunId: () => 'run1' });

function text(value: string): TurnInput {
  return { kind: 'text', text: value };
}
function action(actionId: string): TurnInput {
  return { kind: 'action', actionId };
}
function started(flowId: string, locale: 'da' | 'en' = 'da'): FlowReply & { position: FlowPosition } {
  const reply = engine.start(flowId, locale);
  if (!reply?.position) throw new Error(`${flowId} did not start`);
  return { ...reply, position: reply.position };
}
function step(position: FlowPosition, input: TurnInput, locale: 'da' | 'en' = 'da'): FlowReply & { position: FlowPosition } {
  const reply = engine.step(position, input, locale);
  if (!reply?.position) throw new Error(`no position after ${JSON.stringify(input)}`);
  for (const message of reply.messages) expect(messageProblems(message)).toEqual([]);
  return { ...reply, position: reply.position };
}
function lastText(reply: FlowReply): string {
  return textOf(reply.messages.at(-1) ?? { blocks: [], fallback: '' });
}

describe('FlowEngine', () => {
  it('lists the flows with Danish title, description and triggers', () => {
    const list = engine.list();
    expect(list.map((f) => f.id).sort()).toEqual(['crisis', 'critical-citizen', 'platform-choice', 'strategy']);
    for (const summary of list) {
      expect(summary.title.length).toBeGreaterThan(5);
      expect(summary.description.length).toBeGreaterThan(20);
      expect(summary.triggers.length).toBeGreaterThan(0);
    }
    expect(engine.start('no-such-flow', 'da')).toBeUndefined();
  });

  it('asks the first question with progress, answer buttons and "Stop guiden" but no "Tilbage"', () => {
    const reply = started('crisis');
    const message = reply.messages[0];
    if (!message) throw new Error('no message');
    expect(messageProblems(message)).toEqual([]);
    expect(message.blocks.map((b) => b.type)).toEqual(['heading', 'context', 'text', 'choices']);
    expect(lastText(reply)).toContain('Trin 1 af højst 6');
    const ids = choicesOf(message).map((c) => c.id);
    expect(ids.slice(0, 2)).toEqual([stepActionId('crisis', 'cause', 'danger-now', 'run1'), stepActionId('crisis', 'cause', 'own-mistake', 'run1')]);
    expect(ids).toContain(CMD_STOP);
    expect(ids).not.toContain(CMD_BACK);
    expect(message.fallback).toContain('1. Fare – nogen kan være i fare lige nu');
    expect(message.fallback).toContain('2. Egen fejl');
  });

  it('accepts a button, a typed number, the label and a close misspelling of it', () => {
    const first = started('crisis');
    const viaButton = step(first.position, action(stepActionId('crisis', 'cause', 'decision')));
    const viaNumber = step(first.position, text('3'));
    const viaLabel = step(first.position, text('upopulær beslutning – fx lukning eller besparelse'));
    const viaKeyPhrase = step(first.position, text('Upopulaer beslutning'));
    const viaTypo = step(first.position, text('upopulr beslutnig'));
    for (const reply of [viaButton, viaNumber, viaLabel, viaKeyPhrase, viaTypo]) {
      expect(reply.position.nodeId).toBe('scale');
      expect(reply.position.vars).toEqual({ cause: 'decision' });
    }
    expect(lastText(viaTypo)).toContain('Trin 2 af højst 5');
  });

  it('does not take unrelated text or an out-of-range number as an answer to a choice question', () => {
    const first = started('crisis');
    expect(engine.step(first.position, text('må vi slette kommentarer på facebook'), 'da')).toBeNull();
    expect(engine.step(first.position, text('9'), 'da')).toBeNull();
    expect(engine.step(first.position, text('ja'), 'da')).toBeNull();
    expect(engine.step(first.position, { kind: 'form', formId: 'x', values: {} }, 'da')).toBeNull();
    expect(engine.step(first.position, action('faq:something'), 'da')).toBeNull();
  });

  it('maps typed numbers past the answers to "Tilbage" and "Stop guiden" as they are numbered on screen', () => {
    const second = step(started('crisis').position, text('3'));
    expect(choicesOf(second.messages[0] ?? { blocks: [], fallback: '' }).map((c) => c.label).slice(-2)).toEqual(['Tilbage', 'Stop guiden']);
    expect(step(second.position, text('4')).position.nodeId).toBe('cause');
    expect(engine.step(second.position, text('5'), 'da')?.position).toBeNull();
  });

  it('goes back one step by button or by typing tilbage/back, restoring variables and notes', () => {
    const first = started('platform-choice');
    const second = step(first.position, text('TikTok'));
    const third = step(second.position, text('service'));
    expect(third.position.notes.reasons).toHaveLength(2);
    const back = step(third.position, action(CMD_BACK));
    expect(back.position).toEqual(second.position);
    expect(step(third.position, text('Tilbage')).position).toEqual(second.position);
    expect(step(back.position, text('back')).position).toEqual(first.position);
    const atFirst = step(first.position, action(CMD_BACK));
    expect(atFirst.position).toEqual(first.position);
    expect(lastText(atFirst)).toContain('første spørgsmål');
  });

  it('goes back from an outcome to the last question', () => {
    let reply = started('critical-citizen');
    for (const answer of ['6', '1', '1']) reply = step(reply.position, text(answer));
    expect(reply.outcome).toBe(true);
    const back = step(reply.position, action(CMD_BACK));
    expect(back.outcome).toBe(false);
    expect(back.position.nodeId).toBe('policy');
  });

  it('stops with position null and restarts from the first question', () => {
    const second = step(started('crisis').position, text('2'));
    const stopped = engine.step(second.position, action(CMD_STOP), 'da');
    expect(stopped?.position).toBeNull();
    expect(choicesOf(stopped?.messages[0] ?? { blocks: [], fallback: '' }).map((c) => c.id)).toEqual(['flow:crisis', 'cmd:menu']);
    expect(engine.step(second.position, text('stop'), 'da')?.position).toBeNull();
    expect(step(second.position, action(CMD_RESTART)).position.nodeId).toBe('cause');
    expect(step(second.position, text('start forfra')).position.history).toEqual([]);
    expect(engine.restart(second.position, 'da').position?.nodeId).toBe('cause');
    expect(step(second.position, action('flow:strategy')).position.flowId).toBe('strategy');
  });

  it('leaves a button of another flow or of an earlier run to the bot (null), and answers an unknown choice with the current question', () => {
    const second = step(started('crisis').position, text('2'));
    expect(engine.step(second.position, action(stepActionId('strategy', 'move', 'skip', 'run1')), 'da')).toBeNull();
    expect(engine.step(second.position, action(stepActionId('crisis', 'cause', 'rumour', 'an-old-run')), 'da')).toBeNull();
    for (const stale of [stepActionId('crisis', 'scale', 'no-such-choice', 'run1'), stepActionId('crisis', 'threats', 'none', 'run1')]) {
      const reply = step(second.position, action(stale));
      expect(reply.position).toEqual(second.position);
      expect(reply.messages[0]?.blocks[0]).toEqual({ type: 'context', text: expect.stringContaining('du har forladt') });
    }
  });

  it('takes a button of an earlier step of this run as a new answer there, undoing the later answers as "Tilbage" would', () => {
    const first = started('crisis');
    const second = step(first.position, text('2'));
    const third = step(second.position, text('2'));
    expect(third.position.nodeId).toBe('scale');
    for (const id of [stepActionId('crisis', 'cause', 'decision', 'run1'), stepActionId('crisis', 'cause', 'decision')]) {
      const changed = step(third.position, action(id));
      expect(changed.position.nodeId).toBe('scale');
      expect(changed.position.vars).toEqual({ cause: 'decision' });
      expect(changed.position.history.map((h) => h.nodeId)).toEqual(['cause']);
      expect(changed.messages[0]?.blocks[0]).toEqual({ type: 'context', text: 'Du har ændret dit svar i trin 1. Guiden fortsætter derfra.' });
      expect(lastText(changed)).toContain('Trin 2 af højst 5');
    }
  });

  it('keeps the run and every later answer when an earlier step\'s button repeats the answer given there', () => {
    const first = started('crisis');
    const second = step(first.position, text('2'));
    const third = step(second.position, text('2'));
    // the second choice of the first step sets `cause` to its own id
    const chosen = second.position.vars.cause;
    expect(chosen).toBeDefined();
    const again = step(third.position, action(stepActionId('crisis', 'cause', String(chosen), 'run1')));
    expect(again.position).toEqual(third.position);
    expect(again.messages[0]?.blocks[0]).toEqual({ type: 'context', text: 'Det svar gav du allerede i trin 1. Her er du nået til.' });
  });

  it('counts steps against the longest remaining path, saying "højst" only while the paths differ', () => {
    let reply = started('strategy');
    expect(lastText(reply)).toContain('Trin 1 af 10');
    reply = step(reply.position, text('Flere ansøgere'));
    expect(lastText(reply)).toContain('Trin 2 af 10');
    const crisis = started('crisis');
    expect(lastText(crisis)).toContain('Trin 1 af højst 6');
    const totals: number[] = [];
    let position = crisis.position;
    for (const answer of ['4', '3', '2', '1']) {
      const next = step(position, text(answer));
      const progress = /Trin (\d+) af (?:højst )?(\d+)/.exec(lastText(next));
      if (progress) totals.push(Number(progress[2]));
      position = next.position;
    }
    expect(totals.length).toBeGreaterThan(0);
    for (let i = 1; i < totals.length; i += 1) expect(totals[i]).toBeLessThanOrEqual(totals[i - 1] ?? 0);
  });

  it('shows the current question or outcome again', () => {
    const second = step(started('crisis').position, text('2'));
    expect(engine.current(second.position, 'da')).toEqual({ ...second, messages: second.messages });
  });

  it('takes free text on a free-text question, escapes it in the outcome, and rejects a too-long answer', () => {
    let reply = started('strategy');
    expect(lastText(reply)).toContain('Skriv dit svar');
    const tooLong = step(reply.position, text('x'.repeat(601)));
    expect(tooLong.position).toEqual(reply.position);
    expect(lastText(tooLong)).toContain('for langt');
    reply = step(reply.position, text('Flere *ansøgere* [link](http://x) <b>'));
    expect(reply.position.answers).toEqual({ move: 'Flere *ansøgere* [link](http://x) <b>' });
    for (let i = 0; i < 9; i += 1) reply = step(reply.position, text('Spring over'));
    expect(reply.outcome).toBe(true);
    const all = lastText(reply);
    // the typed address itself is left as typed (so it links where it points); the Markdown around it is escaped
    expect(all).toContain('Flere \\*ansøgere\\* \\[link\\]\\(http://x) \\<b\\>');
    expect(all).toContain('_(mangler — vend tilbage til dette)_');
    expect(all).toContain('Regn ressourcerne ud');
  });

  it('speaks English interface strings and falls back to Danish content', () => {
    const reply = started('crisis', 'en');
    const labels = choicesOf(reply.messages[0] ?? { blocks: [], fallback: '' }).map((c) => c.label);
    expect(labels).toContain('Stop the guide');
    expect(lastText(reply)).toContain('Step 1 of at most 6');
    expect(lastText(reply)).toContain('Hvad sker der');
  });

  it('gives urgent escalation on crisis outcomes', () => {
    let reply = started('crisis');
    for (const answer of ['4', '3', '2', '1', '1']) reply = step(reply.position, text(answer));
    expect(reply.outcome).toBe(true);
    expect(reply.position.nodeId).toBe('rumour');
    expect(reply.escalate).toEqual({ topic: 'Shitstorm – de første skridt – Første time – når et rygte spreder sig', urgent: true });
    expect(lastText(reply)).toContain('anmeld truslerne til politiet');
    expect(lastText(reply)).toContain('**Det haster.**');
  });

  it('formats and parses answer button ids', () => {
    expect(stepActionId('crisis', 'cause', 'rumour')).toBe('step:crisis:cause:rumour');
    expect(parseStepAction('step:crisis:cause:rumour')).toEqual({ flowId: 'crisis', nodeId: 'cause', choiceId: 'rumour' });
    expect(parseStepAction('step:crisis:cause')).toBeUndefined();
    expect(parseStepAction('cmd:back')).toBeUndefined();
  });
});

describe('FlowEngine with a changed definition', () => {
  const crisis = flows.find((f) => f.id === 'crisis') as FlowDefinition;
  const position = step(started('crisis').position, text('3')).position;

  it('is current for the definition it was made with', () => {
    expect(engine.isCurrent(position)).toBe(true);
  });

  it('is not current when the definition changed, even by one word', () => {
    const changed: FlowDefinition = { ...crisis, description: `${String(crisis.description)} Opdateret.` };
    expect(new FlowEngine([changed]).isCurrent(position)).toBe(false);
  });

  it('is not current when the flow or its node vanished, and recovers without throwing', () => {
    const { scale: _removed, ...nodes } = crisis.nodes;
    const withoutNode: FlowDefinition = { ...crisis, nodes: { ...nodes, cause: { ...(crisis.nodes.cause as object), next: 'threats' } as FlowDefinition['nodes'][string] } };
    const changedEngine = new FlowEngine([withoutNode]);
    expect(changedEngine.isCurrent(position)).toBe(false);
    const recovered = changedEngine.step(position, text('1'), 'da');
    expect(recovered?.position?.nodeId).toBe('cause');
    expect(textOf(recovered?.messages[0] ?? { blocks: [], fallback: '' })).toContain('opdateret');
    const empty = new FlowEngine([]);
    expect(empty.isCurrent(position)).toBe(false);
    expect(empty.step(position, text('1'), 'da')?.position).toBeNull();
    expect(empty.current(position, 'da').position).toBeNull();
  });
});
