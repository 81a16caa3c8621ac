/**
 * A card's menu: Connect from here, Duplicate, Delete, and Expand on a layer. Opened by a
 * long-press on a touch screen (useLongPress.ts), a right-click, or Shift+F10 / the Menu key on a
 * focused card. Keyboard as a menu: arrows move, Escape closes (back to the card).
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { getOp, nodeLabel } from '../../graph-engine/index.ts';
import { editorStore, useEditor } from '../store/useEditor.ts';
import { canvasApi } from '../canvas/canvasApi.ts';
import { announce } from './announce.ts';
import { startConnect } from './connectSession.ts';
import { focusNode } from './focusNode.ts';
import { closeNodeMenu, nodeMenuStore, type NodeMenuAt } from './nodeMenuStore.ts';

export function NodeMenu() {
  const at = useStore(nodeMenuStore, (s) => s.at);
  return at ? <Menu key={`${at.node}:${at.x}:${at.y}`} at={at} /> : null;
}

function selectOnly(id: string) {
  const store = editorStore.getState();
  store.clearSelection();
  store.changeSelection([{ kind: 'node', id, selected: true }]);
}

function Menu({ at }: { at: NodeMenuAt }) {
  const { t } = useTranslation();
  const node = useEditor((s) => s.model.nodes.find((n) => n.id === at.node));
  const root = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ left: at.x, top: at.y });
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const m = 8;
    setPlace({
      left: Math.max(m, Math.min(at.x, window.innerWidth - el.offsetWidth - m)),
      top: Math.max(m, Math.min(at.y, window.innerHeight - el.offsetHeight - m)),
    });
  }, [at.x, at.y]);
  useEffect(() => {
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus({ preventScroll: true });
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) closeNodeMenu();
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, []);
  if (!node) return null;
  const label = nodeLabel(node);
  const macro = !!getOp(node.op)?.macro;
  const close = (back = true) => {
    closeNodeMenu();
    if (back) focusNode(at.node);
  };
  const items: { label: string; run: () => void }[] = [
    {
      label: t('a11y.menu.connect'),
      run: () => {
        closeNodeMenu();
        startConnect(at.node);
      },
    },
    {
      label: t('a11y.menu.duplicate'),
      run: () => {
        selectOnly(at.node);
        const copies = editorStore.getState().duplicate((id) => canvasApi()?.measuredSize(id));
        if (copies.length) canvasApi()?.reveal(copies);
        announce(t('a11y.menu.duplicated', { card: label }));
        close(false);
        if (copies[0]) focusNode(copies[0]);
      },
    },
    ...(macro
      ? [
          {
            label: t('a11y.menu.expand'),
            run: () => {
              if (editorStore.getState().expandMacro(at.node)) announce(t('a11y.menu.expanded', { card: label }));
              close(false);
            },
          },
        ]
      : []),
    {
      label: t('a11y.menu.delete'),
      run: () => {
        selectOnly(at.node);
        editorStore.getState().removeSelection();
        announce(t('a11y.menu.deleted', { card: label }));
        close(false);
      },
    },
  ];
  const onKeyDown = (e: KeyboardEvent) => {
    const list = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') close();
    else if (e.key === 'ArrowDown') list[(i + 1) % list.length]?.focus();
    else if (e.key === 'ArrowUp') list[(i - 1 + list.length) % list.length]?.focus();
    else if (e.key === 'Home') list[0]?.focus();
    else if (e.key === 'End') list.at(-1)?.focus();
    else if (e.key === 'Tab') close();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div ref={root} className="node-menu" role="menu" aria-label={t('a11y.menu.label', { card: label })} style={place} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button key={item.label} type="button" role="menuitem" className="node-menu__item" onClick={item.run}>
          {item.label}
        </button>
      ))}
    </div>
  );
}
