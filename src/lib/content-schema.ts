// The schemas of what editors write: an article's frontmatter and a quarter's
// predictions. One definition for the Astro collections (src/content.config.ts) and the
// editor check (`npm run check`), so the two can never disagree.
import { z } from 'astro/zod';
import { QUARTER_RE } from './quarters.ts';
import { CLAIM_COMPONENTS } from './claim-props.ts';


const quarter = (what: string) => z.string().regex(QUARTER_RE, `${what} must look like 2024-q3`);

const claimProps = z.record(z.string(), z.unknown());

/**
 * A comparison the title or summary makes: the words it backs (`says`, as written there)
 * and the props of one claim component, decided like the body's (src/lib/claim-props.ts).
 * Several entries may back the same words.
 */
export const frontmatterClaimSchema = z
  .strictObject({
    says: z.string().min(1),
    Rank: claimProps.optional(),
    Compare: claimProps.optional(),
    Only: claimProps.optional(),
    Threshold: claimProps.optional(),
    Streak: claimProps.optional(),
  })
  .refine((c) => CLAIM_COMPONENTS.filter((k) => c[k] !== undefined).length === 1, {
    message: 'a claim gives exactly one of Rank, Compare, Only, Threshold or Streak, with its props',
  });

export type FrontmatterClaim = z.infer<typeof frontmatterClaimSchema>;

export const reportSchema = z.object({
  title: z.string().min(1),
  quarter: quarter('quarter'),
  published: z.coerce.date(),
  author: z.object({ name: z.string().min(1), role: z.string().min(1) }),
  summary: z.string().min(1),
  // The comparisons of the title and summary (plain text, which cannot hold a claim
  // component), each checked against the data like the body's claims.
  claims: z.array(frontmatterClaimSchema).optional(),
  status: z.enum(['draft', 'published']),
  // The manifest's `published` date (YYYY-MM-DD) or a prefix (>= 8 hex) of its dataset
  // fingerprint: the page build refuses to pair an article with other data.
  dataVersion: z.string().regex(/^(\d{4}-\d{2}-\d{2}|[0-9a-f]{8,})$/, 'dataVersion: YYYY-MM-DD or a fingerprint prefix'),
  // The newest publication date (YYYY-MM-DD) of the data the article may show: quarters
  // published later stay out of its pickers and its prediction verdicts, so an article
  // never changes when a later quarter is published. Defaults to its own data's date.
  dataAsOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dataAsOf: YYYY-MM-DD').optional(),
});

export type ReportFrontmatter = z.infer<typeof reportSchema>;

export const THRESHOLD_OPS = ['>', '>=', '<', '<='] as const;

const predictionMetric = z.strictObject({
  /** A <Metric> figure with a numeric value (counts, ratios, weeks, changes). */
  figure: z.string().min(1),
  category: z.string().min(1).optional(),
  repo: z.string().min(1).optional(),
  org: z.string().min(1).optional(),
});

export const predictionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id: lower-case letters, digits and dashes'),
    due: quarter('due'),
    statement: z.string().min(1),
    metric: predictionMetric.optional(),
    threshold: z.strictObject({ op: z.enum(THRESHOLD_OPS), value: z.number() }).optional(),
    /** For a prediction without a metric: the editor's verdict once it is due. */
    outcome: z.enum(['hit', 'miss']).optional(),
    note: z.string().optional(),
    /**
     * The date (YYYY-MM-DD) a prediction was added to the file, when that was after its
     * article was published: a prediction written once its due quarter was over is
     * retrospective (src/lib/predictions.ts). Astro's YAML reads an unquoted date as a Date.
     */
    added: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'added: YYYY-MM-DD')).optional(),
  })
  .refine((p) => (p.metric === undefined) === (p.threshold === undefined), {
    message: 'metric and threshold go together: give both (scored from the data) or neither (scored by the editor with outcome)',
  })
  .refine((p) => p.metric === undefined || p.outcome === undefined, {
    message: 'a prediction with a metric is scored from the data: remove outcome',
  });

export const predictionsFileSchema = z
  .strictObject({ predictions: z.array(predictionSchema) })
  .refine((f) => new Set(f.predictions.map((p) => p.id)).size === f.predictions.length, { message: 'prediction ids must be unique in a file' });

export type PredictionsFile = z.infer<typeof predictionsFileSchema>;
export type PredictionInput = PredictionsFile['predictions'][number];
