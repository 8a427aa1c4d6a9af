// The figures files the build writes for each published quarter (see
// src/lib/figure-fragments.ts), fetched from the quarter's own data folder on the site.
import { decodeChordFigures, decodeSnapshotFigures, FIGURES_DIR, FragmentError, type ChordFigures, type SnapshotFigures } from '../lib/figure-fragments.ts';
import { publishedFolderUrl } from './published-url.ts';

/** Absolute URL of one of a quarter's figures files. */
export function figuresUrl(quarter: string, figure: 'snapshot' | 'chord', pageUrl?: string, base?: string): string {
  return new URL(`${FIGURES_DIR}/${figure}.json`, publishedFolderUrl(quarter, pageUrl, base)).href;
}

async function fetchFile(quarter: string, figure: 'snapshot' | 'chord'): Promise<unknown> {
  const url = figuresUrl(quarter, figure);
  const res = await fetch(url);
  if (!res.ok) throw new FragmentError(`${url}: HTTP ${res.status}`);
  return res.json();
}

export async function fetchSnapshotFigures(quarter: string): Promise<SnapshotFigures> {
  return decodeSnapshotFigures(await fetchFile(quarter, 'snapshot'), quarter);
}

// Per page, not per element: an article's overlap and migration chords read one file.
const chords = new Map<string, Promise<ChordFigures>>();

export function fetchChordFigures(quarter: string): Promise<ChordFigures> {
  let file = chords.get(quarter);
  if (!file) {
    file = fetchFile(quarter, 'chord').then((json) => decodeChordFigures(json, quarter));
    chords.set(quarter, file);
    // A failed fetch (offline for a moment) is tried again on the next change.
    file.catch(() => chords.delete(quarter));
  }
  return file;
}
