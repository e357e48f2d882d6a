import { z } from 'zod';
import type { Locale } from '../shared/locale.ts';
import { idSchema } from './faq-schema.ts';

const text = z.string().trim().min(1, 'must not be empty');

/** One area the assistant does not cover (borgerservice, IT support …), as written in `knowledge/outside.yaml`. */
export const outsideAreaSchema = z.strictObject({
  id: idSchema,
  title: text,
  /** Where to go instead, in Danish. */
  hint: text,
  /** Where to go instead, in English. */
  hint_en: text,
  questions: z.array(text).min(1, 'needs at least one question'),
  keywords: z.array(text).default([]),
});

/** The whole `knowledge/outside.yaml` file. */
export const outsideFileSchema = z.strictObject({ areas: z.array(outsideAreaSchema).default([]) });

/** A validated out-of-scope area. */
export type OutsideArea = z.infer<typeof outsideAreaSchema>;

/** The area's pointer to where the answer is, in the user's language. */
export function hintFor(area: OutsideArea, locale: Locale): string {
  return locale === 'en' ? area.hint_en : area.hint;
}
