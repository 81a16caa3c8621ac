/** Moving keyboard focus onto the canvas: a card by id, or the canvas itself (the skip link). */

const cardEl = (id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);

/** Focuses card `id` once React Flow has drawn it (a card added a moment ago mounts in a later frame). */
export function focusNode(id: string, framesLeft = 30): void {
  const el = cardEl(id);
  if (el) el.focus();
  else if (framesLeft > 0) requestAnimationFrame(() => focusNode(id, framesLeft - 1));
}

/** The skip link's target: the selected card, else the first card, else the canvas itself. */
export function focusCanvas(): void {
  const card = document.querySelector<HTMLElement>('.react-flow__node-op.selected') ?? document.querySelector<HTMLElement>('.react-flow__node-op[tabindex]');
  if (card) {
    card.focus();
    return;
  }
  const canvas = document.querySelector<HTMLElement>('.canvas');
  if (!canvas) return;
  if (!canvas.hasAttribute('tabindex')) canvas.tabIndex = -1;
  canvas.focus();
}

/** The card id keyboard focus is on (or inside), if any. */
export function focusedNodeId(target: EventTarget | null): string | undefined {
  const card = target instanceof Element ? target.closest<HTMLElement>('.react-flow__node-op') : null;
  return card?.dataset.id;
}
