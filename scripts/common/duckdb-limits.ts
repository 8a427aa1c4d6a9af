// How much memory the engine's DuckDB may hold before it spills to disk. DuckDB's own
// default is 80 % of RAM: at ten times the real dataset the warehouse build reached
// 20 GB on a 24 GB machine (docs/scale.md), where a limit makes it spill its joins,
// sorts and aggregates to a folder instead. DEEP_SIGNAL_MEMORY_LIMIT overrides it
// ('8GB', '512MB', …) for a smaller or larger machine.
import { mkdirSync } from 'node:fs';

export const MEMORY_LIMIT_ENV = 'DEEP_SIGNAL_MEMORY_LIMIT';
/**
 * Leaves room, within an 8 GB budget, for the ingest's JavaScript: at 10 M commits and
 * ~1 M identities (bench:scale 2000r) identity resolution holds ~4 GB, and the build
 * peaked at 9.5 GB with a 5 GB cap, 7.2 GB with this one (7 s slower of 279).
 */
export const DEFAULT_MEMORY_LIMIT = '3GB';

/** DuckDBInstance options: the memory limit, and where to spill past it (created if absent). */
export function duckdbLimits(spillDir: string): Record<string, string> {
  mkdirSync(spillDir, { recursive: true });
  return { memory_limit: process.env[MEMORY_LIMIT_ENV] || DEFAULT_MEMORY_LIMIT, temp_directory: spillDir };
}

/**
 * Options for the DuckDB that makes tables (the warehouse build and its metrics): the
 * limits, and no promise to keep rows in insertion order. Tables are sets here: every
 * published file and every ordered result says ORDER BY, and without the promise DuckDB
 * holds less and runs more of each CREATE TABLE … AS in parallel (3x, same staged data:
 * metrics 16.0 / 16.4 → 14.8 / 15.3 s, scope_quarters 4.7 → 3.5 s). The rebuilt warehouse
 * equals the old one table for table, and the published files are the same bytes.
 */
export function tableBuildOptions(spillDir: string): Record<string, string> {
  return { ...duckdbLimits(spillDir), preserve_insertion_order: 'false' };
}

/**
 * The limit for the metric pass. By then identity resolution's heap is garbage, so
 * DuckDB may take more of the 8 GB budget: at 3 GB the metrics spilled (2000r, 10 M
 * commits: change_people 19.2 s against 10.8 s with room). DEEP_SIGNAL_MEMORY_LIMIT,
 * when set, is the limit for every step.
 */
export const METRICS_MEMORY_LIMIT = '5GB';
export function metricsMemoryLimit(): string {
  return process.env[MEMORY_LIMIT_ENV] || METRICS_MEMORY_LIMIT;
}
