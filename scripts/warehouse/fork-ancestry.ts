// Which commits of a fork are its upstream's work, decided from the fork's own
// history, so that a single fork of an unavailable upstream keeps only its own work
// (no second fork needed to expose the shared commits).
//
// The evidence: a merge that brings the upstream in (its subject says so, see
// data/provenance/sync-origins.yaml) has the upstream's history behind its second
// parent. Everything reachable from such a second parent — the upstream's commits
// up to that point, and the history from before the fork — was written upstream.
// The fork's own commits are never behind it: the upstream does not merge the fork.

export interface GraphCommit {
  sha: string;
  parents: readonly string[];
  subject: string;
}

/** SHAs of the fork's history that came from its upstream (merges included). */
export function upstreamShas(commits: readonly GraphCommit[], isUpstreamMerge: (subject: string) => boolean): Set<string> {
  const parentsOf = new Map<string, readonly string[]>();
  for (const c of commits) parentsOf.set(c.sha, c.parents);
  const upstream = new Set<string>();
  for (const c of commits) {
    if (c.parents.length < 2 || !isUpstreamMerge(c.subject)) continue;
    const [first, second] = c.parents as [string, string];
    // A merge whose second side reaches its own first parent merged a branch of the
    // fork (a PR titled after an upstream merge, say), not the upstream: its second
    // side holds the fork's own work, so the merge is no evidence and is skipped.
    const found = new Set<string>();
    const stack = [second];
    let ownBranch = false;
    // Iterative: histories run to hundreds of thousands of commits deep.
    while (stack.length > 0) {
      const sha = stack.pop()!;
      if (sha === first) {
        ownBranch = true;
        break;
      }
      if (upstream.has(sha) || found.has(sha)) continue;
      const parents = parentsOf.get(sha);
      // A parent outside the export (a shallow or filtered history) ends the walk there.
      if (parents === undefined) continue;
      found.add(sha);
      for (const p of parents) stack.push(p);
    }
    if (!ownBranch) for (const sha of found) upstream.add(sha);
  }
  return upstream;
}
