import { createHash } from 'node:crypto';
import type { FlowDefinition } from './flow-schema.ts';

/** A short stamp that changes whenever anything in the flow definition changes. */
export function flowVersion(flow: FlowDefinition): string {
  return createHash('sha256').update(JSON.stringify(flow)).digest('hex').slice(0, 16);
}
