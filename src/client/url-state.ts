// A figure's state in the page address (?snapshot-quarter=…&snapshot-sort=…), so a
// reader can share the view they are looking at. replaceState, not pushState: changing
// a sort order should not fill the back button with steps.

export function readParam(name: string): string | null {
  return new URLSearchParams(location.search).get(name);
}

/** Sets (string) or removes (null) each parameter, keeping the others and the hash. */
export function writeParams(values: Record<string, string | null>): void {
  const url = new URL(location.href);
  for (const [k, v] of Object.entries(values)) {
    if (v === null) url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}
