import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };

const SCHEMA_PATH = new URL('../../schemas/adaptive-card-1.5.schema.json', import.meta.url);

let compiled: ValidateFunction | undefined;

/** The Adaptive Cards 1.5 validator (the schema's draft-04 `id` moved to `$id` in memory, as schemas/README.md says). */
export function cardValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  const { id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addMetaSchema(draft06);
  compiled = ajv.compile({ ...rest, $id: String(id) });
  return compiled;
}

/** Validation errors of one card as readable lines; empty when the card is valid. */
export function cardErrors(card: unknown): string[] {
  const validate = cardValidator();
  return validate(card) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** The Adaptive Cards in recorded connector calls. */
export function cardsIn(calls: readonly { body: Record<string, unknown> }[]): unknown[] {
  return calls.flatMap((c) => (Array.isArray(c.body.attachments) ? (c.body.attachments as { content?: unknown }[]).map((a) => a.content) : []));
}

/** Checks every card against the schema and prints their JSON sizes; returns the errors found. */
export function checkAndReportCards(label: string, calls: readonly { body: Record<string, unknown> }[]): string[] {
  const cards = cardsIn(calls);
  const sizes = cards.map((c) => Buffer.byteLength(JSON.stringify(c), 'utf8')).sort((a, b) => a - b);
  console.info(`${label}: ${cards.length} cards sent, JSON sizes ${sizes[0] ?? 0}–${sizes.at(-1) ?? 0} bytes, median ${sizes[Math.floor(sizes.length / 2)] ?? 0}`);
  return cards.flatMap((card, i) => cardErrors(card).map((e) => `card ${i}: ${e}`));
}
