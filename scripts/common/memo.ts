// A bounded cache for the classifiers: the ingest asks about the same few thousand
// identities and domains once per commit, so answers are remembered, and the cache
// is dropped wholesale when it grows past its limit (simpler than LRU, and the
// working set refills in a few commits).
export function memoize<V>(compute: (key: string) => V, limit: number): (key: string) => V {
  const memo = new Map<string, V>();
  return (key: string): V => {
    let value = memo.get(key);
    if (value === undefined) {
      value = compute(key);
      if (memo.size >= limit) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}
