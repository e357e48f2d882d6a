import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';

const heldoutSchema = z.strictObject({
  in_domain: z.array(z.strictObject({ q: z.string().min(1), id: z.string().min(1) })).min(1),
  out_of_domain: z.array(z.strictObject({ q: z.string().min(1) })).min(1),
});

/** The held-out evaluation set: labelled in-domain questions and out-of-domain questions. */
export type HeldoutSet = z.output<typeof heldoutSchema>;

/** Reads and validates eval/heldout.yaml (or another file of the same shape). */
export async function readHeldoutSet(file: string): Promise<HeldoutSet> {
  return heldoutSchema.parse(parse(await readFile(file, 'utf8')));
}

/** The set without the in-domain questions labelled with an entry that does not exist (yet). */
export function withExistingLabels(set: HeldoutSet, entries: ReadonlyMap<string, unknown>): HeldoutSet {
  return { ...set, in_domain: set.in_domain.filter(({ id }) => entries.has(id)) };
}
