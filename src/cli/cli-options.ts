import { userInfo } from 'node:os';
import type { Locale } from '../shared/locale.ts';

/** Options shared by the chat-like commands. */
export interface ChatOptions {
  json: boolean;
  conversationId: string;
  userId: string;
  locale: Locale;
}

/** Thrown for a bad command line; the message says what is wrong and how to call the command. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Reads `--lang da|en`, defaulting to Danish. */
export function parseLocale(raw: string | undefined): Locale {
  if (raw === undefined || raw === 'da') return 'da';
  if (raw === 'en') return 'en';
  throw new UsageError(`--lang must be "da" or "en", not "${raw}".`);
}

/** The default user id for the terminal: the operating-system user. */
export function defaultUserId(): string {
  try {
    return userInfo().username || 'terminal';
  } catch {
    return 'terminal';
  }
}
