/** Action ids the flows put on buttons, and the commands the bot understands. */

/** Go back one step (passed by the bot to `FlowRunner.step`). */
export const CMD_BACK = 'cmd:back';
/** Leave the flow (handled by the bot; the engine understands it too). */
export const CMD_STOP = 'cmd:stop';
/** Start the current flow again (handled by the bot; the engine understands it too). */
export const CMD_RESTART = 'cmd:restart';
/** Ask for a consultant (handled by the bot's escalation). */
export const CMD_ESCALATE = 'cmd:escalate';
/** Show the main menu (handled by the bot). */
export const CMD_MENU = 'cmd:menu';

const STEP_PREFIX = 'step:';
const FLOW_PREFIX = 'flow:';

/** The parts of an answer button id; `run` tells one run of a flow from another (absent in ids typed by hand). */
export interface StepAction {
  flowId: string;
  nodeId: string;
  choiceId: string;
  run?: string;
}

/** The id of an answer button: `step:<flowId>:<nodeId>:<choiceId>`, with `:<run>` when the run is known. */
export function stepActionId(flowId: string, nodeId: string, choiceId: string, run?: string): string {
  return `${STEP_PREFIX}${flowId}:${nodeId}:${choiceId}${run ? `:${run}` : ''}`;
}

/** Parses an answer button id; undefined when `actionId` is not one. */
export function parseStepAction(actionId: string): StepAction | undefined {
  if (!actionId.startsWith(STEP_PREFIX)) return undefined;
  const parts = actionId.slice(STEP_PREFIX.length).split(':');
  if (parts.length < 3 || parts.length > 4 || parts.some((part) => part.length === 0)) return undefined;
  const [flowId, nodeId, choiceId, run] = parts as [string, string, string, string | undefined];
  return { flowId, nodeId, choiceId, ...(run ? { run } : {}) };
}

/** The id of a button that starts a flow: `flow:<flowId>`. */
export function flowActionId(flowId: string): string {
  return `${FLOW_PREFIX}${flowId}`;
}

/** The flow id of a start button; undefined when `actionId` is not one. */
export function parseFlowAction(actionId: string): string | undefined {
  if (!actionId.startsWith(FLOW_PREFIX)) return undefined;
  const flowId = actionId.slice(FLOW_PREFIX.length);
  return flowId.length > 0 ? flowId : undefined;
}
