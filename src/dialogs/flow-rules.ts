import jsonLogic, { type AdditionalOperation, type RulesLogic } from 'json-logic-js';
import type { RuleLogic, VariableValue } from './flow-schema.ts';

/** The data a rule sees: the flow's variables plus `answers.<node>` for free-text answers. */
export type RuleData = Record<string, VariableValue | Record<string, string>>;

/** The validated rule as json-logic-js types it (the schema guarantees a one-key JSON object). */
function asLogic(rule: RuleLogic): RulesLogic<AdditionalOperation> {
  return rule as RulesLogic<AdditionalOperation>;
}

/** Evaluates a rule against the data; true when its result is truthy in json-logic's sense. */
export function ruleMatches(rule: RuleLogic, data: RuleData): boolean {
  const result: unknown = jsonLogic.apply(asLogic(rule), data);
  return jsonLogic.truthy(result);
}

/** The variable names a rule reads (`{"var": "x"}`), with `answers.<node>` kept whole. */
export function ruleVariables(rule: RuleLogic): string[] {
  const used: unknown = jsonLogic.uses_data(rule);
  return Array.isArray(used) ? used.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

const OPERATORS = new Set([
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and', '>', '>=', '<', '<=',
  'max', 'min', '+', '-', '*', '/', '%', 'map', 'filter', 'reduce', 'all', 'none', 'some', 'merge', 'in', 'cat', 'substr',
]);

/** The operators in a rule that json-logic does not know (every branch is checked, also those never taken). */
export function unknownOperators(logic: unknown): string[] {
  if (Array.isArray(logic)) return logic.flatMap(unknownOperators);
  if (logic === null || typeof logic !== 'object') return [];
  const entries = Object.entries(logic);
  if (entries.length !== 1) return entries.flatMap(([, value]) => unknownOperators(value));
  const [op, args] = entries[0] as [string, unknown];
  return [...(OPERATORS.has(op) ? [] : [op]), ...unknownOperators(args)];
}
