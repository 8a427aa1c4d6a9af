// The words that make a sentence a comparison ("faster", "the most", "only", "fell",
// "more than half"): where the audit found the articles' false sentences. Text that
// cannot hold a claim component (an article's title and summary) must back each of
// them with a claim; these find the ones left unbacked.

const COMPARATIVE =
  /\b(?:(?:fast|slow|larg|small|bigg|high|low|few|great|strong|weak)(?:er|est)|more|most|less|least|only|than|top|half|majority|twice|double[sd]?|halved|record|grew|grow|grows|grown|rose|rise|rises|fell|fall|falls|lost|lose|loses|gained|gains?|dropped|declined|shrank|flat|any other|every other)\b/gi;

export interface Comparative {
  word: string;
  /** Offset in the text. */
  index: number;
}

/** Every comparative word of `text`. */
export function comparativesIn(text: string): Comparative[] {
  return [...text.matchAll(COMPARATIVE)].map((m) => ({ word: m[0], index: m.index }));
}

/** The comparative words of `text` outside every occurrence of the phrases in `covered` (matched as written). */
export function uncoveredComparatives(text: string, covered: readonly string[]): Comparative[] {
  const spans: [number, number][] = [];
  for (const phrase of covered) {
    if (!phrase) continue;
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) spans.push([at, at + phrase.length]);
  }
  return comparativesIn(text).filter((c) => !spans.some(([a, b]) => c.index >= a && c.index + c.word.length <= b));
}
