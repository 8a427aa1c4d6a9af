// Short forms for chart labels, where a category's full name has no room.

/** "GPU Kernels & Performance" → "GPU Kernels"; a one-word head ("Edge") keeps the full name. */
export function shortCategoryName(name: string): string {
  const head = name.split(/\s+&\s+/)[0] ?? name;
  return head !== name && head.trim().split(/\s+/).length >= 2 ? head : name;
}


/**
 * A name as its short form and the rest ("Training Frameworks", " & Model Architecture"),
 * so a narrow table can show the short form and still read the whole name aloud.
 */
export function splitCategoryName(name: string): [head: string, tail: string] {
  const head = shortCategoryName(name);
  return [head, name.slice(head.length)];
}
