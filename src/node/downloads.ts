// Each published quarter's data as readers download it, next to the Parquet that
// copy-published.ts puts in <outDir>/data/<quarter>/: a CSV per table, the data
// dictionary (dictionary.md, dictionary.json), the manifest and any restatement notes.
// Written from the frozen folder, so two builds write the same bytes. The build calls
// writeDownloads through downloads-integration.ts.
import { sqlString } from '../lib/sql-literal.ts';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadDictionary, quarterDictionary, quarterDictionaryMarkdown } from './data-dictionary.ts';
import { readManifest } from './manifest.ts';
import { neutraliseFormulaSql } from '../lib/csv-safety.ts';
import { publishedQuarters, quarterFolder } from './paths.ts';

/** Where a quarter's files are served, under the site's base. */
export const DATA_URL_DIR = 'data';

export interface DownloadFile {
  table: string;
  rows: number;
  parquetBytes: number;
}

/** The tables of a quarter, as the article's download block lists them. */
export function downloadsOf(quarter: string): DownloadFile[] {
  const m = readManifest(quarter);
  return Object.entries(m.files)
    .map(([file, f]) => ({ table: file.replace(/\.parquet$/, ''), rows: f.rows, parquetBytes: f.bytes }))
    .sort((a, b) => a.table.localeCompare(b.table));
}

export async function writeDownloads(outDir: string, quarters = publishedQuarters()): Promise<number> {
  const dict = loadDictionary();
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await instance.connect();
  let written = 0;
  try {
    for (const q of quarters) {
      const from = quarterFolder(q);
      const to = join(outDir, DATA_URL_DIR, q);
      mkdirSync(to, { recursive: true });
      const m = readManifest(q);
      for (const file of Object.keys(m.files).sort()) {
        const table = file.replace(/\.parquet$/, '');
        const source = `read_parquet(${sqlString(join(from, file))})`;
        // Text columns pass through the spreadsheet-formula rule; the rest as they are.
        const columns = (await conn.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${source})`)).getRows();
        const select = columns
          .map(([name, type]) => {
            const col = `"${String(name).replaceAll('"', '""')}"`;
            return String(type) === 'VARCHAR' ? `${neutraliseFormulaSql(col)} AS ${col}` : col;
          })
          .join(', ');
        // One thread and the file's own row order: the same CSV bytes on every build.
        await conn.run(`COPY (SELECT ${select} FROM ${source}) TO ${sqlString(join(to, `${table}.csv`))} (FORMAT csv, HEADER true)`);
        written++;
      }
      writeFileSync(join(to, 'dictionary.json'), `${JSON.stringify(quarterDictionary(dict, m), null, 2)}\n`);
      writeFileSync(join(to, 'dictionary.md'), quarterDictionaryMarkdown(dict, m));
      copyFileSync(join(from, 'manifest.json'), join(to, 'manifest.json'));
      const notes = join(from, 'restatements');
      if (existsSync(notes)) {
        mkdirSync(join(to, 'restatements'), { recursive: true });
        for (const f of readdirSync(notes).filter((n) => n.endsWith('.md'))) copyFileSync(join(notes, f), join(to, 'restatements', f));
      }
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return written;
}
