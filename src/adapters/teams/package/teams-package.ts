import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeZip } from './zip-writer.ts';

/** Where the manifest, its English strings and the icons live in the repository. */
export const TEAMS_MANIFEST_DIR = 'manifest/teams';

/** The files of the uploadable package: the manifest, the English localisation it names, and the two icons. */
export const PACKAGE_FILES = ['manifest.json', 'en.json', 'color.png', 'outline.png'] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thrown when the package cannot be built; the message says what to fix. */
export class TeamsPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamsPackageError';
  }
}

/** The manifest with the app id and bot id set to the Azure Bot's Microsoft App ID. */
export function manifestWithAppId(manifest: Record<string, unknown>, appId: string): Record<string, unknown> {
  if (!GUID.test(appId)) {
    throw new TeamsPackageError(`MICROSOFT_APP_ID "${appId}" is not a GUID; set it to the Azure Bot's Microsoft App ID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`);
  }
  const bots = Array.isArray(manifest.bots) ? (manifest.bots as Record<string, unknown>[]) : [];
  return { ...manifest, id: appId, bots: bots.map((bot) => ({ ...bot, botId: appId })) };
}

/** Builds the Teams app package (a zip) from `dir` with the given app id. */
export async function buildTeamsPackage(appId: string | undefined, dir = TEAMS_MANIFEST_DIR): Promise<Buffer> {
  if (!appId) throw new TeamsPackageError('MICROSOFT_APP_ID is not set; set it to the Azure Bot\'s Microsoft App ID and run teams-package again.');
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const entries = await Promise.all(
    PACKAGE_FILES.map(async (name) => ({
      name,
      data: name === 'manifest.json' ? Buffer.from(`${JSON.stringify(manifestWithAppId(manifest, appId), null, 2)}\n`) : await readFile(join(dir, name)),
    })),
  );
  return writeZip(entries);
}

/** `some-advisor teams-package --out FILE`: writes the package and prints where it went. */
export async function runTeamsPackage(appId: string | undefined, out: string, stdout: NodeJS.WritableStream): Promise<number> {
  await writeFile(out, await buildTeamsPackage(appId));
  stdout.write(`Teams-pakken er skrevet til ${out}. Upload den i Teams under Apps > Administrer dine apps > Upload en app.\n`);
  return 0;
}
