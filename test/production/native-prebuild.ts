import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A local prebuilt-binary folder for better-sqlite3, made from the repository's own installed binary (same Node ABI,
 * platform and architecture), in the file layout prebuild-install looks for. A container build downloads that binary
 * from the package's GitHub releases; this machine cannot reach GitHub, and compiling SQLite again for each scratch
 * install would cost minutes. Returns the npm setting that points prebuild-install at the folder, or no setting when
 * the repository's binary is missing (then the install compiles it).
 */
export function localBetterSqlitePrebuild(repo: string, dir: string): Record<string, string> {
  const pkgDir = join(repo, 'node_modules', 'better-sqlite3');
  const binary = join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(binary)) return {};
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  mkdirSync(dir, { recursive: true });
  const file = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync('tar', ['-czf', join(dir, file), '-C', pkgDir, 'build/Release/better_sqlite3.node']);
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}
