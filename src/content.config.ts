import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const QUARTER_RE = /^\d{4}-q[1-4]$/;

const reports = defineCollection({
  // The file name is the quarter, so the id (and the URL) is e.g. "2024-q3".
  loader: glob({ pattern: '*.mdx', base: './content/reports' }),
  schema: z.object({
    title: z.string().min(1),
    quarter: z.string().regex(QUARTER_RE, 'quarter must look like 2024-q3'),
    published: z.coerce.date(),
    author: z.object({ name: z.string().min(1), role: z.string().min(1) }),
    summary: z.string().min(1),
    status: z.enum(['draft', 'published']),
    // The manifest's `published` date (YYYY-MM-DD) or a prefix (>= 8 hex) of its dataset
    // fingerprint: the page build refuses to pair an article with other data.
    dataVersion: z.string().regex(/^(\d{4}-\d{2}-\d{2}|[0-9a-f]{8,})$/, 'dataVersion: YYYY-MM-DD or a fingerprint prefix'),
  }),
});

export const collections = { reports };
