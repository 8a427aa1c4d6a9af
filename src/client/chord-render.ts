// Redraws <TalentChord>'s content from a chord model with the function that wrote the
// built chart (src/lib/chord-markup.ts). Loaded only when a re-query has returned (with
// d3-chord via chord-model), never on a passive read.
import { chordContentHtml, type ChordIds } from '../lib/chord-markup.ts';
import type { ChordModel } from '../lib/chord-model.ts';
import type { ChordOptions } from '../lib/figure-text.ts';
import { contentAfterControls } from './built-view.ts';
import { parseHtml } from './dom.ts';

export type ChordTexts = ChordIds;

export function renderChord(host: HTMLElement, model: ChordModel, o: ChordOptions, t: ChordTexts): void {
  // A reader who opened the table keeps it open across redraws.
  const open = host.querySelector<HTMLDetailsElement>('details.ds-twin__toggle')?.open ?? false;
  for (const el of contentAfterControls(host)) el.remove();
  host.append(parseHtml(chordContentHtml(model, o, t)));
  const details = host.querySelector<HTMLDetailsElement>('details.ds-twin__toggle');
  if (details) details.open = open;
}
