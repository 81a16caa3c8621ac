/**
 * Topological order by Kahn's algorithm: iterative (no recursion, so a 1,000,000-node chain is fine),
 * O(V + E), and deterministic: among ready nodes, the one listed first in the file goes first.
 */

export interface TopoResult {
  order: Int32Array;
  /** Node indices of one cycle, in edge direction, when the graph has one. */
  cycle?: number[];
}

/** `preds[n]` and `succs[n]` list node indices (with repeats for parallel edges). */
export function topoSort(nodeCount: number, preds: readonly (readonly number[])[], succs: readonly (readonly number[])[]): TopoResult {
  const indegree = new Int32Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) indegree[n] = preds[n].length;
  // A FIFO queue over a preallocated array keeps file order among ready nodes.
  const order = new Int32Array(nodeCount);
  let head = 0;
  let tail = 0;
  for (let n = 0; n < nodeCount; n++) if (indegree[n] === 0) order[tail++] = n;
  while (head < tail) {
    const n = order[head++];
    for (const m of succs[n]) if (--indegree[m] === 0) order[tail++] = m;
  }
  if (tail === nodeCount) return { order };
  return { order: order.slice(0, tail), cycle: findCycle(nodeCount, preds, indegree) };
}

/**
 * Every node left with indegree > 0 has a predecessor that is also left, so walking predecessors
 * from any of them must revisit a node; the revisited stretch is a cycle.
 */
function findCycle(nodeCount: number, preds: readonly (readonly number[])[], indegree: Int32Array): number[] {
  let start = 0;
  while (start < nodeCount && indegree[start] === 0) start++;
  const seenAt = new Map<number, number>();
  const walk: number[] = [];
  let n = start;
  while (!seenAt.has(n)) {
    seenAt.set(n, walk.length);
    walk.push(n);
    n = preds[n].find((p) => indegree[p] > 0)!;
  }
  // `walk` follows edges backwards; reverse the loop so it reads in edge direction.
  const cycle = walk.slice(seenAt.get(n)).reverse();
  // Start at the node listed first in the file, so the message reads the same however it was found.
  let first = 0;
  for (let i = 1; i < cycle.length; i++) if (cycle[i] < cycle[first]) first = i;
  return [...cycle.slice(first), ...cycle.slice(0, first)];
}
