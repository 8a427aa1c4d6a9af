// The digits a drafted finding would print as typed figures: its prose with the <Metric>s,
// the claim components' tags (their attributes hold quarters and ranks; their words stay),
// code spans, quarter labels and the artefact guard's computed share (which the check reads
// back) taken out. A draft's findings must leave none.
export function typedFigures(text: string): string[] {
  return (
    text
      .replace(/<Metric\b[^>]*\/>/g, '')
      // op=">" is inside the tag: a quoted value may hold a '>'.
      .replace(/<\/?(?:Rank|Compare|Only|Threshold)\b(?:[^>"]|"[^"]*")*>/g, '')
      .replace(/\b\d+% of (?:this|the) (?:rise|fall)\b/g, '')
      .replace(/`[^`]*`/g, '')
      .replace(/\bQ[1-4] \d{4}\b/g, '')
      .match(/\d+/g) ?? []
  );
}
