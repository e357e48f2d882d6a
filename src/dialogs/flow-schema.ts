import { z } from 'zod';
import { idSchema, reviewedSchema, sourceSchema } from '../knowledge/faq-schema.ts';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** Text in Danish, optionally with English: a plain string (Danish) or `{ da, en }`. */
export const localTextSchema = z.union([nonEmpty, z.strictObject({ da: nonEmpty, en: nonEmpty.optional() })], {
  error: (issue) =>
    issue.input === undefined
      ? 'is required'
      : 'must be text, or { da: …, en: … } with Danish and optional English (quote text that contains ": ")',
});

/** A record whose keys are checked by `keySchema`, with a readable message for a bad key. */
function keyedRecord<K extends z.ZodType<string>, V extends z.ZodType>(keySchema: K, valueSchema: V, keyRule: string) {
  return z.record(keySchema, valueSchema, {
    error: (issue) => (issue.code === 'invalid_key' ? `invalid key: ${keyRule}` : undefined),
  });
}

/** Names that templates reserve for collected notes and free-text answers. */
export const RESERVED_VARIABLES = ['reasons', 'checklist', 'answers'] as const;

/** A flow variable name: starts with a letter, then letters, digits or `_`. */
export const variableNameSchema = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must start with a letter and contain only letters, digits and _')
  .refine((name) => !(RESERVED_VARIABLES as readonly string[]).includes(name), {
    message: `is reserved (${RESERVED_VARIABLES.join(', ')})`,
  });

const variableValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/** A json-logic rule: an object with exactly one operator key (checked further by lint). */
export const ruleLogicSchema = z
  .record(z.string(), z.json())
  .refine((rule) => Object.keys(rule).length === 1, { message: 'must have exactly one json-logic operator' });

/** One answer button of a question. */
export const flowChoiceSchema = z.strictObject({
  id: idSchema,
  label: localTextSchema,
  /** The node this answer leads to; defaults to the question's `next`. */
  next: idSchema.optional(),
  set: keyedRecord(variableNameSchema, variableValueSchema, 'variable names start with a letter and use letters, digits and _').default({}),
  reasons: z.array(localTextSchema).default([]),
  checklist: z.array(localTextSchema).default([]),
});

/** A free-text answer stored in a variable (and as `answers.<node>`). */
export const flowInputSchema = z.strictObject({
  var: variableNameSchema,
  maxLength: z.number().int().min(10).max(2000).default(1000),
  /** The answer is a name (a platform's): typed all in lower case, it starts with a capital where the guide's texts use it. */
  name: z.boolean().default(false),
});

/** A question: answer buttons and/or a free-text answer. */
export const questionNodeSchema = z
  .strictObject({
    type: z.literal('question'),
    prompt: localTextSchema,
    help: localTextSchema.optional(),
    choices: z.array(flowChoiceSchema).default([]),
    input: flowInputSchema.optional(),
    /** Default next node for choices without their own `next` and for the free-text answer. */
    next: idSchema.optional(),
  })
  .refine((node) => node.choices.length > 0 || node.input !== undefined, {
    message: 'a question needs choices or an input (free text)',
  });

/** A routing node: picks the next node from the variables with json-logic rules, first match wins. */
export const routeNodeSchema = z.strictObject({
  type: z.literal('route'),
  rules: z
    .array(z.strictObject({ when: ruleLogicSchema, next: idSchema, label: nonEmpty.optional() }))
    .min(1, 'needs at least one rule'),
  otherwise: idSchema,
});

/** An outcome: the advice the flow ends with. */
export const outcomeNodeSchema = z.strictObject({
  type: z.literal('outcome'),
  title: localTextSchema,
  advice: localTextSchema,
  /** Fixed checklist items, shown before the items collected from the answers. */
  checklist: z.array(localTextSchema).default([]),
  /** A text to copy (reply, holding statement); shown under "Udkast – tilpas før brug". */
  draft: localTextSchema.optional(),
  escalate: z.strictObject({ urgent: z.boolean().default(false) }).optional(),
  sources: z.array(sourceSchema).default([]),
});

/** Any node of a flow, told apart by `type`. */
export const flowNodeSchema = z.discriminatedUnion('type', [questionNodeSchema, routeNodeSchema, outcomeNodeSchema], {
  error: 'each node needs type: question, route or outcome',
});

/** One guided flow, as written in `knowledge/flows/<id>.yaml`. */
export const flowDefinitionSchema = z.strictObject({
  id: idSchema,
  title: localTextSchema,
  description: localTextSchema,
  triggers: z.array(nonEmpty).min(1, 'needs at least one trigger phrase'),
  start: idSchema,
  reviewed: reviewedSchema.optional(),
  nodes: keyedRecord(idSchema, flowNodeSchema, 'node ids are written in a-z, 0-9 and - only (lower case; æ, ø, å as ae, oe, aa)'),
});

/** Danish text with optional English. */
export type LocalText = z.output<typeof localTextSchema>;
/** A json-logic rule object. */
export type RuleLogic = z.output<typeof ruleLogicSchema>;
/** One answer button. */
export type FlowChoice = z.output<typeof flowChoiceSchema>;
/** A question node. */
export type QuestionNode = z.output<typeof questionNodeSchema>;
/** A routing node. */
export type RouteNode = z.output<typeof routeNodeSchema>;
/** An outcome node. */
export type OutcomeNode = z.output<typeof outcomeNodeSchema>;
/** Any node. */
export type FlowNode = z.output<typeof flowNodeSchema>;
/** A validated flow definition. */
export type FlowDefinition = z.output<typeof flowDefinitionSchema>;
/** A variable value set by an answer. */
export type VariableValue = z.output<typeof variableValueSchema>;
