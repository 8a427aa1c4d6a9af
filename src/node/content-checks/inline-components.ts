// MDX makes a component that stands alone on its line a block of its own, so a figure
// meant to sit in a sentence ("…against <Metric …/> a year earlier") ends the paragraph
// there and shows on a line by itself. The editor keeps the component on a line with
// some of its sentence; the check names every line where it does not.
import { CLAIM_COMPONENTS } from '../../lib/claim-props.ts';
import type { Problem } from './problem.ts';

/** Components that belong inside a sentence. */
const INLINE = ['Metric', ...CLAIM_COMPONENTS];
const ALONE = new RegExp(`^\\s*<(${INLINE.join('|')})\\b[^<>]*?(?:/>|>[^<]*</\\1>)\\s*$`);

export function checkInlineComponents(file: string, text: string): Problem[] {
  const out: Problem[] = [];
  let fence = false;
  text.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) return;
    const m = ALONE.exec(line);
    if (m) {
      out.push({
        file,
        line: i + 1,
        message: `<${m[1]}> stands alone on its line, so MDX makes it a block and breaks the sentence there`,
        hint: 'keep it on the same line as some words of its sentence (join it to the line before or after)',
      });
    }
  });
  return out;
}
