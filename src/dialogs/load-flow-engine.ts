import type { FlowLoader } from '../knowledge/load-knowledge.ts';

/**
 * Loads knowledge/flows and builds the flow engine.
 * SEAM (flows issue #4): replace this body with the real loader + engine from src/dialogs.
 */
export const loadFlowEngine: FlowLoader = async () => ({
  summaries: [],
  errors: [],
  runner: {
    list: () => [],
    start: () => undefined,
    step: () => null,
    current: () => ({ messages: [], position: null, outcome: false }),
    restart: () => ({ messages: [], position: null, outcome: false }),
    isCurrent: () => true,
  },
});
