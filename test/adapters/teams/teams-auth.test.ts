import type { NextFunction, Request, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loopbackOnly } from '../../../src/adapters/teams/loopback-only.ts';
import { teamsAuthMode } from '../../../src/adapters/teams/teams-auth.ts';
import { ConfigError } from '../../../src/config/config.ts';
import { silentLogger } from '../../../src/logging/logger.ts';
import { textActivity } from './activities.ts';
import { startTeamsHarness, TEST_CREDENTIALS as credentials, type TeamsHarness } from './teams-harness.ts';


describe('the Teams endpoint with credentials configured', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ endpoint: { settings: credentials } });
  });
  afterAll(() => h.close());

  it('answers 401 to a request without a token, and to one with a forged token, and sends nothing', async () => {
    const activity = textActivity({ serviceUrl: h.connector.url, conversationId: 'a:auth' }, 'hjælp');
    expect(await h.post(activity)).toBe(401);
    const forged = `${Buffer.from('{"alg":"RS256","kid":"x"}').toString('base64url')}.${Buffer.from(JSON.stringify({ aud: 'someone-else', iss: 'https://api.botframework.com' })).toString('base64url')}.c2ln`;
    expect(await h.post(activity, { authorization: `Bearer ${forged}` })).toBe(401);
    expect(await h.post(activity, { authorization: 'Basic abc' })).toBe(401);
    expect(h.connector.requests).toBe(0);
  });
});

describe('Teams auth settings', () => {
  it('is anonymous with no Microsoft variables, and names the missing variable when the set is incomplete', () => {
    expect(teamsAuthMode({})).toEqual({ kind: 'anonymous' });
    expect(() => teamsAuthMode({ MICROSOFT_APP_ID: 'x' })).toThrow(/MICROSOFT_APP_PASSWORD/);
    expect(() => teamsAuthMode({ MICROSOFT_APP_ID: 'x', MICROSOFT_APP_PASSWORD: 'y', MICROSOFT_APP_TYPE: 'SingleTenant' })).toThrow(ConfigError);
    expect(() => teamsAuthMode({ MICROSOFT_APP_PASSWORD: 'y' })).toThrow(/MICROSOFT_APP_ID/);
    expect(teamsAuthMode({ MICROSOFT_APP_ID: 'x', MICROSOFT_APP_PASSWORD: 'y' })).toMatchObject({ kind: 'authenticated', auth: { clientId: 'x', clientSecret: 'y' } });
    expect(teamsAuthMode({ MICROSOFT_APP_ID: 'x', MICROSOFT_APP_TENANT_ID: 't', MICROSOFT_APP_TYPE: 'UserAssignedMSI' })).toMatchObject({ kind: 'authenticated', auth: { authType: 'UserManagedIdentity' } });
  });

  it('in anonymous mode lets only loopback requests through', () => {
    const run = (remoteAddress: string) => {
      const next = vi.fn();
      const res = { status: vi.fn().mockReturnThis(), json: vi.fn().mockReturnThis() };
      loopbackOnly(silentLogger())({ socket: { remoteAddress }, headers: {} } as unknown as Request, res as unknown as Response, next as unknown as NextFunction);
      return { next: next.mock.calls.length, status: res.status.mock.calls[0]?.[0] as number | undefined };
    };
    expect(run('127.0.0.1')).toEqual({ next: 1, status: undefined });
    expect(run('::1')).toEqual({ next: 1, status: undefined });
    expect(run('10.0.0.7')).toEqual({ next: 0, status: 401 });
    expect(run('::ffff:192.168.1.4')).toEqual({ next: 0, status: 401 });
  });
});
