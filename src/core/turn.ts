import type { Locale } from '../shared/locale.ts';

/** The platforms (channels) a turn can come from. */
export type Channel = 'slack' | 'teams' | 'console' | 'web';

/** The person behind a turn, as far as the platform tells us. */
export interface TurnUser {
  /** Platform user id (opaque). */
  id: string;
  /** Display name, where the platform gives one. */
  name?: string;
  /** Interface language for replies. */
  locale: Locale;
  /** E-mail from the platform profile, where available (used to prefill forms). */
  email?: string;
}

/** What the user did: typed text, pressed a button, or submitted a form. */
export type TurnInput =
  | { kind: 'text'; text: string }
  | { kind: 'action'; actionId: string }
  | { kind: 'form'; formId: string; values: Record<string, string | boolean> };

/** One incoming event from any platform, in neutral form. */
export interface Turn {
  channel: Channel;
  /** Opaque conversation id; state is kept per conversation. */
  conversationId: string;
  user: TurnUser;
  input: TurnInput;
}

/** Normalises a platform locale string ("en-US", "da_DK", undefined) to an interface language. */
export function localeFrom(raw: string | undefined | null): Locale {
  return raw && /^en\b|^en[-_]/i.test(raw) ? 'en' : 'da';
}

/**
 * Collapses runs of whitespace in typed text to one space and trims it. U+FEFF (an invisible zero-width no-break
 * space that JavaScript counts as whitespace) is kept, so a CPR number with one inside is still seen as one number.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/[^\S\uFEFF]+/g, ' ').trim();
}
