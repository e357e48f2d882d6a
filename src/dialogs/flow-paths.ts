import type { FlowPosition } from '../shared/conversation-state.ts';
import type { FlowDefinition } from './flow-schema.ts';
import { answerChoice, answerText, startPosition } from './flow-transition.ts';

/** One answer on a path: the question and the choice pressed (`text` for a free-text answer). */
export interface PathStep {
  nodeId: string;
  answer: { choiceId: string } | { text: string };
}

/** A complete walk through a flow: the answers given and the outcome reached (undefined when it broke off). */
export interface FlowPath {
  steps: PathStep[];
  outcomeId: string | undefined;
}

/** The text used for free-text answers when paths are enumerated. */
export const SAMPLE_ANSWER = 'Eksempelsvar';
/** Longer paths than this are cut off (only a looping, unlinted flow gets there). */
const MAX_STEPS = 100;

/**
 * Every path through a flow, found by answering every question every possible way with the engine's own transitions
 * (so routing rules are applied to the variables as a user would meet them). A free-text answer counts as one way.
 */
export function enumeratePaths(flow: FlowDefinition): FlowPath[] {
  const paths: FlowPath[] = [];
  const walk = (position: FlowPosition | undefined, steps: PathStep[]): void => {
    if (!position) {
      paths.push({ steps, outcomeId: undefined });
      return;
    }
    const node = flow.nodes[position.nodeId];
    if (!node || node.type === 'route' || steps.length >= MAX_STEPS) {
      paths.push({ steps, outcomeId: undefined });
      return;
    }
    if (node.type === 'outcome') {
      paths.push({ steps, outcomeId: position.nodeId });
      return;
    }
    for (const choice of node.choices) {
      walk(answerChoice(flow, position, node, choice, 'da'), [...steps, { nodeId: position.nodeId, answer: { choiceId: choice.id } }]);
    }
    if (node.input) {
      walk(answerText(flow, position, node, SAMPLE_ANSWER), [...steps, { nodeId: position.nodeId, answer: { text: SAMPLE_ANSWER } }]);
    }
  };
  walk(startPosition(flow, ''), []);
  return paths;
}
