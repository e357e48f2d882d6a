import { loadavg } from 'node:os';
import { redactPersonalData } from '../src/core/redact.ts';
import { quantile } from './stats.ts';

/** Length of every adversarial input: the longest text a user's turn is read whole at (MAX_INPUT_CHARS). */
const LENGTH = 4000;

const fill = (unit: string, tail = '') => unit.repeat(Math.ceil((LENGTH - tail.length) / unit.length)).slice(0, LENGTH - tail.length) + tail;

/** Inputs built to make each pattern do as much work as it can: long runs that almost match, many near-starts. */
export const ADVERSARIAL_INPUTS: Record<'cpr' | 'phone' | 'email', Record<string, string>> = {
  cpr: {
    'digits only': fill('0'),
    'date, no serial, repeated': fill('010190'),
    'date and dash, repeated': fill('010190-'),
    'date and en dash, repeated': fill('010190\u2013'),
    'full-width digits': fill('\uFF10'),
    'digits and soft hyphens': fill('1\u00AD'),
    'digits and spaces': fill('010190 '),
  },
  phone: {
    'digit, space': fill('1 '),
    'digit, hyphen': fill('1-'),
    'country codes': fill('+45 '),
    '0045 prefixes': fill('00'),
    'seven digits and a letter': fill('1234567a'),
  },
  email: {
    'local part, then @': fill('a', '@'),
    '@, then local part': `@${fill('a').slice(1)}`,
    'a@ then one label': `a@${fill('b').slice(2)}`,
    'dotted local part, then @': fill('a.', '@'),
    'a@ repeated': fill('a@'),
    'a@a. repeated': fill('a@a.'),
    'letters of another script, then @': fill('ø', '@'),
  },
};

/**
 * The slowest and the 99th-percentile redaction of one pattern family's inputs, in ms: on the wall clock, and in CPU
 * time (the process's, from getrusage), which leaves out the time the call waited for a core on a busy machine.
 */
export interface RedactionFigures {
  inputs: number;
  runs: number;
  maxMs: number;
  p99Ms: number;
  cpuMaxMs: number;
  cpuP99Ms: number;
  /** The input that took longest in CPU time. */
  slowest: string;
}

/**
 * Section: redactPersonalData on 4,000-character adversarial inputs (after `warmup` uncounted runs of each), timed per
 * call on the wall clock; `loadAverage` (one minute) tells whether a slow maximum may be the machine, not the code.
 */
export interface RedactionResult {
  loadAverage: number;
  families: Record<keyof typeof ADVERSARIAL_INPUTS, RedactionFigures>;
}

/** Times `runs` redactions of every adversarial input, per pattern family. */
export function redactionBench(runs: number, warmup: number): RedactionResult {
  const families = {} as RedactionResult['families'];
  for (const [family, inputs] of Object.entries(ADVERSARIAL_INPUTS) as [keyof RedactionResult['families'], Record<string, string>][]) {
    const wall: number[] = [];
    const cpu: number[] = [];
    let slowest = { ms: 0, name: '' };
    for (const [name, text] of Object.entries(inputs)) {
      for (let i = 0; i < warmup; i++) redactPersonalData(text);
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const cpuStarted = process.cpuUsage();
        redactPersonalData(text);
        const used = process.cpuUsage(cpuStarted);
        wall.push(performance.now() - started);
        const cpuMs = (used.user + used.system) / 1000;
        cpu.push(cpuMs);
        if (cpuMs > slowest.ms) slowest = { ms: cpuMs, name };
      }
    }
    families[family] = {
      inputs: Object.keys(inputs).length,
      runs,
      maxMs: Math.max(...wall),
      p99Ms: quantile(wall, 0.99),
      cpuMaxMs: Math.max(...cpu),
      cpuP99Ms: quantile(cpu, 0.99),
      slowest: slowest.name,
    };
  }
  return { loadAverage: loadavg()[0] ?? 0, families };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = redactionBench(500, 20);
  process.stdout.write(`load average ${result.loadAverage.toFixed(1)}\n`);
  for (const [family, f] of Object.entries(result.families)) {
    process.stdout.write(`${family}: wall max ${f.maxMs.toFixed(2)} ms, p99 ${f.p99Ms.toFixed(2)} ms; CPU max ${f.cpuMaxMs.toFixed(2)} ms (${f.slowest}), p99 ${f.cpuP99Ms.toFixed(2)} ms; ${f.inputs} inputs × ${f.runs}\n`);
  }
}
