import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const SCHEMAS = 'test/schemas';
const BASE = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas';

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  for (const version of ['1.0.0', '2.0.0']) {
    ajv.addSchema(JSON.parse(readFileSync(`${SCHEMAS}/slack-app-manifest/manifest.schema.${version}.json`, 'utf8')) as object, `${BASE}/manifest.schema.${version}.json`);
  }
  return ajv.compile(JSON.parse(readFileSync(`${SCHEMAS}/slack-app-manifest.schema.json`, 'utf8')) as object);
}

interface Manifest {
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; socket_mode_enabled: boolean; interactivity: { request_url?: string } };
  features: { slash_commands: { command: string; url?: string }[]; app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean } };
}

describe('Slack app manifest', () => {
  const manifest = parse(readFileSync('manifest/slack/manifest.yaml', 'utf8')) as Manifest;

  it('validates against the official manifest schema', () => {
    const validate = validator();
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
  });

  it('asks for the minimal scopes and the events, command and tabs the adapter uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history', 'im:read', 'im:write', 'users:read']);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'app_mention', 'message.channels', 'message.groups', 'message.im']);
    expect(manifest.features.slash_commands[0]?.command).toBe('/some');
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });

  it('still validates as the documented Socket Mode variant (no URLs, socket_mode_enabled)', () => {
    const socket = structuredClone(manifest);
    socket.settings.socket_mode_enabled = true;
    delete socket.settings.interactivity.request_url;
    for (const command of socket.features.slash_commands) delete command.url;
    const events = socket.settings.event_subscriptions as { request_url?: string };
    delete events.request_url;
    const validate = validator();
    expect(validate(socket), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a broken manifest (the validator is live)', () => {
    const validate = validator();
    expect(validate({ display_information: {} })).toBe(false);
  });
});
