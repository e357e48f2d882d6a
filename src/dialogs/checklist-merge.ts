import { searchTerms } from '../knowledge/danish-text.ts';

/**
 * An outcome's own checklist followed by the items its answers added, without an own item that an added one already
 * says: every content word of the own item ("Link til debatpolitikken fra profilen") is in one added item ("Gør
 * debatpolitikken færdig, og link til debatpolitikken fra profilen"), which is the more specific of the two.
 */
export function mergeChecklist(own: readonly string[], added: readonly string[]): string[] {
  const addedTerms = added.map((item) => new Set(searchTerms(item)));
  const saidAlready = (item: string) => {
    const terms = searchTerms(item);
    return terms.length > 0 && addedTerms.some((set) => terms.every((term) => set.has(term)));
  };
  return [...own.filter((item) => !saidAlready(item)), ...added];
}
