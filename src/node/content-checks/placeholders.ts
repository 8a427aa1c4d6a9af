// A published article must not ship the skeleton's prompts, working title or
// "drafted findings" markers: new-report writes them for the editor to replace.
import { SKELETON_PLACEHOLDERS, skeletonPrompts } from '../../lib/report-skeleton.ts';
import type { Problem } from './problem.ts';

export function checkPlaceholders(file: string, text: string): Problem[] {
  const needles = [...SKELETON_PLACEHOLDERS, ...skeletonPrompts()];
  const problems: Problem[] = [];
  text.split('\n').forEach((line, i) => {
    const hit = needles.find((n) => line.includes(n));
    if (hit) {
      problems.push({
        file,
        line: i + 1,
        message: `skeleton text left in a published article: ${JSON.stringify(hit.replace(/^_|_$/g, '').slice(0, 60))}`,
        hint: 'replace it with the article\'s own words (or set status: "draft" until it is written)',
      });
    }
  });
  return problems;
}
