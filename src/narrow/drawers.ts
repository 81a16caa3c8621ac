/**
 * Narrow screens (below NARROW_PX, where a 220 px palette and a 290 px inspector would leave the
 * canvas under 60% of the width): the side panels fold into drawers, one open at a time, over the
 * canvas's edge. This store says which one is open; Drawer.tsx draws them.
 */
import { useSyncExternalStore } from 'react';
import { create } from 'zustand';

/** Below this window width the palette and inspector are drawers (also in narrow.css). */
const NARROW_PX = 1280;
const QUERY = `(max-width: ${NARROW_PX - 0.02}px)`;

export type DrawerName = 'palette' | 'inspector' | 'panel';

export const drawerStore = create<{ open?: DrawerName }>(() => ({}));

export function openDrawer(name: DrawerName): void {
  drawerStore.setState({ open: name });
}

export function toggleDrawer(name: DrawerName): void {
  drawerStore.setState((s) => ({ open: s.open === name ? undefined : name }));
}

export function closeDrawers(): void {
  drawerStore.setState({ open: undefined });
}

const media = () => (typeof matchMedia === 'undefined' ? undefined : matchMedia(QUERY));

function subscribe(onChange: () => void): () => void {
  const m = media();
  m?.addEventListener('change', onChange);
  return () => m?.removeEventListener('change', onChange);
}

/** Whether the window is narrow enough for drawers; follows resizes. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => media()?.matches ?? false);
}
