import type { LintError } from './lint-error.ts';
import { outsideFileSchema, type OutsideArea } from './outside-schema.ts';
import { readOptionalYamlFile, validateYaml } from './yaml-file.ts';

/** Loads and lints `knowledge/outside.yaml` (schema, duplicate ids); a missing file means no out-of-scope areas. */
export async function loadOutside(file: string): Promise<{ areas: OutsideArea[]; errors: LintError[] }> {
  const parsed = await readOptionalYamlFile(file);
  if (!parsed) return { areas: [], errors: [] };
  if (!parsed.yaml) return { areas: [], errors: parsed.errors };
  const yaml = parsed.yaml;
  const { value, errors } = validateYaml(yaml, outsideFileSchema);
  if (!value) return { areas: [], errors };
  const seen = new Set<string>();
  const areas: OutsideArea[] = [];
  value.areas.forEach((area, i) => {
    if (seen.has(area.id)) {
      errors.push({ file, line: yaml.lineOf(['areas', i, 'id']), message: `areas.${i}.id: duplicate id "${area.id}"` });
      return;
    }
    seen.add(area.id);
    areas.push(area);
  });
  return { areas, errors };
}
