import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { DockerfileParser, type Copy, type Healthcheck, type Instruction } from 'dockerfile-ast';

/** One build stage after its steps ran: its root folder (the image's `/`), working directory, environment and settings. */
export interface Stage {
  name: string;
  root: string;
  workdir: string;
  env: Record<string, string>;
  user?: string;
  volumes: string[];
  healthcheck?: string[];
  cmd?: string[];
}

/** How the runner runs a stage's RUN commands: extra environment (e.g. npm settings) on top of PATH and HOME. */
export interface RunnerOptions {
  env?: Record<string, string>;
  log?: (line: string) => void;
}

/**
 * Performs a Dockerfile's stages without a container engine: each stage gets a folder standing for its image's `/`,
 * COPY copies from `context` (or from an earlier stage with --from), RUN runs the shell command in the stage's WORKDIR
 * with its ENV and the host's Node.js. FROM's base image is not fetched: the host's Node.js and tools stand in for it.
 * RUN commands must use paths relative to WORKDIR (an absolute path would reach the host). Flags such as --mount
 * (a build cache) do not change what a command does and are ignored.
 */
export function runDockerfile(dockerfile: string, context: string, scratch: string, options: RunnerOptions = {}): Stage[] {
  const stages: Stage[] = [];
  const current = (): Stage => {
    const stage = stages.at(-1);
    if (!stage) throw new Error('Dockerfile: an instruction comes before FROM');
    return stage;
  };
  const inStage = (stage: Stage, path: string) => (isAbsolute(path) ? join(stage.root, path) : join(stage.workdir, path));
  for (const instruction of DockerfileParser.parse(readFileSync(dockerfile, 'utf8')).getInstructions()) {
    const keyword = instruction.getKeyword();
    const args = instruction.getArguments().map((a) => a.getValue());
    options.log?.(`${keyword} ${instruction.getArgumentsContent() ?? ''}`);
    switch (keyword) {
      case 'FROM': {
        const name = args[2] ?? String(stages.length);
        const root = join(scratch, `stage-${name}`);
        mkdirSync(root, { recursive: true });
        stages.push({ name, root, workdir: root, env: {}, volumes: [] });
        break;
      }
      case 'WORKDIR':
        current().workdir = inStage(current(), args[0] ?? '/');
        mkdirSync(current().workdir, { recursive: true });
        break;
      case 'ENV':
        for (const pair of args) {
          const at = pair.indexOf('=');
          current().env[pair.slice(0, at)] = pair.slice(at + 1);
        }
        break;
      case 'COPY':
        copy(instruction as Copy, current(), stages, context, inStage);
        break;
      case 'RUN':
        run(instruction, current(), options);
        break;
      case 'USER':
        current().user = args[0];
        break;
      case 'VOLUME':
        current().volumes.push(...args);
        break;
      case 'HEALTHCHECK':
        current().healthcheck = healthcheckCommand(instruction as Healthcheck);
        break;
      case 'CMD':
        current().cmd = JSON.parse(instruction.getArgumentsContent() ?? '[]') as string[];
        break;
      case 'EXPOSE':
        break;
      default:
        throw new Error(`Dockerfile: the test runner does not know ${keyword}; teach test/production/dockerfile-runner.ts`);
    }
  }
  return stages;
}

function copy(instruction: Copy, stage: Stage, stages: Stage[], context: string, inStage: (s: Stage, p: string) => string): void {
  const args = instruction.getArguments().map((a) => a.getValue());
  const from = instruction.getFromFlag()?.getValue();
  const source = from ? stages.find((s) => s.name === from) : undefined;
  if (from && !source) throw new Error(`COPY --from=${from}: no such stage`);
  const sources = args.slice(0, -1).map((p) => (source ? inStage(source, p) : join(context, p)));
  const target = args.at(-1) ?? '.';
  const intoFolder = sources.length > 1 || target.endsWith('/');
  for (const path of sources) {
    const destination = inStage(stage, target);
    // Docker copies a folder's contents (not the folder itself); a file goes into a folder target under its own name.
    const to = statSync(path).isDirectory() || !intoFolder ? destination : join(destination, basename(path));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(path, to, { recursive: true });
  }
}

function run(instruction: Instruction, stage: Stage, options: RunnerOptions): void {
  const command = instruction.getArgumentsContent() ?? '';
  const path = `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`;
  const env = { PATH: path, HOME: process.env.HOME ?? '/root', ...options.env, ...stage.env };
  const result = spawnSync('sh', ['-c', command], { cwd: stage.workdir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`RUN ${command} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

function healthcheckCommand(instruction: Healthcheck): string[] {
  const content = instruction.getArgumentsContent() ?? '';
  if (!content.startsWith('CMD [')) throw new Error('HEALTHCHECK: the runner expects the exec form, CMD ["…"]');
  return JSON.parse(content.slice('CMD '.length)) as string[];
}

/** The tracked files of the repository (`git ls-files`), copied to `target`: the build context of a fresh clone. */
export function copyTrackedFiles(repo: string, target: string): void {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: repo, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(repo, file), join(target, file));
  }
}
