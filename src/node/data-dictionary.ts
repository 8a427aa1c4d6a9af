// The data dictionary (data/dictionary.yaml): what each published table and column
// means, for the methodology page and for the files readers download with the data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Manifest } from './manifest.ts';
import { repoRoot } from './paths.ts';

export interface DictionaryTable {
  name: string;
  description: string;
  columns: { name: string; description: string }[];
}

export interface DataDictionary {
  about: string;
  tables: DictionaryTable[];
}

interface RawDictionary {
  about?: string;
  tables?: { name: string; description: string; columns: Record<string, string> }[];
}

export function loadDictionary(file = join(repoRoot(), 'data', 'dictionary.yaml')): DataDictionary {
  const raw = parse(readFileSync(file, 'utf8')) as RawDictionary;
  return {
    about: raw.about ?? '',
    tables: (raw.tables ?? []).map((t) => ({
      name: t.name,
      description: t.description.trim(),
      columns: Object.entries(t.columns).map(([name, description]) => ({ name, description })),
    })),
  };
}

/** The dictionary as downloaded with one quarter: its tables, rows, bytes and checksums. */
export function quarterDictionary(dict: DataDictionary, m: Manifest): object {
  return {
    quarter: m.quarter,
    published: m.published,
    ...(m.restated?.length ? { restated: m.restated } : {}),
    snapshot: m.dataset.snapshot,
    quarters: m.quarters,
    partial: m.partial,
    about: dict.about,
    tables: dict.tables
      .filter((t) => m.files[`${t.name}.parquet`])
      .map((t) => ({ ...t, files: { parquet: `${t.name}.parquet`, csv: `${t.name}.csv` }, ...m.files[`${t.name}.parquet`] })),
  };
}

export function quarterDictionaryMarkdown(dict: DataDictionary, m: Manifest): string {
  const lines = [
    `# Deep Signal data, ${m.quarter}`,
    '',
    `Published ${m.published}${m.restated?.length ? `, restated ${m.restated.join(', ')}` : ''}; data as of ${m.dataset.snapshot}; quarters ${m.quarters[0]} to ${m.quarters.at(-1)}${m.partial ? ` (${m.quarter} is partial)` : ''}.`,
    '',
    dict.about,
    '',
    'Each table comes as Parquet (`<table>.parquet`) and CSV (`<table>.csv`, UTF-8, header row, empty field for no value).',
  ];
  for (const t of dict.tables) {
    const f = m.files[`${t.name}.parquet`];
    if (!f) continue;
    lines.push('', `## ${t.name}`, '', t.description, '', `${f.rows} rows; Parquet ${f.bytes} bytes, sha256 ${f.sha256}.`, '', '| column | meaning |', '|---|---|');
    for (const c of t.columns) lines.push(`| ${c.name} | ${c.description.replaceAll('|', '\\|')} |`);
  }
  return `${lines.join('\n')}\n`;
}
