import { z } from 'zod';
import { isStopWord, words } from './danish-text.ts';
import type { LintError } from './lint-error.ts';
import { synonymKey, Synonyms } from './synonyms.ts';
import { readOptionalYamlFile, validateYaml } from './yaml-file.ts';

// YAML reads some words as other types (true, 119); they are words here.
const member = z
  .union([z.string(), z.number(), z.boolean()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^[\p{L}\p{N}]+$/u, 'must be one word (letters and digits only; write phrases as separate groups of words)'));

const synonymsSchema = z.strictObject({
  groups: z.array(z.array(member).min(2, 'a group needs at least two terms')).default([]),
});

/** Loads and lints `knowledge/synonyms.yaml`; a missing file means no synonyms. */
export async function loadSynonyms(file: string): Promise<{ synonyms: Synonyms; errors: LintError[] }> {
  const parsed = await readOptionalYamlFile(file);
  if (!parsed) return { synonyms: new Synonyms(), errors: [] };
  if (!parsed.yaml) return { synonyms: new Synonyms(), errors: parsed.errors };
  const yaml = parsed.yaml;
  const { value, errors } = validateYaml(yaml, synonymsSchema);
  if (!value) return { synonyms: new Synonyms(), errors };
  const seen = new Map<string, number>();
  value.groups.forEach((group, g) => {
    group.forEach((term, t) => {
      // the line is looked up only for an error: a lookup per term was a noticeable part of start-up
      const line = () => yaml.lineOf(['groups', g, t]);
      const key = synonymKey(term);
      const [word] = words(term);
      if (word && isStopWord(word)) {
        errors.push({ file, line: line(), message: `groups.${g}.${t}: "${term}" is a stop word and is never searched` });
      }
      const earlier = seen.get(key);
      if (earlier !== undefined && earlier !== g) {
        errors.push({ file, line: line(), message: `groups.${g}.${t}: "${term}" is already in group ${earlier}; merge the groups` });
      }
      seen.set(key, g);
    });
  });
  return { synonyms: new Synonyms(value.groups), errors };
}
