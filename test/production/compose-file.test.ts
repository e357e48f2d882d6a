import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { playgroundEnabled } from '../../src/adapters/web/playground-enabled.ts';

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  deploy?: { replicas?: number };
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync('compose.yaml', 'utf8'), { merge: true }) as { services: Record<string, Service>; configs: Record<string, { content: string }> };
const { db, migrate, app, proxy } = compose.services;

describe('compose.yaml', () => {
  it('runs PostgreSQL 17, migrates once, then two app instances from the Dockerfile behind one published port', () => {
    expect(db?.image).toBe('postgres:17');
    expect(migrate?.command).toEqual(['node', 'bin/some-advisor.js', 'migrate']);
    expect(migrate?.depends_on?.db?.condition).toBe('service_healthy');
    expect(app?.build).toBe('.');
    expect(app?.deploy?.replicas).toBe(2);
    expect(app?.depends_on?.migrate?.condition).toBe('service_completed_successfully');
    expect(app?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/some_advisor:\$\{POSTGRES_PASSWORD[^}]*\}@db:5432\/some_advisor$/);
    // optional: unset, the instances share the secret the first one generates in the database
    expect(app?.environment?.ANALYTICS_SECRET).toBe('${ANALYTICS_SECRET:-}');
    expect(proxy?.ports).toHaveLength(1);
    expect(Object.keys(compose.services).filter((name) => compose.services[name]?.ports)).toEqual(['proxy']);
  });

  it('proxies to every app instance on the port the image listens on and keeps /metrics inside', () => {
    const nginx = compose.configs.nginx?.content ?? '';
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    const port = /PORT=(\d+)/.exec(dockerfile)?.[1];
    expect(nginx).toContain(`server app:${port};`);
    expect(nginx).toMatch(/location = \/metrics \{ return 404; \}/);
  });

  it("its header promises the playground at http://localhost only with PLAYGROUND=on (the image's HOST leaves it off)", () => {
    const host = /HOST=(\S+)/.exec(readFileSync('Dockerfile', 'utf8'))?.[1] ?? '';
    expect(playgroundEnabled({ HOST: host, PLAYGROUND: undefined })).toBe(false);
    expect(app?.environment?.PLAYGROUND).toBeUndefined();
    const header = readFileSync('compose.yaml', 'utf8').split('\nname:')[0] ?? '';
    const sentences = header.replace(/\n#\s*/g, ' ').split(/(?<=[.;])\s/);
    for (const sentence of sentences.filter((s) => s.includes('http://localhost'))) expect(sentence).toMatch(/PLAYGROUND=on|answers 404/);
  });
});
