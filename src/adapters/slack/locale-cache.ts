import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { localeFrom } from '../../core/turn.ts';
import type { Locale } from '../../shared/locale.ts';

/** What we use from a Slack user profile. */
export interface SlackProfile {
  locale: Locale;
  name?: string;
}

/** Looks users' locales up with users.info and keeps them for `ttlMs` (at most `maxEntries` users). */
export class LocaleCache {
  private readonly entries = new Map<string, { profile: SlackProfile; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly logger: Logger,
    private readonly maxEntries = 10_000,
  ) {}

  /** The user's interface language; Danish when Slack cannot tell us (the failure is logged, not cached). */
  async get(client: webApi.WebClient, userId: string): Promise<SlackProfile> {
    const now = Date.now();
    const hit = this.entries.get(userId);
    if (hit && hit.expires > now) return hit.profile;
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      const profile: SlackProfile = { locale: localeFrom(info.user?.locale), name: info.user?.real_name ?? info.user?.name };
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value ?? '');
      this.entries.set(userId, { profile, expires: now + this.ttlMs });
      return profile;
    } catch (error) {
      this.logger.warn({ err: error, user: userId }, 'users.info failed; answering in Danish. Check the users:read scope.');
      return { locale: 'da' };
    }
  }
}
