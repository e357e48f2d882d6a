import { z } from 'zod';
import type { TurnInput } from '../core/turn.ts';

const jsonInputSchema = z.union([
  z.strictObject({ action: z.string().min(1) }),
  z.strictObject({ form: z.string().min(1), values: z.record(z.string(), z.union([z.string(), z.boolean()])) }),
  z.strictObject({ flow: z.string().min(1) }),
  z.strictObject({ text: z.string() }),
]);

/**
 * Reads one line of the JSON chat protocol: a JSON object (`{"action"}`, `{"form","values"}`, `{"flow"}`, `{"text"}`),
 * a JSON string (`"stop"`, its text), or, for anything else, the line itself as a text message.
 */
export function parseJsonChatLine(line: string): TurnInput {
  const trimmed = line.trim();
  const quoted = jsonString(trimmed);
  if (quoted !== undefined) return { kind: 'text', text: quoted };
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return { kind: 'text', text: line };
    }
    const input = jsonInputSchema.safeParse(parsed);
    if (input.success) {
      const v = input.data;
      if ('action' in v) return { kind: 'action', actionId: v.action };
      if ('form' in v) return { kind: 'form', formId: v.form, values: v.values };
      if ('flow' in v) return { kind: 'action', actionId: `flow:${v.flow}` };
      return { kind: 'text', text: v.text };
    }
  }
  return { kind: 'text', text: line };
}

/** The text of a line that is one JSON string (`"stop"`, `"hvad er \\"skjul\\"?"`), else undefined. */
function jsonString(line: string): string | undefined {
  if (line.length < 2 || !line.startsWith('"') || !line.endsWith('"')) return undefined;
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
