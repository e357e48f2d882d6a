import { basename } from 'node:path';
import { fileIdMismatch } from '../knowledge/file-id.ts';
import type { LintError } from '../knowledge/lint-error.ts';
import { readYamlFile, validateYaml, type YamlFile } from '../knowledge/yaml-file.ts';
import { listYamlFolder } from '../knowledge/yaml-folder.ts';
import { flowDefinitionSchema, type FlowDefinition } from './flow-schema.ts';

/** Flows read from a folder, the parsed file of each (for line numbers in lint) and every error found. */
export interface LoadedFlows {
  flows: FlowDefinition[];
  errors: LintError[];
  /** The parsed YAML file of each valid flow, keyed by flow id. */
  files: Map<string, YamlFile>;
}

/** Reads and validates every `<id>.yaml` in `dir` (file name = id); errors come back as `file:line: field: message`. */
export async function loadFlows(dir: string): Promise<LoadedFlows> {
  const result: LoadedFlows = { flows: [], errors: [], files: new Map() };
  const folder = await listYamlFolder(dir, 'flows');
  if (folder.error) {
    result.errors.push(folder.error);
    return result;
  }
  result.errors.push(...folder.strays);
  for (const file of folder.files) {
    const parsed = await readYamlFile(file);
    result.errors.push(...parsed.errors);
    if (!parsed.yaml) continue;
    const { value, errors } = validateYaml(parsed.yaml, flowDefinitionSchema);
    result.errors.push(...errors);
    if (!value) continue;
    const expectedId = basename(file).replace(/\.ya?ml$/, '');
    if (value.id !== expectedId) {
      result.errors.push({ file, line: parsed.yaml.lineOf(['id']), message: fileIdMismatch(value.id, expectedId) });
      continue;
    }
    const earlier = result.files.get(value.id);
    if (earlier) {
      result.errors.push({ file, line: parsed.yaml.lineOf(['id']), message: `id: duplicate flow id "${value.id}" (also in ${earlier.file})` });
      continue;
    }
    result.flows.push(value);
    result.files.set(value.id, parsed.yaml);
  }
  return result;
}
