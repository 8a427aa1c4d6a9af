import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { predictionsFileSchema, reportSchema } from './lib/content-schema.ts';

const reports = defineCollection({
  // The file name is the quarter, so the id (and the URL) is e.g. "2024-q3".
  loader: glob({ pattern: '*.mdx', base: './content/reports' }),
  schema: reportSchema,
});

const predictions = defineCollection({
  // One file per quarter the predictions were made in: the id is that quarter.
  loader: glob({ pattern: '*.yaml', base: './content/predictions' }),
  schema: predictionsFileSchema,
});

export const collections = { reports, predictions };
