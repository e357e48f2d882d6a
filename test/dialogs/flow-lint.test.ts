import { describe, expect, it } from 'vitest';
import { lintFlows } from '../../src/dialogs/flow-lint.ts';
import { formatLintError } from '../../src/knowledge/lint-error.ts';
import { loadFlows } from '../../src/dialogs/flow-loader.ts';
import { flowFromYaml, FLOWS_DIR } from './support.ts';

/** Lints one flow written as YAML and returns `line: message` strings. */
function lint(yamlText: string): string[] {
  const { flow, yaml } = flowFromYaml(yamlText);
  return lintFlows([flow], new Map([[flow.id, yaml]])).map((e) => formatLintError(e).replace(/^test\.yaml:/, ''));
}

const HEAD = `id: t
title: T
description: D
triggers: [t]
`;

describe('lintFlows', () => {
  it('finds nothing wrong in the shipped flows', async () => {
    const { flows, files } = await loadFlows(FLOWS_DIR);
    expect(lintFlows(flows, files)).toEqual([]);
  });

  it('passes a small sound flow', () => {
    expect(
      lint(`${HEAD}start: q
nodes:
  q:
    type: question
    prompt: Which {{size}}?
    next: done
    choices:
      - { id: a, label: A, set: { size: big } }
      - { id: b, label: B, set: { size: small } }
  done: { type: outcome, title: Done, advice: "Size {{size}}" }
`),
    ).toEqual([]);
  });

  it('reports unknown nodes at the line that names them, including an unknown start', () => {
    expect(
      lint(`${HEAD}start: nowhere
nodes:
  q:
    type: question
    prompt: Which?
    choices:
      - { id: a, label: A, next: done }
      - { id: b, label: B, next: missing }
  done: { type: outcome, title: Done, advice: Done }
`),
    ).toEqual([
      '5: start: unknown node "nowhere"; use one of the ids under nodes',
      '12: nodes.q.choices.1.next: unknown node "missing"; use one of the ids under nodes',
      '8: nodes.q: unreachable: no path from the start node "nowhere" leads here',
      '13: nodes.done: unreachable: no path from the start node "nowhere" leads here',
    ]);
  });

  it('reports unreachable nodes, dead ends and cycles', () => {
    expect(
      lint(`${HEAD}start: q
nodes:
  q:
    type: question
    prompt: Which?
    choices:
      - { id: a, label: A, next: done }
      - { id: b, label: B, next: loop1 }
  loop1:
    type: question
    prompt: Round?
    choices:
      - { id: a, label: A, next: loop2 }
      - { id: b, label: B, next: loop2 }
  loop2:
    type: route
    rules: [{ when: { "==": [1, 1] }, next: loop1 }]
    otherwise: loop1
  orphan: { type: outcome, title: Orphan, advice: Never shown }
  done: { type: outcome, title: Done, advice: Done }
`),
    ).toEqual([
      '14: nodes.loop1: dead end: no path from this node leads to an outcome',
      '20: nodes.loop2: dead end: no path from this node leads to an outcome',
      '23: nodes.orphan: unreachable: no path from the start node "q" leads here',
      '14: nodes.loop1: cycle: loop1 → loop2 → loop1; flows must always move forward',
    ]);
  });

  it('reports long labels, duplicate choice ids, missing next, and too few or too many choices', () => {
    const long = `Ja ${'meget '.repeat(12)}lang`;
    const seven = Array.from({ length: 7 }, (_, i) => `      - { id: c${i}, label: C${i} }`).join('\n');
    expect(
      lint(`${HEAD}start: q
nodes:
  q:
    type: question
    prompt: Which?
    choices:
      - { id: a, label: "${long}", next: r }
      - { id: a, label: { da: Kort, en: "${long}" }, next: r }
      - { id: c, label: No next }
  r:
    type: question
    prompt: Only one?
    next: s
    choices:
      - { id: a, label: A }
  s:
    type: question
    prompt: Seven?
    next: done
    choices:
${seven}
  done: { type: outcome, title: Done, advice: Done }
`),
    ).toEqual([
      `11: nodes.q.choices.0.label: label is ${long.length} characters; buttons allow at most 75: "${long}"`,
      '12: nodes.q.choices.1.id: duplicate choice id "a"; choice ids must be unique within a question',
      `12: nodes.q.choices.1.label: label is ${long.length} characters; buttons allow at most 75: "${long}"`,
      '13: nodes.q.choices.2: choice "c" has no next, and the question has no default next',
      '19: nodes.r.choices: has 1 choice(s); a question needs 2–6',
      '25: nodes.s.choices: has 7 choice(s); a question needs 2–6',
    ]);
  });

  it('reports variables read in templates and rules that no answer sets, and bad rules and templates', () => {
    expect(
      lint(`${HEAD}start: q
nodes:
  q:
    type: question
    prompt: "Hello {{name}}"
    next: pick
    choices:
      - { id: a, label: A, set: { size: big } }
      - { id: b, label: B, set: { size: small } }
  pick:
    type: route
    rules:
      - { when: { "==": [{ var: colour }, red] }, next: done }
      - { when: { "frobnicate": [{ var: size }] }, next: done }
      - { when: { "==": [{ var: answers.q }, x] }, next: done }
    otherwise: done
  done:
    type: outcome
    title: "Done {{size}}"
    advice: "{{reasons}} {{checklist}} {{answers.done}} {{ broken"
    draft: "{{weight|unknown}}"
`),
    ).toEqual([
      '9: nodes.q.prompt: reads variable "name", which no answer sets; add it to a choice\'s set or an input',
      '17: nodes.pick.rules.0.when: reads variable "colour", which no answer sets; add it to a choice\'s set or an input',
      '18: nodes.pick.rules.1.when: unknown json-logic operator "frobnicate"',
      '19: nodes.pick.rules.2.when: reads "answers.q", but "q" is not a question with a free-text input',
      '24: nodes.done.advice: malformed template: use {{name}} or {{name|default}}',
      '24: nodes.done.advice: reads "answers.done", but "done" is not a question with a free-text input',
      '25: nodes.done.draft: reads variable "weight", which no answer sets; add it to a choice\'s set or an input',
    ]);
  });

  it('requires a next node for a free-text answer and accepts 0–6 extra choices on it', () => {
    expect(
      lint(`${HEAD}start: q
nodes:
  q:
    type: question
    prompt: Tell me
    input: { var: story }
    choices:
      - { id: skip, label: Skip, next: done }
  done: { type: outcome, title: Done, advice: "{{story}}" }
`),
    ).toEqual(['10: nodes.q.input: a free-text answer needs the question to have a next node']);
  });
});
