import { describe, expect, it } from 'vitest';
import { BANNER_MAX_ERRORS, rejectionTime, reloadBanner, shownErrors } from '../../../src/adapters/web/reload-banner.ts';

// Instants; the banner shows them in Danish time (CET, UTC+1 in March) whatever the machine's time zone.
const AT = new Date('2026-03-03T10:32:40Z');
const SAME_DAY = new Date('2026-03-03T17:00:00Z');
const NEXT_DAY = new Date('2026-03-04T08:00:00Z');
const ERRORS = ['knowledge/faq/slette-kommentarer.yaml:3: YAML syntax error: missing ]', 'knowledge/flows/guide.yaml:12: choice "ja" → unknown step "nowhere"'];

describe('shownErrors', () => {
  it('lists every error up to the limit and counts the rest', () => {
    expect(shownErrors(['a', 'b'], 3)).toEqual({ lines: ['a', 'b'], more: 0 });
    expect(shownErrors(['a', 'b', 'c'], 3)).toEqual({ lines: ['a', 'b', 'c'], more: 0 });
    expect(shownErrors(['a', 'b', 'c', 'd', 'e'], 3)).toEqual({ lines: ['a', 'b', 'c'], more: 2 });
    expect(shownErrors([])).toEqual({ lines: [], more: 0 });
  });
});

describe('rejectionTime', () => {
  it('gives the clock time, and the day too when it is not today', () => {
    expect(rejectionTime(AT, SAME_DAY)).toEqual({ time: '11:32' });
    expect(rejectionTime(new Date('2026-01-05T06:04:00Z'), new Date('2026-01-05T06:05:00Z'))).toEqual({ time: '07:04' });
    expect(rejectionTime(AT, NEXT_DAY)).toEqual({ time: '11:32', day: '2026-03-03' });
    // summer time, and a Danish day that began while it was still yesterday in UTC
    expect(rejectionTime(new Date('2026-07-01T12:00:00Z'), new Date('2026-07-01T13:00:00Z'))).toEqual({ time: '14:00' });
    expect(rejectionTime(new Date('2026-03-03T23:30:00Z'), new Date('2026-03-04T08:00:00Z'))).toEqual({ time: '00:30' });
  });
});

describe('reloadBanner', () => {
  it('is empty while the latest reload went live', () => {
    expect(reloadBanner(undefined, 'da')).toBe('');
    expect(reloadBanner(undefined, 'en', { guides: true })).toBe('');
  });

  it('says in Danish when the change was rejected, that the previous version answers, and lists the errors as file:line', () => {
    const html = reloadBanner({ at: AT, errors: ERRORS }, 'da', { now: SAME_DAY });
    expect(html).toContain('Din seneste ændring i vidensbasen blev afvist kl. 11:32, og den forrige version svarer stadig. Ret fejlene og gem igen:');
    expect(html).toContain('<li><code>knowledge/faq/slette-kommentarer.yaml:3: YAML syntax error: missing ]</code></li>');
    expect(html).toContain('<li><code>knowledge/flows/guide.yaml:12: choice &quot;ja&quot; → unknown step &quot;nowhere&quot;</code></li>');
    expect(html).toContain(`data-rejected-at="${AT.toISOString()}"`);
    expect(html).toContain('role="alert"');
    expect(html).not.toContain('og 0 mere');
    expect(html).not.toContain('Guiderne herunder');
  });

  it('speaks English for the English pages, with the day when the rejection was not today', () => {
    const html = reloadBanner({ at: AT, errors: ERRORS }, 'en', { now: NEXT_DAY });
    expect(html).toContain('Your latest change to the knowledge base was rejected on 2026-03-03 at 11:32, and the previous version is still answering. Fix the errors and save again:');
    expect(html).toContain('guide.yaml:12: ');
  });

  it('escapes the error text', () => {
    const html = reloadBanner({ at: AT, errors: ['faq/x.yaml:1: <script>alert(1)</script> & <img src=x onerror=y>'] }, 'da', { now: SAME_DAY });
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('faq/x.yaml:1: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;');
  });

  it(`lists at most ${BANNER_MAX_ERRORS} errors and counts the rest`, () => {
    const errors = Array.from({ length: BANNER_MAX_ERRORS + 7 }, (_, i) => `faq/e${i}.yaml:${i + 1}: missing title`);
    const da = reloadBanner({ at: AT, errors }, 'da', { now: SAME_DAY });
    expect(da.match(/<li>/g)).toHaveLength(BANNER_MAX_ERRORS);
    expect(da).toContain(`faq/e${BANNER_MAX_ERRORS - 1}.yaml:${BANNER_MAX_ERRORS}: `);
    expect(da).not.toContain(`faq/e${BANNER_MAX_ERRORS}.yaml`);
    expect(da).toContain('… og 7 mere');
    expect(reloadBanner({ at: AT, errors }, 'en', { now: SAME_DAY })).toContain('… and 7 more');
  });

  it('says on the Guides page that the guides shown are the version in use', () => {
    expect(reloadBanner({ at: AT, errors: ERRORS }, 'da', { guides: true, now: SAME_DAY })).toContain('Guiderne herunder er den version, chatten bruger nu');
    expect(reloadBanner({ at: AT, errors: ERRORS }, 'en', { guides: true, now: SAME_DAY })).toContain('The guides below are the version the chat uses now');
  });
});
