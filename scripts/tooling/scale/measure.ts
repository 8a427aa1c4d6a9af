// Runs one step as a child process and takes its cost from the operating system:
// GNU time's wall clock, user + system CPU and maximum resident set size (the
// largest process of the step, worker threads and DuckDB included).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StepCost {
  wallS: number;
  cpuS: number;
  peakRssMB: number;
  exitCode: number;
  /** What the step printed (stdout and stderr), for the numbers it reports itself. */
  output: string;
}

const GNU_TIME = '/usr/bin/time';

export function parseGnuTime(text: string): { cpuS: number; peakRssMB: number } {
  const num = (label: string): number => {
    const m = new RegExp(`${label}:\\s*([0-9.]+)`).exec(text);
    return m ? Number(m[1]) : Number.NaN;
  };
  return { cpuS: num('User time \\(seconds\\)') + num('System time \\(seconds\\)'), peakRssMB: num('Maximum resident set size \\(kbytes\\)') / 1024 };
}

export async function measure(cmd: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; nice?: number; echo?: boolean }): Promise<StepCost> {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is missing: apt-get install -y time`);
  const report = join(tmpdir(), `scale-time-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const argv = [...(opts.nice ? ['nice', '-n', String(opts.nice)] : []), GNU_TIME, '-v', '-o', report, ...cmd];
  const t0 = performance.now();
  let output = '';
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const take = (b: Buffer): void => {
      const s = b.toString();
      output += s;
      if (opts.echo) process.stderr.write(s);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const wallS = (performance.now() - t0) / 1000;
  const { cpuS, peakRssMB } = parseGnuTime(existsSync(report) ? readFileSync(report, 'utf8') : '');
  rmSync(report, { force: true });
  return { wallS, cpuS, peakRssMB, exitCode, output };
}
