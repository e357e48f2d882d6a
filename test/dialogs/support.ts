import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Message } from '../../src/core/message.ts';
import { loadFlows } from '../../src/dialogs/flow-loader.ts';
import { flowDefinitionSchema, type FlowDefinition, type FlowNode, type OutcomeNode } from '../../src/dialogs/flow-schema.ts';
import { allVariants } from '../../src/dialogs/local-text.ts';
import { parseYamlText, validateYaml, type YamlFile } from '../../src/knowledge/yaml-file.ts';

/** The shipped flows folder. */
export const FLOWS_DIR = fileURLToPath(new URL('../../knowledge/flows', import.meta.url));
/**
 * Fewest and most questions on a path through a shipped flow. Safety exits are short on purpose (the municipality's
 * own post exposed personal data: two questions, then "take it down now"); the strategy guide asks KL's ten core
 * questions. The one shorter path allowed is the "ring 112" exit: see `fewestQuestionsTo`.
 */
export const PATH_QUESTIONS = { min: 2, max: 10 } as const;

/** The first non-empty line of each language variant of an outcome's advice. */
export function firstAdviceLines(outcome: OutcomeNode): string[] {
  return allVariants(outcome.advice).map((text) => text.split('\n').find((line) => line.trim() !== '') ?? '');
}

/** Whether an outcome is a "ring 112" exit: every language variant of its advice names 112 in its first line. */
export function names112First(outcome: OutcomeNode): boolean {
  return firstAdviceLines(outcome).every((line) => /\b112\b/.test(line));
}

/**
 * Fewest questions allowed on a path that ends in this node: one when it is a "ring 112" outcome (content-style.md:
 * where anyone may be in danger, the first step of a flow is "ring 112"), `PATH_QUESTIONS.min` for every other end.
 */
export function fewestQuestionsTo(node: FlowNode | undefined): number {
  return node?.type === 'outcome' && names112First(node) ? 1 : PATH_QUESTIONS.min;
}

/** The broken fixture flows. */
export const BROKEN_DIR = fileURLToPath(new URL('../fixtures/flows-broken', import.meta.url));

/** The shipped flows, failing the test when any of them does not load. */
export async function shippedFlows(): Promise<FlowDefinition[]> {
  const { flows, errors } = await loadFlows(FLOWS_DIR);
  expect(errors).toEqual([]);
  return flows;
}

/** A flow parsed from YAML text in a test, with its file for lint line numbers. */
export function flowFromYaml(text: string, file = 'test.yaml'): { flow: FlowDefinition; yaml: YamlFile } {
  const parsed = parseYamlText(file, text);
  if (!parsed.yaml) throw new Error(`test YAML does not parse: ${JSON.stringify(parsed.errors)}`);
  const { value, errors } = validateYaml(parsed.yaml, flowDefinitionSchema);
  if (!value) throw new Error(`test flow is not valid: ${JSON.stringify(errors)}`);
  return { flow: value, yaml: parsed.yaml };
}

const BLOCK_TYPES = new Set(['text', 'heading', 'choices', 'facts', 'links', 'form', 'divider', 'context']);

/** Problems that make a message invalid for the renderers (empty list = valid). */
export function messageProblems(message: Message): string[] {
  const problems: string[] = [];
  if (typeof message.fallback !== 'string' || message.fallback.trim() === '') problems.push('empty fallback');
  if (!Array.isArray(message.blocks) || message.blocks.length === 0) problems.push('no blocks');
  const ids = new Set<string>();
  for (const block of message.blocks) {
    if (!BLOCK_TYPES.has(block.type)) problems.push(`unknown block type ${block.type}`);
    if (block.type === 'text' && (block.markdown.trim() === '' || block.markdown.length > 3000)) {
      problems.push(`text block of ${block.markdown.length} characters`);
    }
    if ((block.type === 'heading' || block.type === 'context') && block.text.trim() === '') problems.push(`empty ${block.type}`);
    if (block.type === 'choices') {
      if (block.choices.length === 0) problems.push('empty choices block');
      for (const choice of block.choices) {
        if (choice.label.trim() === '' || choice.label.length > 75) problems.push(`bad label "${choice.label}"`);
        if (choice.id === '' || ids.has(choice.id)) problems.push(`duplicate or empty choice id "${choice.id}"`);
        ids.add(choice.id);
      }
    }
  }
  return problems;
}

/** Every choice of a message, in order. */
export function choicesOf(message: Message): { id: string; label: string }[] {
  return message.blocks.flatMap((b) => (b.type === 'choices' ? b.choices : []));
}

/** All the text a message shows (headings, text, context). */
export function textOf(message: Message): string {
  return message.blocks
    .map((b) => (b.type === 'text' ? b.markdown : b.type === 'heading' || b.type === 'context' ? b.text : ''))
    .join('\n');
}
