import { describe, expect, it } from 'vitest';
import { flowFunnels } from '../../src/report/flow-funnels.ts';
import type { AnalyticsEvent } from '../../src/store/records.ts';

const start = new Date('2026-03-02T09:00:00Z').getTime();
let id = 0;
const event = (minute: number, type: string, flowId: string, nodeId: string): AnalyticsEvent => ({
  id: String(++id),
  at: new Date(start + minute * 60_000),
  type,
  payload: { conversation: 'c1', flowId, nodeId },
});

const names = { flow: (flowId: string) => flowId, step: () => undefined };

describe('flowFunnels', () => {
  it('counts a guide left for another and finished later as completed, not abandoned', () => {
    const events = [
      event(0, 'flow_started', 'strategy', 'move'),
      event(1, 'flow_step', 'strategy', 'audience'),
      event(2, 'flow_started', 'crisis', 'cause'),
      event(3, 'flow_step', 'strategy', 'platforms'),
      event(4, 'flow_completed', 'strategy', 'draft'),
    ];
    const funnels = flowFunnels(events, new Date(start + 10 * 60_000), names);
    expect(funnels.find((f) => f.flowId === 'strategy')).toMatchObject({ started: 1, completed: 1, abandoned: 0, inProgress: 0 });
    expect(funnels.find((f) => f.flowId === 'crisis')).toMatchObject({ started: 1, completed: 0, abandoned: 0, inProgress: 1 });
  });

  it('ends a run unfinished when the same guide starts again, and after 30 minutes without a step', () => {
    const events = [event(0, 'flow_started', 'crisis', 'cause'), event(1, 'flow_step', 'crisis', 'scale'), event(2, 'flow_started', 'crisis', 'cause')];
    const funnel = flowFunnels(events, new Date(start + 40 * 60_000), names)[0];
    expect(funnel).toMatchObject({ started: 2, completed: 0, abandoned: 2, inProgress: 0 });
    expect(funnel?.dropOffs).toEqual([
      { label: 'cause', count: 1 },
      { label: 'scale', count: 1 },
    ]);
  });
});
