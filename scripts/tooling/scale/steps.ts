// The engine's steps as the bench runs them: each a CLI in its own process (so the
// operating system accounts for it alone), and the numbers the engine prints itself.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, type StepCost } from './measure.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type StepName = 'stage' | 'build' | 'metrics' | 'publish' | 'noop';

export interface StepResult extends Omit<StepCost, 'output'> {
  step: StepName;
  /** 1-minute load average when the step ended: above the 2 cores means other work competed. */
  load: number;
  /** What the engine reports about itself (seconds), where it does. */
  detail: Record<string, number>;
  /** Set when the step failed and later steps could still run (publish). */
  error?: string;
}

export interface StepInputs {
  /** The engine's folder (a snapshot of the repository's code). */
  cwd: string;
  gitlogs: string;
  registry: string;
  warehouse: string;
  published: string;
  quarter: string;
  nice: number;
  echo?: boolean;
}

/** Seconds the build log gives for identity resolution, the warehouse tables and the metrics. */
export function buildDetail(output: string): Record<string, number> {
  const detail: Record<string, number> = {};
  const ident = /identities merged into ([\d,]+) people in ([\d.]+) s/.exec(output);
  if (ident) {
    detail.people = Number(ident[1]!.replaceAll(',', ''));
    detail.identitiesS = Number(ident[2]);
  }
  const metrics = /\(metrics ([\d.]+) s\)/.exec(output);
  if (metrics) detail.metricsS = Number(metrics[1]);
  // Table lines: "  name   1,234 rows  0.3 s"; the metric tables follow the warehouse ones.
  let tables = 0;
  for (const m of output.matchAll(/^ {2}\S+\s+[\d,]+ rows\s+([\d.]+) s$/gm)) tables += Number(m[1]);
  if (detail.metricsS !== undefined) detail.warehouseTablesS = Math.max(0, tables - detail.metricsS);
  return detail;
}

export function metricsDetail(output: string): Record<string, number> {
  const detail: Record<string, number> = {};
  for (const m of output.matchAll(/^(\S+)\t([\d.]+)$/gm)) detail[m[1] === 'metrics' ? 'totalS' : m[1]!] = Number(m[2]);
  const total = /metrics total\t([\d.]+)/.exec(output);
  if (total) detail.totalS = Number(total[1]);
  return detail;
}

export async function runStep(step: StepName, io: StepInputs): Promise<StepResult> {
  const ingest = ['node', 'scripts/ingest.ts', '--from', io.gitlogs, '--registry', io.registry, '--warehouse', io.warehouse];
  const cmd: Record<StepName, string[]> = {
    // Staging only: parse every export into per-repository Parquet parts.
    stage: [...ingest, '--no-build'],
    // Nothing left to stage, so this is the warehouse build: identities, warehouse SQL, metrics.
    build: ingest,
    metrics: ['node', join('scripts', 'tooling', 'scale', 'run-metrics.ts'), '--warehouse', io.warehouse],
    publish: ['node', 'scripts/publish-data.ts', io.quarter, '--warehouse', io.warehouse, '--out', io.published],
    // Everything unchanged: must end in seconds.
    noop: ingest,
  };
  const cost = await measure(cmd[step], { cwd: io.cwd, nice: io.nice, echo: io.echo, env: { CI: '1' } });
  if (cost.exitCode !== 0) {
    const message = `${step} failed (exit ${cost.exitCode}):\n${cost.output.slice(-4000)}`;
    // Nothing after a failed publish depends on it: the no-op re-run is still measured.
    if (step !== 'publish') throw new Error(message);
    const firstError = /^\S*Error[^\n]*$/m.exec(cost.output)?.[0] ?? message.split('\n')[1] ?? '';
    return { step, wallS: Number.NaN, cpuS: Number.NaN, peakRssMB: Number.NaN, exitCode: cost.exitCode, load: loadavg()[0]!, detail: {}, error: firstError };
  }
  const detail = step === 'build' ? buildDetail(cost.output) : step === 'metrics' ? metricsDetail(cost.output) : {};
  const { output: _output, ...rest } = cost;
  return { step, ...rest, load: loadavg()[0]!, detail };
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`;
}
