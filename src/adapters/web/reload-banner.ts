import type { RejectedReload } from '../../main.ts';
import type { Locale } from '../../shared/locale.ts';
import { escapeHtml } from './escape-html.ts';
import { webStringsFor } from './web-strings.ts';

/** How many error lines a banner lists; the rest are counted ("… og 3 mere"). */
export const BANNER_MAX_ERRORS = 20;

/** The error lines a banner lists (at most `max`) and how many it leaves out. */
export function shownErrors(errors: readonly string[], max: number = BANNER_MAX_ERRORS): { lines: string[]; more: number } {
  return { lines: errors.slice(0, max), more: Math.max(0, errors.length - max) };
}

/** Danish time, whatever the server's own time zone (containers run on UTC). */
const DANISH_CLOCK = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The day ("2026-03-03") and clock time ("11:32") of an instant in Danish time. */
function danishDayAndTime(at: Date): { day: string; time: string } {
  const part = (type: Intl.DateTimeFormatPartTypes) => DANISH_CLOCK.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return { day: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

/** The Danish clock time of `at` ("11:32"), with its day ("2026-03-03") when that is not the day of `now`. */
export function rejectionTime(at: Date, now: Date): { time: string; day?: string } {
  const { day, time } = danishDayAndTime(at);
  return day === danishDayAndTime(now).day ? { time } : { time, day };
}

/** What a banner is drawn with besides the rejection: `guides` adds that the page shows the version in use. */
export interface BannerOptions {
  guides?: boolean;
  now?: Date;
}

/**
 * The banner every playground page shows at its top while the latest knowledge reload is rejected: when, that the
 * previous version still answers, and the errors as `file:line: message` (escaped). Empty when there is no rejection.
 */
export function reloadBanner(rejected: RejectedReload | undefined, locale: Locale, options: BannerOptions = {}): string {
  if (!rejected) return '';
  const s = webStringsFor(locale);
  const { time, day } = rejectionTime(rejected.at, options.now ?? new Date());
  const { lines, more } = shownErrors(rejected.errors);
  const items = lines.map((line) => `<li><code>${escapeHtml(line)}</code></li>`).join('');
  return `<div class="reload-banner" role="alert" data-rejected-at="${escapeHtml(rejected.at.toISOString())}">
<p class="reload-banner-title">${escapeHtml(s.reloadRejected(s.reloadRejectedWhen(time, day)))}</p>
<ul class="reload-errors">${items}</ul>
${more > 0 ? `<p class="reload-more">${escapeHtml(s.reloadMoreErrors(more))}</p>\n` : ''}${options.guides ? `<p>${escapeHtml(s.reloadGuidesInUse)}</p>\n` : ''}</div>`;
}
