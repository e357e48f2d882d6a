import { describe, expect, it } from 'vitest';
import { pauseCurrentFlow, placeToResume } from '../../src/core/paused-flows.ts';
import { emptyState, type ConversationState, type FlowPosition } from '../../src/shared/conversation-state.ts';

const at = (flowId: string, nodeId: string, answered: number): FlowPosition => ({
  flowId,
  nodeId,
  vars: {},
  history: Array.from({ length: answered }, (_, i) => ({ nodeId: `q${i}`, vars: {} })),
  answers: {},
  notes: { reasons: [], checklist: [] },
  flowVersion: 'v1',
});

describe('paused guides', () => {
  it('keeps the guide in progress when another starts, and gives each its own place back', () => {
    const strategy = at('strategy', 'platforms', 2);
    const state: ConversationState = { ...emptyState(), flow: strategy };
    const paused = pauseCurrentFlow(state, 'crisis');
    expect(paused).toEqual({ strategy });
    const inCrisis: ConversationState = { ...state, flow: at('crisis', 'scale', 1), pausedFlows: paused };
    expect(placeToResume(inCrisis, 'strategy')).toEqual(strategy);
    expect(placeToResume(inCrisis, 'crisis')).toEqual(inCrisis.flow);
    expect(pauseCurrentFlow(inCrisis, 'strategy')).toEqual({ crisis: inCrisis.flow });
  });

  it('keeps nothing for a guide with no answer yet or at its outcome', () => {
    expect(pauseCurrentFlow({ ...emptyState(), flow: at('crisis', 'cause', 0) }, 'strategy')).toBeUndefined();
    const done: ConversationState = { ...emptyState(), flow: at('crisis', 'done', 3), flowOutcome: true };
    expect(pauseCurrentFlow(done, 'strategy')).toBeUndefined();
    expect(placeToResume(done, 'crisis')).toBeUndefined();
  });
});
