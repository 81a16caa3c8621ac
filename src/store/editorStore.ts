/**
 * The editor's state: the v1 model (the source of truth: React Flow's nodes and edges are derived
 * from it), what the engine computed from it, selection, undo history, mode and notices.
 *
 * Every change to the model goes through `commit`, which records immer patches; a gesture (a drag)
 * collects its many small changes into one undo step. A vanilla zustand store, so the same logic
 * runs in unit tests (node) and in the app (through `useEditor`).
 */
import { applyPatches, enablePatches, produceWithPatches } from 'immer';
import { createStore } from 'zustand/vanilla';
import { edgeKey, validateModelText, type Model, type ModelEdge, type ModelNode, type Problem } from '../../graph-engine/index.ts';
import { emptyHistory, mergeEntries, record, type History, type HistoryEntry } from './history.ts';
import { evaluate, evaluateEdit, type Evaluation } from './evaluate.ts';
import * as edits from './modelEdits.ts';
import { collapseMacro, expandMacro, resizeMacroLayers } from './macroEdits.ts';
import type { LayerResize } from '../../graph-engine/index.ts';
import { thrownMessage } from './thrown.ts';
import { t } from '../i18n/i18n.ts';

enablePatches();

export type Mode = 'build' | 'teach' | 'train';
export const MODES: readonly Mode[] = ['build', 'teach', 'train'];

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  title: string;
  details: string[];
  /** A button on the notice (e.g. download a graph that could not be restored). */
  action?: { label: string; run(): void };
  /** Stays until dismissed instead of fading after a while. */
  sticky?: boolean;
}

export type NoticeOptions = Pick<Notice, 'action' | 'sticky'>;

export interface NodeEdit {
  label?: string;
  value?: number;
  /** An attr set to undefined goes back to the op's default (or, for macro weights, re-initialises). */
  attrs?: Record<string, unknown>;
}

export interface Clipboard {
  nodes: ModelNode[];
  edges: ModelEdge[];
}

export interface EditorState {
  model: Model;
  evaluation: Evaluation;
  /** Bumped when a whole document is loaded (open, sample, new), so the canvas can fit it. */
  documentVersion: number;
  /** Bumped when an edit reshapes the view (Expand, Collapse), so the canvas refits around it. */
  refitVersion: number;
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  history: History;
  /** An open gesture (a drag): its changes become one undo step when it ends. */
  gesture?: HistoryEntry;
  mode: Mode;
  /** Learn mode is on: the lesson panel shows, and `mode` is the current step's. */
  learn: boolean;
  notices: Notice[];
  clipboard?: Clipboard;
}

export interface EditorActions {
  addNode(op: string, position: edits.XY): string;
  connect(c: edits.Connection): boolean;
  moveNodes(moves: readonly { id: string; position: edits.XY }[]): void;
  beginGesture(label: string): void;
  endGesture(): void;
  updateNode(id: string, edit: NodeEdit): void;
  setLoss(id: string | undefined): void;
  /** Stores a layer macro's weights (attrs like W, b) as one undo step named `label`, never merged with the next edit. */
  setMacroParams(id: string, attrs: Record<string, unknown>, label: string): void;
  /** Opens a layer macro in place as its primitive nodes (one undo step). */
  expandMacro(id: string): boolean;
  /** Folds an expanded macro back into one node, keeping its current parameter values. */
  collapseMacro(id: string): boolean;
  /** A unit or hidden layer more or less in a dense or mlp node, kept weights unchanged (one undo step). */
  resizeLayers(id: string, edit: LayerResize): boolean;
  setGraphName(name: string): void;
  removeSelection(): void;
  removeNodes(ids: Iterable<string>): void;
  removeEdges(keys: Iterable<string>): void;
  setPositions(positions: ReadonlyMap<string, edits.XY>, label: string): void;
  undo(): void;
  redo(): void;
  /** Replaces the whole graph as one undoable step (open, sample, new). */
  loadModel(model: Model, label: string, options?: { undoable?: boolean }): void;
  /** Replaces the model with an edited copy as one undo step, keeping view and selection (Teach's "Apply update"). */
  replaceModel(model: Model, label: string): void;
  /** Validates text with the engine; on problems notifies and leaves the graph untouched. */
  openText(text: string, sourceName: string): boolean;
  newGraph(): void;
  setSelection(nodes: Iterable<string>, edges?: Iterable<string>): void;
  /** Applies React Flow's select/deselect changes in one update. */
  changeSelection(changes: readonly { kind: 'node' | 'edge'; id: string; selected: boolean }[]): void;
  selectAll(): void;
  clearSelection(): void;
  copy(): Clipboard | undefined;
  /**
   * Pastes the clipboard (or `clip`) clear of every card, as large as `sizeOf` says they are
   * drawn; returns the new ids, selected.
   */
  paste(clip?: Clipboard, sizeOf?: edits.SizeOf): string[];
  duplicate(sizeOf?: edits.SizeOf): string[];
  setMode(mode: Mode): void;
  /** Turns Learn mode on (in the step's `mode`) or off. */
  setLearn(on: boolean, mode?: Mode): void;
  notify(kind: Notice['kind'], title: string, details?: string[], options?: NoticeOptions): number;
  dismiss(id: number): void;
}

export type EditorStore = EditorState & EditorActions;

export interface StoreOptions {
  initialModel?: Model;
  now?: () => number;
}

export function createEditorStore(options: StoreOptions = {}) {
  const now = options.now ?? (() => Date.now());
  let noticeId = 0;

  return createStore<EditorStore>()((set, get) => {
    /** Applies a recipe to the model as one undo step (or part of the open gesture). */
    // biome-ignore lint/suspicious/noConfusingVoidType: an immer recipe edits the draft (returning nothing) or returns a replacement
    function commit(label: string, recipe: (draft: Model) => void | Model, opts: { coalesceKey?: string; semantic?: boolean } = {}) {
      const s = get();
      const [model, patches, inverse] = produceWithPatches(s.model, recipe as (draft: Model) => void);
      if (patches.length === 0) return;
      const entry: HistoryEntry = { label, patches, inverse, coalesceKey: opts.coalesceKey, at: now() };
      const evaluation = opts.semantic === false ? s.evaluation : evaluateEdit(s.model, s.evaluation, model);
      if (s.gesture) set({ model, evaluation, gesture: mergeEntries(s.gesture, entry) });
      else set({ model, evaluation, history: record(s.history, entry) });
    }

    /** Drops selected ids that no longer exist (after undo, delete...). */
    function pruneSelection(model: Model) {
      const { selectedNodes, selectedEdges } = get();
      const ids = edits.nodeIndex(model.nodes);
      const keys = new Set(model.edges.map(edgeKey));
      const nodes = [...selectedNodes].filter((id) => ids.has(id));
      const edgesLeft = [...selectedEdges].filter((k) => keys.has(k));
      if (nodes.length !== selectedNodes.size || edgesLeft.length !== selectedEdges.size) {
        set({ selectedNodes: new Set(nodes), selectedEdges: new Set(edgesLeft) });
      }
    }

    function travel(direction: 'undo' | 'redo') {
      get().endGesture();
      const { history, model } = get();
      const from = direction === 'undo' ? history.past : history.future;
      const entry = from[from.length - 1];
      if (!entry) return;
      const next = applyPatches(model, direction === 'undo' ? entry.inverse : entry.patches);
      const past = direction === 'undo' ? history.past.slice(0, -1) : [...history.past, entry];
      const future = direction === 'undo' ? [...history.future, entry] : history.future.slice(0, -1);
      set({ model: next, evaluation: evaluate(next), history: { past, future } });
      pruneSelection(next);
    }

    const initial = options.initialModel ?? edits.emptyModel();

    return {
      model: initial,
      evaluation: evaluate(initial),
      documentVersion: 0,
      refitVersion: 0,
      selectedNodes: new Set(),
      selectedEdges: new Set(),
      history: emptyHistory(),
      mode: 'build',
      learn: false,
      notices: [],

      addNode(op, position) {
        let id = '';
        commit(t('store.undo.add', { op }), (d) => {
          id = edits.addNode(d, op, position).id;
        });
        set({ selectedNodes: new Set([id]), selectedEdges: new Set() });
        return id;
      },

      connect(c) {
        const problem = edits.connectionProblem(get().model, c);
        if (problem) {
          get().notify('error', t('store.notice.connectionRefused'), [problem]);
          return false;
        }
        commit(t('store.undo.connect'), (d) => {
          edits.connect(d, c);
        });
        return true;
      },

      moveNodes(moves) {
        commit(
          'Move',
          (d) => {
            const index = edits.nodeIndex(get().model.nodes);
            for (const m of moves) {
              const i = index.get(m.id);
              if (i === undefined) continue;
              const node = d.nodes[i];
              const x = Math.round(m.position.x);
              const y = Math.round(m.position.y);
              if (node.position && node.position.x === x && node.position.y === y) continue;
              if (node.position) {
                node.position.x = x;
                node.position.y = y;
              } else node.position = { x, y };
            }
          },
          { semantic: false },
        );
      },

      beginGesture(label) {
        if (get().gesture) return;
        set({ gesture: { label, patches: [], inverse: [], at: now() } });
      },

      endGesture() {
        const { gesture, history } = get();
        if (!gesture) return;
        set({ gesture: undefined, history: record(history, gesture) });
      },

      updateNode(id, edit) {
        const fields = Object.keys(edit)
          .concat(Object.keys(edit.attrs ?? {}))
          .join(',');
        commit(
          t('store.undo.editNode'),
          (d) => {
            const node = d.nodes[edits.nodeIndex(get().model.nodes).get(id) ?? -1];
            if (!node) return;
            // A blank label is no label: the node goes by its id again.
            if (edit.label !== undefined) {
              if (edit.label.trim()) node.label = edit.label;
              else delete node.label;
            }
            if (edit.value !== undefined) node.value = edit.value;
            if (edit.attrs) {
              for (const [k, v] of Object.entries(edit.attrs)) {
                if (v === undefined) {
                  if (node.attrs) delete node.attrs[k];
                } else (node.attrs ??= {})[k] = v;
              }
              if (node.attrs && Object.keys(node.attrs).length === 0) delete node.attrs;
            }
          },
          // Typing "0.25" is one step, not four.
          { coalesceKey: `edit:${id}:${fields}` },
        );
      },

      setLoss(id) {
        commit(t('store.undo.setLoss'), (d) => {
          if (id === undefined) delete d.loss;
          else d.loss = id;
        });
      },

      setMacroParams(id, attrs, label) {
        commit(label, (d) => {
          const node = d.nodes[edits.nodeIndex(get().model.nodes).get(id) ?? -1];
          if (!node) return;
          // Only attrs that change: storing the same numbers again is no undo step.
          const changed = Object.entries(attrs).filter(([k, v]) => JSON.stringify(node.attrs?.[k]) !== JSON.stringify(v));
          if (changed.length) node.attrs = { ...node.attrs, ...Object.fromEntries(changed) };
        });
      },

      expandMacro(id) {
        const r = expandMacro(get().model, id);
        if (!r.model) {
          get().notify('error', t('store.notice.cannotExpand'), [r.problem ?? '']);
          return false;
        }
        const model = r.model;
        commit(t('store.undo.expand', { id }), () => model);
        set({ selectedNodes: new Set(), selectedEdges: new Set(), refitVersion: get().refitVersion + 1 });
        return true;
      },

      collapseMacro(id) {
        const r = collapseMacro(get().model, id);
        if (!r.model) {
          get().notify('error', t('store.notice.cannotCollapse'), [r.problem ?? '']);
          return false;
        }
        const model = r.model;
        commit(t('store.undo.collapse', { id }), () => model);
        set({ selectedNodes: new Set([id]), selectedEdges: new Set(), refitVersion: get().refitVersion + 1 });
        if (r.dropped) get().notify('info', t('store.notice.collapsedDropped', { id, count: r.dropped }));
        return true;
      },

      resizeLayers(id, edit) {
        const r = resizeMacroLayers(get().model, id, edit);
        if ('problem' in r) {
          get().notify('error', t('store.notice.cannotResize'), [r.problem]);
          return false;
        }
        const model = r.model;
        commit(r.label, () => model);
        if (r.dropped) get().notify('info', t('store.notice.resizeDropped', { count: r.dropped }));
        return true;
      },

      setGraphName(name) {
        commit(
          t('store.undo.rename'),
          (d) => {
            d.name = name;
          },
          { coalesceKey: 'graph-name', semantic: false },
        );
      },

      removeSelection() {
        const { selectedNodes, selectedEdges } = get();
        if (selectedNodes.size === 0 && selectedEdges.size === 0) return;
        commit(t('store.undo.delete'), (d) => {
          edits.removeEdges(d, selectedEdges);
          edits.removeNodes(d, selectedNodes);
        });
        set({ selectedNodes: new Set(), selectedEdges: new Set() });
      },

      removeNodes(ids) {
        const set_ = new Set(ids);
        commit(t('store.undo.delete'), (d) => edits.removeNodes(d, set_));
        pruneSelection(get().model);
      },

      removeEdges(keys) {
        const set_ = new Set(keys);
        commit(t('store.undo.deleteConnection'), (d) => edits.removeEdges(d, set_));
        pruneSelection(get().model);
      },

      setPositions(positions, label) {
        commit(
          label,
          (d) => {
            for (const node of d.nodes) {
              const p = positions.get(node.id);
              if (p) node.position = { ...(node.position ?? {}), x: Math.round(p.x), y: Math.round(p.y) };
            }
          },
          { semantic: false },
        );
      },

      undo: () => travel('undo'),
      redo: () => travel('redo'),

      loadModel(model, label, opts = {}) {
        get().endGesture();
        const { documentVersion } = get();
        if (opts.undoable === false) {
          set({ model, evaluation: evaluate(model), history: emptyHistory() });
        } else {
          commit(label, () => model);
        }
        set({ documentVersion: documentVersion + 1, selectedNodes: new Set(), selectedEdges: new Set() });
      },

      replaceModel(model, label) {
        get().endGesture();
        commit(label, () => model);
        pruneSelection(get().model);
      },

      openText(text, sourceName) {
        const refuse = (details: string[]) => {
          get().notify('error', t('store.notice.couldNotOpen', { name: sourceName }), details);
          return false;
        };
        // Anything unforeseen that throws while reading or building the graph is refused like a
        // bad file: the state is only replaced once the new model is built and evaluated.
        try {
          const { model, graph, problems } = validateModelText(text, { allowIncomplete: true });
          if (!model || !graph) return refuse(problems.map((p: Problem) => p.message));
          get().loadModel(model, t('store.undo.open', { name: sourceName }));
          return true;
        } catch (e) {
          return refuse([thrownMessage(e)]);
        }
      },

      newGraph() {
        get().loadModel(edits.emptyModel(), t('store.undo.newGraph'));
      },

      setSelection(nodes, edgesSel = []) {
        set({ selectedNodes: new Set(nodes), selectedEdges: new Set(edgesSel) });
      },

      changeSelection(changes) {
        if (changes.length === 0) return;
        const nodes = new Set(get().selectedNodes);
        const edgesSel = new Set(get().selectedEdges);
        for (const c of changes) {
          const target = c.kind === 'node' ? nodes : edgesSel;
          if (c.selected) target.add(c.id);
          else target.delete(c.id);
        }
        set({ selectedNodes: nodes, selectedEdges: edgesSel });
      },

      selectAll() {
        const { model } = get();
        set({ selectedNodes: new Set(model.nodes.map((n) => n.id)), selectedEdges: new Set(model.edges.map(edgeKey)) });
      },

      clearSelection() {
        if (get().selectedNodes.size || get().selectedEdges.size) set({ selectedNodes: new Set(), selectedEdges: new Set() });
      },

      copy() {
        const { model, selectedNodes } = get();
        if (selectedNodes.size === 0) return undefined;
        const clipboard = structuredClone(edits.subgraph(model, selectedNodes));
        set({ clipboard });
        return clipboard;
      },

      paste(clip = get().clipboard, sizeOf) {
        if (!clip || clip.nodes.length === 0) return [];
        let ids: string[] = [];
        const offset = edits.pasteOffset(get().model, clip, sizeOf);
        commit(t('store.undo.paste'), (d) => {
          ids = edits.pasteSubgraph(d, clip, offset);
        });
        set({ selectedNodes: new Set(ids), selectedEdges: new Set() });
        return ids;
      },

      duplicate(sizeOf) {
        const clip = get().copy();
        return clip ? get().paste(clip, sizeOf) : [];
      },

      setMode(mode) {
        get().endGesture();
        set({ mode, learn: false });
      },

      setLearn(on, mode = get().mode) {
        get().endGesture();
        set({ learn: on, mode });
      },

      notify(kind, title, details = [], options = {}) {
        const id = ++noticeId;
        set({ notices: [...get().notices, { id, kind, title, details, ...options }] });
        return id;
      },

      dismiss(id) {
        set({ notices: get().notices.filter((n) => n.id !== id) });
      },
    };
  });
}

export type EditorStoreApi = ReturnType<typeof createEditorStore>;
