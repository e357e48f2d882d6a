import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runBackup } from '../../src/cli/backup-command.ts';
import { runDoctor } from '../../src/cli/doctor-command.ts';
import { loadConfig } from '../../src/config/config.ts';
import { openSqlite } from '../../src/store/sqlite/open-sqlite.ts';
import { StoreUnavailableError } from '../../src/store/store.ts';
import { FIXTURE_KNOWLEDGE } from './support/chat-process.ts';

// What Node says when better-sqlite3 was compiled under Node 20 and runs under Node 24 (the native module loads when
// the first database is opened).
vi.mock('better-sqlite3', () => ({
  default: class {
    constructor() {
      throw Object.assign(
        new Error(
          "The module '/srv/some-advisor/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 137. Please try re-compiling or re-installing\nthe module (for instance, using `npm rebuild` or `npm install`).",
        ),
        { code: 'ERR_DLOPEN_FAILED' },
      );
    }
  },
}));

const REBUILD = `better-sqlite3 was built for another Node.js version than this one (${process.version}); run \`npm rebuild better-sqlite3\` (or \`npm ci\`) with the Node.js you run it with`;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('better-sqlite3 built for another Node.js version', () => {
  it('opening the store says to rebuild better-sqlite3, not to check SQLITE_PATH', () => {
    dir = mkdtempSync(join(tmpdir(), 'some-abi-'));
    const path = join(dir, 'state.db');
    const opening = () => openSqlite(path);
    expect(opening).toThrow(StoreUnavailableError);
    expect(opening).toThrow(`The store is unavailable: cannot open the SQLite database at ${path}: ${REBUILD}`);
  });

  it('backup says the same, and leaves no partial copy behind', async () => {
    dir = mkdtempSync(join(tmpdir(), 'some-abi-'));
    const live = join(dir, 'live.db');
    writeFileSync(live, '');
    const copy = join(dir, 'copy.db');
    await expect(runBackup(loadConfig({ SQLITE_PATH: live }), copy, new PassThrough())).rejects.toThrow(`cannot open the SQLite database at ${live}: ${REBUILD}`);
    expect(existsSync(`${copy}.partial-${process.pid}`)).toBe(false);
  });
});

describe('doctor with better-sqlite3 built for another Node.js version', () => {
  it('reports it as the store check, with what to do, and goes on with the other checks', async () => {
    dir = mkdtempSync(join(tmpdir(), 'some-abi-'));
    const live = join(dir, 'live.db');
    writeFileSync(live, '');
    const out = new PassThrough();
    expect(await runDoctor({ SQLITE_PATH: live, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE }, out)).toBe(1);
    const lines = String(out.read() ?? '').split('\n');
    expect(lines).toContain(`ERROR   store: The store is unavailable: cannot open the SQLite database at ${live}: ${REBUILD}`);
    expect(lines).toContainEqual(expect.stringMatching(/^ok +slack: off/));
  });
});
