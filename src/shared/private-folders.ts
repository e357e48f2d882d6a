import { chmodSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Folders we create for databases and backups: only their owner may enter them. */
const PRIVATE_FOLDER = 0o700;

/**
 * Creates the folder of `file` with its missing parents, each 0700 whatever the umask (set explicitly after creating);
 * folders that already exist are left as they are (they may be shared, e.g. /var/lib).
 */
export function createPrivateFolders(file: string): void {
  const folder = dirname(file);
  const first = mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER });
  if (first === undefined) return;
  let current = first;
  chmodSync(current, PRIVATE_FOLDER);
  for (const part of relative(first, folder).split(sep).filter((p) => p !== '')) {
    current = join(current, part);
    chmodSync(current, PRIVATE_FOLDER);
  }
}
