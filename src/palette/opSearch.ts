/** Ops grouped by palette category and filtered by a search string, shared by palette and quick-add. */
import { CATEGORIES, opRegistry, type Category, type OpDef } from '../../graph-engine/index.ts';
import { categoryName, opDescription } from '../i18n/opText.ts';

function matchesQuery(op: OpDef, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  // The words as shown (in the current language) and the registry's English, which a course's notes may use.
  return [op.name, op.symbol, opDescription(op), categoryName(op.category), op.description, op.category].some((t) => t.toLowerCase().includes(q));
}

/** Name matches first (so "mul" finds mul before ops that mention "multiply"), then the rest. */
export function searchOps(query: string): OpDef[] {
  const q = query.trim().toLowerCase();
  const all = [...opRegistry.values()].filter((op) => matchesQuery(op, q));
  const rank = (op: OpDef) => (op.name === q || op.symbol.toLowerCase() === q ? 0 : op.name.startsWith(q) ? 1 : op.name.includes(q) ? 2 : 3);
  return all.sort((a, b) => rank(a) - rank(b) || CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category));
}

export function opsByCategory(query: string): { category: Category; ops: OpDef[] }[] {
  const ops = [...opRegistry.values()].filter((op) => matchesQuery(op, query));
  return CATEGORIES.map((category) => ({ category, ops: ops.filter((op) => op.category === category) })).filter((g) => g.ops.length);
}
