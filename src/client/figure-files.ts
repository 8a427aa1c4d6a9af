// The figures files the build writes for each quarter a picker offers (see
// src/lib/figure-fragments.ts), fetched from the site's data folders.
import {
  decodeChordFigures,
  decodeSnapshotFigures,
  decodeTopProjectsFigures,
  figuresFilePath,
  FragmentError,
  type ChordFigures,
  type FigureName,
  type SnapshotFigures,
  type TopProjectsFigures,
} from '../lib/figure-fragments.ts';
import { publishedFolderUrl } from './published-url.ts';

/** Absolute URL of one of a quarter's figures files, in the data folder of `folder`. */
export function figuresUrl(quarter: string, figure: FigureName, pageUrl?: string, base?: string, folder: string = quarter): string {
  // Checked as a quarter too: it becomes part of the path.
  publishedFolderUrl(quarter, pageUrl, base);
  return new URL(figuresFilePath(quarter, figure, folder), publishedFolderUrl(folder, pageUrl, base)).href;
}

async function fetchFile(quarter: string, figure: FigureName, folder: string): Promise<unknown> {
  const url = figuresUrl(quarter, figure, undefined, undefined, folder);
  const res = await fetch(url);
  if (!res.ok) throw new FragmentError(`${url}: HTTP ${res.status}`);
  return res.json();
}

// Per page, not per element: an article's overlap and migration chords read one file.
const files = new Map<string, Promise<unknown>>();

function cached<T>(quarter: string, figure: FigureName, folder: string, decode: (json: unknown, quarter: string) => T): Promise<T> {
  const key = `${folder}|${quarter}|${figure}`;
  let file = files.get(key) as Promise<T> | undefined;
  if (!file) {
    file = fetchFile(quarter, figure, folder).then((json) => decode(json, quarter));
    files.set(key, file);
    // A failed fetch (offline for a moment) is tried again on the next change.
    file.catch(() => files.delete(key));
  }
  return file;
}

export function fetchSnapshotFigures(quarter: string, folder: string = quarter): Promise<SnapshotFigures> {
  return cached(quarter, 'snapshot', folder, decodeSnapshotFigures);
}

export function fetchChordFigures(quarter: string, folder: string = quarter): Promise<ChordFigures> {
  return cached(quarter, 'chord', folder, decodeChordFigures);
}

export function fetchTopProjectsFigures(quarter: string, folder: string = quarter): Promise<TopProjectsFigures> {
  return cached(quarter, 'top-projects', folder, decodeTopProjectsFigures);
}
