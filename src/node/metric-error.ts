// The error of a figure that cannot be quoted, in its own module so the resolvers of
// src/node/metric.ts and src/node/metric-talent.ts share it without importing each other.
export class MetricError extends Error {
  override name = 'MetricError';
  /** What to write instead, when the message alone does not say (npm run check shows it). */
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}
