import type { LintError } from '../knowledge/lint-error.ts';
import { REVIEWED_MISSING } from '../knowledge/review-due.ts';
import { FRONT_PAGE_SOURCE, isFrontPage } from '../knowledge/source-url.ts';
import type { YamlFile } from '../knowledge/yaml-file.ts';
import { allEdges, findCycles, nodesReachingOutcome, reachableFrom } from './flow-graph.ts';
import { ruleVariables, unknownOperators } from './flow-rules.ts';
import type { FlowDefinition, LocalText } from './flow-schema.ts';
import { hasMalformedRef, templateRefs } from './flow-template.ts';
import { allVariants } from './local-text.ts';

/** Where a flow was read from: its file and the line of any value in it. */
export type FlowSource = Pick<YamlFile, 'file' | 'lineOf'>;

/** Slack's limit for a button label; the other platforms allow more. */
export const MAX_LABEL_LENGTH = 75;
/** Fewest and most answer buttons a choice question may have (a free-text question may have 0–6). */
export const CHOICE_RANGE = { min: 2, max: 6 } as const;

type Report = (path: PropertyKey[], message: string) => void;

/**
 * Checks the structure of validated flows: unknown and unreachable nodes, nodes with no path to an outcome, cycles,
 * missing `next`, 2–6 choices, duplicate choice ids, labels over 75 characters, unknown rule operators, malformed
 * templates, and variables read (in rules and templates) but never set. Each problem is a `file:line` lint error.
 */
export function lintFlows(flows: readonly FlowDefinition[], files: ReadonlyMap<string, FlowSource>): LintError[] {
  return lintEach(flows, files, (flow, report) => {
    lintGraph(flow, report);
    lintQuestions(flow, report);
    lintReads(flow, report);
  });
}

/** Content that stays true: every flow has a `reviewed` date, and no outcome source points to a site's front page. */
export function lintFlowContent(flows: readonly FlowDefinition[], files: ReadonlyMap<string, FlowSource>): LintError[] {
  return lintEach(flows, files, (flow, report) => {
    if (flow.reviewed === undefined) report([], REVIEWED_MISSING);
    for (const [id, node] of Object.entries(flow.nodes)) {
      if (node.type !== 'outcome') continue;
      node.sources.forEach((source, i) => {
        if (isFrontPage(source.url)) report(['nodes', id, 'sources', i, 'url'], `${source.url} ${FRONT_PAGE_SOURCE}`);
      });
    }
  });
}

/** Runs `check` on each flow with a reporter that turns a value path and message into one `file:line` error. */
function lintEach(flows: readonly FlowDefinition[], files: ReadonlyMap<string, FlowSource>, check: (flow: FlowDefinition, report: Report) => void): LintError[] {
  return flows.flatMap((flow) => {
    const source: FlowSource = files.get(flow.id) ?? { file: `flows/${flow.id}.yaml`, lineOf: () => 1 };
    const errors: LintError[] = [];
    const seen = new Set<string>();
    const report: Report = (path, message) => {
      const text = path.length > 0 ? `${path.map(String).join('.')}: ${message}` : message;
      if (seen.has(text)) return;
      seen.add(text);
      errors.push({ file: source.file, line: source.lineOf(path), message: text });
    };
    check(flow, report);
    return errors;
  });
}

function lintGraph(flow: FlowDefinition, report: Report): void {
  if (!flow.nodes[flow.start]) report(['start'], `unknown node "${flow.start}"; use one of the ids under nodes`);
  for (const edge of allEdges(flow)) {
    if (!flow.nodes[edge.to]) report(edge.path, `unknown node "${edge.to}"; use one of the ids under nodes`);
  }
  const reachable = reachableFrom(flow, flow.start);
  const reachesOutcome = nodesReachingOutcome(flow);
  for (const id of Object.keys(flow.nodes)) {
    if (!reachable.has(id)) report(['nodes', id], `unreachable: no path from the start node "${flow.start}" leads here`);
    if (!reachesOutcome.has(id)) report(['nodes', id], 'dead end: no path from this node leads to an outcome');
  }
  for (const cycle of findCycles(flow)) {
    report(['nodes', cycle[0] as string], `cycle: ${cycle.join(' → ')}; flows must always move forward`);
  }
}

function lintQuestions(flow: FlowDefinition, report: Report): void {
  for (const [id, node] of Object.entries(flow.nodes)) {
    if (node.type !== 'question') continue;
    const base = ['nodes', id];
    const count = node.choices.length;
    if (!node.input && (count < CHOICE_RANGE.min || count > CHOICE_RANGE.max)) {
      report([...base, 'choices'], `has ${count} choice(s); a question needs ${CHOICE_RANGE.min}–${CHOICE_RANGE.max}`);
    } else if (node.input && count > CHOICE_RANGE.max) {
      report([...base, 'choices'], `has ${count} choices; at most ${CHOICE_RANGE.max} are allowed`);
    }
    if (node.input && node.next === undefined) report([...base, 'input'], 'a free-text answer needs the question to have a next node');
    const ids = new Set<string>();
    node.choices.forEach((choice, i) => {
      const path = [...base, 'choices', i];
      if (ids.has(choice.id)) report([...path, 'id'], `duplicate choice id "${choice.id}"; choice ids must be unique within a question`);
      ids.add(choice.id);
      if (choice.next === undefined && node.next === undefined) {
        report(path, `choice "${choice.id}" has no next, and the question has no default next`);
      }
      for (const label of allVariants(choice.label)) {
        if (label.length > MAX_LABEL_LENGTH) {
          report([...path, 'label'], `label is ${label.length} characters; buttons allow at most ${MAX_LABEL_LENGTH}: "${label}"`);
        }
      }
    });
  }
}

/** Every variable some answer sets: choice `set` keys and free-text `input.var`. */
function variablesSet(flow: FlowDefinition): Set<string> {
  const names = new Set<string>();
  for (const node of Object.values(flow.nodes)) {
    if (node.type !== 'question') continue;
    for (const choice of node.choices) for (const key of Object.keys(choice.set)) names.add(key);
    if (node.input) names.add(node.input.var);
  }
  return names;
}

function lintReads(flow: FlowDefinition, report: Report): void {
  const set = variablesSet(flow);
  const isTextQuestion = (id: string): boolean => {
    const node = flow.nodes[id];
    return node?.type === 'question' && node.input !== undefined;
  };
  const checkRead = (path: PropertyKey[], name: string): void => {
    if (name === 'reasons' || name === 'checklist') return;
    if (name.startsWith('answers.')) {
      const nodeId = name.slice('answers.'.length);
      if (!isTextQuestion(nodeId)) report(path, `reads "${name}", but "${nodeId}" is not a question with a free-text input`);
    } else if (!set.has(name)) {
      report(path, `reads variable "${name}", which no answer sets; add it to a choice's set or an input`);
    }
  };
  const checkTemplate = (path: PropertyKey[], text: LocalText | undefined): void => {
    if (text === undefined) return;
    for (const variant of allVariants(text)) {
      if (hasMalformedRef(variant)) report(path, 'malformed template: use {{name}} or {{name|default}}');
      for (const ref of templateRefs(variant)) checkRead(path, ref.name);
    }
  };
  for (const [id, node] of Object.entries(flow.nodes)) {
    const base = ['nodes', id];
    if (node.type === 'question') {
      checkTemplate([...base, 'prompt'], node.prompt);
      checkTemplate([...base, 'help'], node.help);
    } else if (node.type === 'outcome') {
      checkTemplate([...base, 'title'], node.title);
      checkTemplate([...base, 'advice'], node.advice);
      checkTemplate([...base, 'draft'], node.draft);
    } else {
      node.rules.forEach((rule, i) => {
        const path = [...base, 'rules', i, 'when'];
        for (const op of unknownOperators(rule.when)) report(path, `unknown json-logic operator "${op}"`);
        for (const name of ruleVariables(rule.when)) checkRead(path, name);
      });
    }
  }
}
