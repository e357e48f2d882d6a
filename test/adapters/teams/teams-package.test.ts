import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ajvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { drawColorIcon, drawOutlineIcon } from '../../../scripts/teams-icons/draw-icons.ts';
import { encodePng } from '../../../scripts/teams-icons/png-encoder.ts';
import { buildTeamsPackage, TeamsPackageError } from '../../../src/adapters/teams/package/teams-package.ts';
import { runCli } from '../../support/run-cli.ts';

const SCHEMA = JSON.parse(readFileSync(new URL('../../schemas/teams-manifest.schema.json', import.meta.url), 'utf8')) as object;
// ajv-draft-04 is CommonJS; under NodeNext its default import is the module object, whose `default` is the class.
const Ajv04 = ajvDraft04.default;
const validateManifest = new Ajv04({ strict: false, allErrors: true, validateFormats: false }).compile(SCHEMA);
const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

/** Reads a zip's entries (name -> uncompressed bytes) from its central directory. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const size = zip.readUInt32LE(at + 20);
    const local = zip.readUInt32LE(at + 42);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    files.set(name, inflateRawSync(zip.subarray(dataStart, dataStart + size)));
    at += 46 + nameLength + extra;
  }
  return files;
}

describe('the Teams manifest and package', () => {
  it('the committed manifest is valid against the Teams v1.30 schema', () => {
    const manifest = JSON.parse(readFileSync('manifest/teams/manifest.json', 'utf8')) as Record<string, unknown>;
    expect(validateManifest(manifest), JSON.stringify(validateManifest.errors)).toBe(true);
    expect(manifest).toMatchObject({ manifestVersion: '1.30', bots: [{ scopes: ['personal', 'team', 'groupChat'] }] });
  });

  it('the committed icons are the ones the project draws (192×192 colour, 32×32 white on transparent)', () => {
    const hint = 'regenerate with: npx tsx scripts/teams-icons/write-icons.ts';
    expect(readFileSync('manifest/teams/color.png').equals(encodePng(drawColorIcon())), hint).toBe(true);
    expect(readFileSync('manifest/teams/outline.png').equals(encodePng(drawOutlineIcon())), hint).toBe(true);
    const outline = drawOutlineIcon();
    expect([outline.width, outline.height, drawColorIcon().width]).toEqual([32, 32, 192]);
    const alphas = new Set<number>();
    for (let i = 0; i < outline.pixels.length; i += 4) {
      expect([outline.pixels[i], outline.pixels[i + 1], outline.pixels[i + 2]]).toEqual([255, 255, 255]);
      alphas.add(outline.pixels[i + 3]!);
    }
    expect(alphas.has(0) && alphas.has(255)).toBe(true);
  });

  it('builds a zip with exactly the manifest (app id set, still valid), its English strings and the two icons', async () => {
    const files = readZip(await buildTeamsPackage({ MICROSOFT_APP_ID: APP_ID }));
    expect([...files.keys()].sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { id: string; bots: { botId: string }[] };
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]!.botId).toBe(APP_ID);
    expect(validateManifest(manifest)).toBe(true);
    expect(files.get('color.png')!.equals(readFileSync('manifest/teams/color.png'))).toBe(true);
    expect(JSON.parse(files.get('en.json')!.toString('utf8'))).toMatchObject({ 'name.short': 'SoMe Advisor' });
  });

  it('refuses to build without a GUID app id, saying what to set', async () => {
    await expect(buildTeamsPackage({})).rejects.toThrow(/MICROSOFT_APP_ID is not set/);
    await expect(buildTeamsPackage({ MICROSOFT_APP_ID: 'not-a-guid' })).rejects.toThrow(TeamsPackageError);
  });

  it('teams-package sets the version and developer from flags (over variables), stays valid and leaves the tracked manifest alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'teams-package-'));
    const out = join(dir, 'app.zip');
    const tracked = readFileSync('manifest/teams/manifest.json');
    const env = { MICROSOFT_APP_ID: APP_ID, TEAMS_APP_VERSION: '9.9.9', TEAMS_DEVELOPER_NAME: 'Aarhus Kommune', TEAMS_PRIVACY_URL: 'https://aarhus.dk/privatliv' };
    const flags = ['--app-version', '2.1.0', '--website-url', 'https://aarhus.dk', '--terms-url', 'https://aarhus.dk/vilkaar'];
    const run = await runCli(['teams-package', '--out', out, ...flags], '', env);
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(readZip(readFileSync(out)).get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      version: '2.1.0',
      developer: { name: 'Aarhus Kommune', websiteUrl: 'https://aarhus.dk', privacyUrl: 'https://aarhus.dk/privatliv', termsOfUseUrl: 'https://aarhus.dk/vilkaar' },
    });
    expect(validateManifest(manifest), JSON.stringify(validateManifest.errors)).toBe(true);
    expect(readFileSync('manifest/teams/manifest.json').equals(tracked)).toBe(true);
    const bad = await runCli(['teams-package', '--out', out, '--privacy-url', 'http://insecure.example'], '', env);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('TEAMS_PRIVACY_URL')]);
    await rm(dir, { recursive: true, force: true });
  });
});
