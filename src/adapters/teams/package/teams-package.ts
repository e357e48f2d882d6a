import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../../config/config.ts';
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

/** What the package takes from the configuration: the app id, and optionally the version and the developer details. */
export type TeamsPackageSettings = Partial<
  Pick<
    Config,
    'MICROSOFT_APP_ID' | 'TEAMS_APP_VERSION' | 'TEAMS_DEVELOPER_NAME' | 'TEAMS_WEBSITE_URL' | 'TEAMS_PRIVACY_URL' | 'TEAMS_TERMS_URL'
  >
>;

/** The manifest with the version and the developer's name and pages replaced where the settings give them. */
export function manifestWithDetails(manifest: Record<string, unknown>, s: Omit<TeamsPackageSettings, 'MICROSOFT_APP_ID'>): Record<string, unknown> {
  const developer = (manifest.developer ?? {}) as Record<string, unknown>;
  return {
    ...manifest,
    ...(s.TEAMS_APP_VERSION ? { version: s.TEAMS_APP_VERSION } : {}),
    developer: {
      ...developer,
      ...(s.TEAMS_DEVELOPER_NAME ? { name: s.TEAMS_DEVELOPER_NAME } : {}),
      ...(s.TEAMS_WEBSITE_URL ? { websiteUrl: s.TEAMS_WEBSITE_URL } : {}),
      ...(s.TEAMS_PRIVACY_URL ? { privacyUrl: s.TEAMS_PRIVACY_URL } : {}),
      ...(s.TEAMS_TERMS_URL ? { termsOfUseUrl: s.TEAMS_TERMS_URL } : {}),
    },
  };
}

/** Builds the Teams app package (a zip) from `dir`: the tracked manifest with the settings applied (the file is not changed). */
export async function buildTeamsPackage(settings: TeamsPackageSettings, dir = TEAMS_MANIFEST_DIR): Promise<Buffer> {
  const appId = settings.MICROSOFT_APP_ID;
  if (!appId) throw new TeamsPackageError('MICROSOFT_APP_ID is not set; set it to the Azure Bot\'s Microsoft App ID and run teams-package again.');
  const tracked = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const manifest = manifestWithDetails(manifestWithAppId(tracked, appId), settings);
  const entries = await Promise.all(
    PACKAGE_FILES.map(async (name) => ({
      name,
      data: name === 'manifest.json' ? Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) : await readFile(join(dir, name)),
    })),
  );
  return writeZip(entries);
}

/** `some-advisor teams-package --out FILE`: writes the package and prints where it went. */
export async function runTeamsPackage(settings: TeamsPackageSettings, out: string, stdout: NodeJS.WritableStream): Promise<number> {
  await writeFile(out, await buildTeamsPackage(settings));
  stdout.write(`Teams-pakken er skrevet til ${out}. Upload den i Teams under Apps > Administrer dine apps > Upload en app.\n`);
  return 0;
}
