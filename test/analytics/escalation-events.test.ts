import { describe, expect, it } from 'vitest';
import { createAnalyticsRecorder } from '../../src/analytics/analytics-recorder.ts';
import { escalationEvents } from '../../src/analytics/escalation-events.ts';
import { pseudonymiser } from '../../src/analytics/pseudonym.ts';
import type { CasePayload } from '../../src/escalation/case-payload.ts';
import { CaseService } from '../../src/escalation/case-service.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { TEST_SECRET } from './support/scripted-bot.ts';

const opened = new Date('2026-03-03T10:00:00Z');

function payload(): CasePayload {
  const reference = { channel: 'slack' as const, conversationId: 'D123', userId: 'U42', locale: 'da' as const };
  return {
    submissionKey: 'esc-1',
    topic: 'Shitstorm – ring til 22 33 44 55',
    description: 'Hjælp',
    urgency: 'urgent',
    municipality: 'Aarhus',
    contact: { name: 'Anna', email: 'anna@aarhus.dk' },
    consent: false,
    transcript: [],
    requester: { platform: 'slack', userId: 'U42', conversationId: 'D123', reference },
    expectedBy: opened.toISOString(),
    history: [{ status: 'new', at: opened.toISOString() }],
  };
}

describe('escalation analytics events', () => {
  it('records created, claimed (with minutes to claim) and resolved without personal data', async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    const hash = pseudonymiser(TEST_SECRET);
    const recorder = createAnalyticsRecorder(store, async () => hash, silentLogger());
    let now = opened;
    const cases = new CaseService({ store, consultantChannels: () => [], now: () => now, onChange: escalationEvents(recorder) });
    const view = await cases.open(payload());
    await cases.open(payload()); // the same submission again opens nothing
    now = new Date(opened.getTime() + 45 * 60_000);
    await cases.move(view.case.number, 'claim', 'konsulent');
    await cases.move(view.case.number, 'claim', 'konsulent'); // repeated: no second event
    now = new Date(opened.getTime() + 120 * 60_000);
    await cases.move(view.case.number, 'resolve', 'konsulent');
    await recorder.flush();
    const events = await store.listAnalyticsEvents();
    expect(events.map((e) => e.type)).toEqual(['escalation_created', 'escalation_claimed', 'escalation_resolved']);
    expect(events[1]?.payload).toMatchObject({ case: view.case.number, minutesToClaim: 45, platform: 'slack', user: hash('user:slack:U42') });
    const dump = JSON.stringify(events);
    for (const secret of ['22 33 44 55', 'anna@aarhus.dk', 'U42', 'Anna']) expect(dump).not.toContain(secret);
    await store.close();
  });
});
