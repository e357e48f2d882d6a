import { z } from 'zod';

/** A knowledge id: lower-case kebab-case, also the file name. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be written in a-z, 0-9 and - only (lower case; æ, ø, å as ae, oe, aa; no spaces), e.g. livestream-byraadsmoeder');

/** The day content was last checked against its sources, as YYYY-MM-DD. */
export const reviewedSchema = z
  .string({ error: 'must be a date written YYYY-MM-DD (the day the claims were last checked against the sources)' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD (the day the claims were last checked against the sources)')
  .refine((date) => new Date(`${date}T00:00:00Z`).toISOString().startsWith(date), { error: 'is not a day in the calendar; write the day the claims were last checked, as YYYY-MM-DD' });

/** Fewest words of a situation: a description of what happened and who asks, not a search phrase. */
export const MIN_SITUATION_WORDS = 8;

/** A situation in which the entry is the answer, told the way a user would describe it. */
export const situationSchema = z
  .string()
  .trim()
  .refine((s) => s.split(/\s+/).filter(Boolean).length >= MIN_SITUATION_WORDS, {
    error: `must describe a situation in at least ${MIN_SITUATION_WORDS} words (who, what happened, what they need); put short phrases in questions or keywords`,
  });

/** A source the answer relies on. */
export const sourceSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty'),
  url: z
    .string()
    .refine((url) => !/\s/.test(url.trim()), { error: "has a space in it; copy the address from the browser's address bar" })
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
});

/** The groups FAQ entries are filed under, for the people who maintain them (the search does not use them). */
export const FAQ_AREAS = ['strategi', 'dialog', 'jura', 'krise', 'platforme', 'indhold', 'kl'] as const;

/** One FAQ entry, as written in `knowledge/faq/<id>.yaml`. */
export const faqEntrySchema = z.strictObject({
  id: idSchema,
  title: z.string().trim().min(1, 'must not be empty'),
  area: z.enum(FAQ_AREAS, { error: `must be one of ${FAQ_AREAS.join(', ')}` }).optional(),
  questions: z.array(z.string().trim().min(1, 'must not be empty')).min(1, 'needs at least one question'),
  /** Situations in which this entry is the answer (searched like the questions). */
  situations: z.array(situationSchema).default([]),
  keywords: z.array(z.string().trim().min(1, 'must not be empty')).default([]),
  answer: z.string().trim().min(1, 'answer must not be empty'),
  sources: z.array(sourceSchema).default([]),
  related: z.array(idSchema).default([]),
  flow: idSchema.optional(),
  escalate: z.boolean().default(false),
  reviewed: reviewedSchema.optional(),
});

/** A validated FAQ entry. */
export type FaqEntry = z.infer<typeof faqEntrySchema>;
