import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseService } from '../../../src/escalation/case-service.ts';
import type { CasePayload } from '../../../src/escalation/case-payload.ts';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';

/** One consultant request to seed: who asked, and from which municipality. */
export interface SeedRequest {
  name: string;
  municipality: string;
}

/** A request as the escalation form stores it, written in a terminal chat, with no consultant channel. */
function payloadOf(request: SeedRequest, index: number): CasePayload {
  const at = new Date().toISOString();
  const conversationId = `console:seed-${index}`;
  return {
    submissionKey: `seed-${index}`,
    topic: 'Vrede kommentarer',
    description: 'En borger skriver vredt under et opslag.',
    urgency: 'days',
    municipality: request.municipality,
    contact: { name: request.name, email: `seed${index}@example.dk` },
    consent: false,
    transcript: [],
    requester: { platform: 'console', userId: `seed-${index}`, conversationId, reference: { channel: 'console', conversationId, userId: `seed-${index}`, locale: 'da' } },
    expectedBy: at,
    history: [{ status: 'new', at }],
  };
}

/**
 * A temporary SQLite database (for `SQLITE_PATH`) holding one new case per request, numbered KL-<year>-0001 on, and
 * `prepare` run on them before the store is closed (to claim a case, record a delivery …); resolves with the database
 * path and the case numbers.
 */
export async function seedCases(requests: SeedRequest[], prepare: (cases: CaseService, numbers: string[]) => Promise<void> = async () => {}): Promise<{ env: Record<string, string>; numbers: string[] }> {
  const path = join(await mkdtemp(join(tmpdir(), 'some-cases-')), 'state.db');
  const store = new SqliteStore(path);
  try {
    await store.migrate();
    const cases = new CaseService({ store, consultantChannels: () => [] });
    const numbers: string[] = [];
    for (const [index, request] of requests.entries()) numbers.push((await cases.open(payloadOf(request, index))).case.number);
    await prepare(cases, numbers);
    return { env: { SQLITE_PATH: path }, numbers };
  } finally {
    await store.close();
  }
}
