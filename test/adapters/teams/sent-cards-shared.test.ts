import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { submitActivity, textActivity } from './activities.ts';
import { startTeamsHarness, type TeamsHarness } from './teams-harness.ts';

describe('a Teams card sent by one instance and answered through another (one shared store)', () => {
  const harnesses: TeamsHarness[] = [];
  let dir: string | undefined;
  afterEach(async () => {
    for (const h of harnesses.splice(0)) await h.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function twoInstances(): Promise<[TeamsHarness, TeamsHarness]> {
    dir = mkdtempSync(join(tmpdir(), 'sent-cards-'));
    const path = join(dir, 'state.db');
    const a = await startTeamsHarness({ store: new SqliteStore(path) });
    const b = await startTeamsHarness({ store: new SqliteStore(path) });
    harnesses.push(a, b);
    return [a, b];
  }

  it('is redrawn as answered with its question and the choice, not as a bare "received"', async () => {
    const [a, b] = await twoInstances();
    const where = { serviceUrl: a.connector.url, conversationId: 'a:shared-card' };
    expect(await a.post(textActivity(where, 'må vi slette kommentarer'))).toBe(200);
    const card = a.connector.messages('a:shared-card').at(-1);
    const choice = JSON.stringify(card?.body).match(/"choice":"(faq:[^"]+)"/)?.[1];
    expect(choice).toBeDefined();
    expect(await b.post(submitActivity(where, card?.id ?? '', { choice }))).toBe(200);
    const update = a.connector.updates().find((u) => u.id === card?.id);
    expect(update).toBeDefined();
    const redrawn = JSON.stringify(update?.body.attachments);
    expect(redrawn).toContain('Må vi slette eller skjule kommentarer?');
    expect(redrawn).toContain('Du valgte:');
  });

  it('is left as it was when no instance knows it (expired or never kept), rather than blanked', async () => {
    const [, b] = await twoInstances();
    const where = { serviceUrl: b.connector.url, conversationId: 'a:unknown-card' };
    expect(await b.post(submitActivity(where, 'card-from-long-ago', { choice: 'faq:slette-kommentarer' }))).toBe(200);
    expect(b.connector.messages('a:unknown-card').length).toBeGreaterThan(0);
    expect(b.connector.updates()).toEqual([]);
  });
});
