/**
 * The canvas: React Flow over nodes and edges derived from the model. Every change React Flow
 * reports is turned into a store action (move, select, connect); nothing is kept here except
 * measured node sizes, which React Flow needs back and which are not part of the model.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent, type ReactNode } from 'react';
import {
  Background,
  BackgroundVariant,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import { editorStore, useEditor } from '../store/useEditor.ts';
import { droppedModelFile, openFile } from '../io/files.ts';
import { freeSpot } from '../store/modelEdits.ts';
import { expandedMacros } from '../../graph-engine/index.ts';
import { FlowEdgeCache, FlowNodeCache, inputOfHandle, LiveResults, LiveResultsContext, portOfHandle, type OpFlowNode, type Size } from './flowElements.ts';
import { OpNode } from './OpNode.tsx';
import { MacroGroup, macroGroupNodes, type MacroGroupNode } from './MacroGroup.tsx';
import { QuickAdd, type QuickAddAt } from './QuickAdd.tsx';
import { CANVAS_CARDS_ABOVE, CULL_ABOVE, DetailLevel, DetailLevelContext, detailAt, useCulling, useDetail, useDetailClasses } from './viewDetail.ts';
import { CATEGORY_VAR, EdgeCanvas, useCanvasEdgePointer } from './EdgeCanvas.tsx';
import { PALETTE_MIME } from '../palette/dragData.ts';
import { registerCanvasApi } from './canvasApi.ts';
import { fitClear, MIN_ZOOM, revealViewport } from './fitClear.ts';
import { CanvasControls } from './CanvasControls.tsx';
import { CanvasMiniMap } from './CanvasMiniMap.tsx';
import { TeachCanvasLayer, TeachEdge, useTeachCanvas, useTeachFitOptions } from '../modes/teach/canvasOverlay.tsx';
import { EdgeDerivativesToggle, useEdgeDerivativeEdges } from './edgeDerivatives.tsx';
import { useTrainEvaluation } from '../modes/train/canvasExtras.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/i18n.ts';
import { t as translate } from '../i18n/i18n.ts';
import { useFlowAriaLabels } from './flowLabels.ts';

type CanvasNode = OpFlowNode | MacroGroupNode;

const miniMapColor = (n: CanvasNode) => (n.type === 'op' ? (CATEGORY_VAR[n.data.op?.category ?? ''] ?? 'var(--muted)') : 'transparent');
const nodeTypes = { op: OpNode, macroGroup: MacroGroup };
const edgeTypes = { teach: TeachEdge };
// Constants, not inline literals: React Flow copies these into its store on every render, and a
// new defaultEdgeOptions object re-renders every edge (each drag frame re-renders the canvas).
const defaultEdgeOptions = { type: 'default' };
const multiSelectionKeyCode = ['Meta', 'Control'];
const NO_EDGES: Edge[] = [];

/** Resolves once every node card and edge of `model` is in the DOM (or after 3 s, drawing what there is). */
async function allMounted(model: { nodes: readonly unknown[]; edges: readonly unknown[] }): Promise<void> {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const end = performance.now() + 3000;
  do await frame();
  while (
    performance.now() < end &&
    (document.querySelectorAll('.react-flow__node-op').length < model.nodes.length ||
      document.querySelectorAll('.react-flow__edge').length < model.edges.length)
  );
  await frame(); // edges drawn to their measured handles
}

/** What cards read from the canvas: its level of detail, and their numbers (LiveResults). */
function CardContexts({ level, live, children }: { level: DetailLevel; live: LiveResults; children: ReactNode }) {
  return (
    <DetailLevelContext value={level}>
      <LiveResultsContext value={live}>{children}</LiveResultsContext>
    </DetailLevelContext>
  );
}

/** A card's size before React Flow has measured it (a just-pasted card), in flow pixels. */
const NEW_CARD_SIZE = { width: 170, height: 90 };

export function Canvas() {
  const { t } = useTranslation();
  const ariaLabelConfig = useFlowAriaLabels();
  const model = useEditor((s) => s.model);
  // Train mode shows the live parameters and a chosen sample (src/modes/train).
  const evaluation = useTrainEvaluation(useEditor((s) => s.evaluation));
  const selectedNodes = useEditor((s) => s.selectedNodes);
  const selectedEdges = useEditor((s) => s.selectedEdges);
  const documentVersion = useEditor((s) => s.documentVersion);
  const flow = useReactFlow();
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const [quickAdd, setQuickAdd] = useState<QuickAddAt | undefined>();
  const wrapper = useRef<HTMLDivElement>(null);
  // Zoomed out, cards drop detail (CSS): less to paint per frame, and nothing unreadable is drawn.
  const level = useMemo(() => new DetailLevel(), []);
  const pinDetail = useDetailClasses(wrapper, level);
  const detail = useDetail(level);
  const [mountAll, setMountAll] = useState(false);

  const nodeCache = useMemo(() => new FlowNodeCache(), []);
  const edgeCache = useMemo(() => new FlowEdgeCache(), []);
  // Teach mode shows what the stepper has computed so far, with highlights (src/modes/teach).
  const teach = useTeachCanvas(evaluation);
  const teachFit = useTeachFitOptions();
  const shown = teach?.evaluation ?? evaluation;
  // Fit the view whenever a new document is loaded (below). Until then the canvas draws no card.
  const [fittedVersion, setFittedVersion] = useState(-1);
  const fitPending = fittedVersion !== documentVersion;
  // The overview of a very large graph draws every card on the edge canvas, and React Flow mounts
  // none (hidden) but the one under the pointer, so that it can be clicked and dragged.
  const cardsOnCanvas = model.nodes.length > CANVAS_CARDS_ABOVE && (detail === 'overview' || fitPending) && !teach && !mountAll;
  const [pointed, setPointed] = useState<string | undefined>();
  const hidden = useMemo(() => (cardsOnCanvas ? (id: string) => id !== pointed : undefined), [cardsOnCanvas, pointed]);
  const derivedNodes = useMemo(
    () => nodeCache.derive(model, shown, selectedNodes, measured, hidden),
    [nodeCache, model, shown, selectedNodes, measured, hidden],
  );
  // New numbers on cards whose look is unchanged go to those cards directly (flowElements.ts:
  // LiveResults), not through React Flow: a value edit keeps the same nodes array.
  useLayoutEffect(() => nodeCache.publish());
  const opNodes = useMemo(() => (teach ? teach.decorateNodes(derivedNodes) : derivedNodes), [teach, derivedNodes]);
  // Sizes as React Flow measured them, or, for cards it has not (never mounted, or measured at the
  // size their content gives), as worked out from their content.
  const sizeOf = useCallback((id: string) => nodeCache.size(id), [nodeCache, derivedNodes]);
  // Positions and sizes change with derivedNodes (so sizeOf), frames with the expanded layers; a
  // value edit changes neither, and keeps the frames (and so the nodes array) as they were.
  const expanded = expandedMacros(model);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the model's positions come with sizeOf, its frames with expanded.
  const groups = useMemo(() => macroGroupNodes(model, sizeOf), [expanded, sizeOf]);
  // Frames first, so they draw beneath the nodes they surround.
  const nodes = useMemo<CanvasNode[]>(() => (groups.length ? [...groups, ...opNodes] : opNodes), [groups, opNodes]);
  // Keyed on the edges array, not the model: a drag changes positions only, so React Flow keeps
  // the same edges array and skips re-adopting every edge on each frame.
  const modelEdges = model.edges;
  const language = useLanguage();
  const flowEdges = useMemo(() => edgeCache.derive(modelEdges, selectedEdges, language), [edgeCache, modelEdges, selectedEdges, language]);
  const teachEdges = useMemo(() => (teach ? teach.decorateEdges(flowEdges) : flowEdges), [teach, flowEdges]);
  // Build mode's "Edge derivatives" chips (edgeDerivatives.tsx).
  const building = useEditor((s) => s.mode) === 'build';
  const edges = useEdgeDerivativeEdges(teachEdges, model, evaluation, selectedEdges, building);

  const cull = useCulling(nodes);
  // A large graph zoomed out draws cheaper cards and edges: bare cards in the overview
  // (viewDetail.ts), and below FAR_ZOOM, where edges are thin lines and handles are hidden, edges
  // on one canvas (EdgeCanvas.tsx). Teach mode keeps its own edges, and a picture of the whole
  // graph needs them in the DOM.
  const large = nodes.length > CULL_ABOVE;
  level.setLarge(large);
  // Until a new document is fitted, its edges are not handed to React Flow either: mounted at the
  // old view, thousands of them took seconds.
  const edgesOnCanvas = ((large && (detail !== 'near' || fitPending)) || cardsOnCanvas) && !teach && !mountAll;
  // None at all for React Flow, rather than hidden ones: it keeps a component and a store selector
  // for each hidden edge.
  const shownEdges = edgesOnCanvas ? NO_EDGES : edges;
  const edgePointer = useCanvasEdgePointer(edgesOnCanvas ? edges : undefined, wrapper, cardsOnCanvas ? setPointed : undefined);

  // Fit the view to a new document before React Flow takes its nodes (a layout effect runs before
  // React Flow's own effects), from the cards' sizes worked out from their content: no card is
  // drawn at the old view first, nor measured before the fit.
  const panZoomReady = useFlowStore((s) => !!s.panZoom);
  const latestNodes = useRef(nodes);
  useLayoutEffect(() => {
    latestNodes.current = nodes;
  }, [nodes]);
  useLayoutEffect(() => {
    if (!fitPending || !panZoomReady) return;
    setFittedVersion(documentVersion);
    // An empty document: a plain 1:1 view, and no fit later when the first node is dropped.
    if (nodes.length === 0) void flow.setViewport({ x: 0, y: 0, zoom: 1 });
    else fitClear(flow, wrapper.current, undefined, 0, nodes);
  }, [fitPending, panZoomReady, documentVersion, nodes, flow]);

  // Expand and Collapse change how much there is to see: refit around the result, once its new
  // cards are in the node list (sizes worked out from their content, as for a new document).
  const refitVersion = useEditor((s) => s.refitVersion);
  const [refitted, setRefitted] = useState(refitVersion);
  useLayoutEffect(() => {
    if (refitted === refitVersion || fitPending || !panZoomReady) return;
    setRefitted(refitVersion);
    fitClear(flow, wrapper.current, undefined, 0, latestNodes.current);
  }, [refitted, refitVersion, fitPending, panZoomReady, flow]);

  // The part of the canvas in view, clear of an open drawer (which lies over the canvas's edge),
  // in flow coordinates: a card added from the palette or quick-add lands there, where it is seen.
  const inView = useCallback(() => {
    const box = wrapper.current?.getBoundingClientRect();
    if (!box) return undefined;
    let { left, right } = box;
    for (const d of document.querySelectorAll('.drawer__body:not([hidden])')) {
      const r = d.getBoundingClientRect();
      if (r.left <= left + 1) left = Math.max(left, r.right);
      else right = Math.min(right, r.left);
    }
    const rect = (l: number, t: number, r: number, b: number) => {
      const p = flow.screenToFlowPosition({ x: l, y: t });
      const q = flow.screenToFlowPosition({ x: r, y: b });
      return { x: p.x, y: p.y, width: q.x - p.x, height: q.y - p.y };
    };
    const minimap = wrapper.current?.querySelector('.react-flow__minimap')?.getBoundingClientRect();
    return {
      within: rect(left + 8, box.top + 8, right - 8, box.bottom - 8),
      avoid: minimap?.width ? [rect(minimap.left - 8, minimap.top - 8, minimap.right, minimap.bottom)] : [],
    };
  }, [flow]);
  const centre = useCallback(() => {
    const view = inView()?.within;
    if (!view) return { x: 0, y: 0 };
    return { x: view.x + view.width / 2 - 80, y: view.y + view.height / 2 - 30 };
  }, [inView]);

  useEffect(
    () =>
      registerCanvasApi({
        centre: () => freeSpot(editorStore.getState().model, centre(), { sizeOf, ...inView() }),
        // Our nodes, not React Flow's: right after an edit (auto-layout fits in the next frame),
        // React Flow may not have taken the new positions yet.
        fitView: (duration) => fitClear(flow, wrapper.current, undefined, duration, latestNodes.current),
        openQuickAdd: () => {
          const box = wrapper.current?.getBoundingClientRect();
          // Centred across; QuickAdd moves itself in if the canvas is narrow.
          if (box)
            setQuickAdd({
              screen: { x: box.width / 2 - 210, y: box.height / 3 },
              flow: freeSpot(editorStore.getState().model, centre(), { sizeOf, ...inView() }),
            });
        },
        reveal: (ids) => {
          const box = wrapper.current?.getBoundingClientRect();
          const shown = new Set(ids);
          const cards = editorStore.getState().model.nodes.filter((n) => shown.has(n.id) && n.position);
          if (!box || cards.length === 0) return;
          const size = (id: string) => sizeOf(id) ?? NEW_CARD_SIZE;
          const rect = {
            left: Math.min(...cards.map((n) => n.position!.x)),
            top: Math.min(...cards.map((n) => n.position!.y)),
            right: Math.max(...cards.map((n) => n.position!.x + size(n.id).width)),
            bottom: Math.max(...cards.map((n) => n.position!.y + size(n.id).height)),
          };
          const viewport = revealViewport(rect, box.width, box.height, flow.getViewport());
          if (viewport) void flow.setViewport(viewport, { duration: 200 });
        },
        measuredSize: sizeOf,
        withWholeGraph: async (zoom, work) => {
          setMountAll(true);
          pinDetail(detailAt(zoom));
          try {
            await allMounted(editorStore.getState().model);
            await level.settled();
            return await work();
          } finally {
            pinDetail(undefined);
            setMountAll(false);
          }
        },
      }),
    [centre, inView, flow, sizeOf, pinDetail, level],
  );

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    const store = editorStore.getState();
    const moves: { id: string; position: { x: number; y: number } }[] = [];
    const selection: { kind: 'node'; id: string; selected: boolean }[] = [];
    const sizes: [string, Size][] = [];
    for (const c of changes) {
      if (c.type === 'position' && c.position) moves.push({ id: c.id, position: c.position });
      else if (c.type === 'select') selection.push({ kind: 'node', id: c.id, selected: c.selected });
      else if (c.type === 'dimensions' && c.dimensions) sizes.push([c.id, { width: c.dimensions.width, height: c.dimensions.height }]);
    }
    if (moves.length) store.moveNodes(moves);
    if (selection.length) store.changeSelection(selection);
    if (sizes.length) {
      setMeasured((prev) => {
        const next = new Map(prev);
        for (const [id, size] of sizes) {
          const old = prev.get(id);
          if (!old || old.width !== size.width || old.height !== size.height) next.set(id, size);
        }
        return next;
      });
    }
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const selection = changes.flatMap((c) => (c.type === 'select' ? [{ kind: 'edge' as const, id: c.id, selected: c.selected }] : []));
    editorStore.getState().changeSelection(selection);
  }, []);

  const onConnect = useCallback((c: Connection) => {
    const { port, newPair } = inputOfHandle(c.targetHandle);
    editorStore.getState().connect({
      source: c.source,
      target: c.target,
      port,
      ...(portOfHandle(c.sourceHandle) ? { sourcePort: portOfHandle(c.sourceHandle) } : {}),
      ...(newPair ? { newPair } : {}),
    });
  }, []);

  const beginMove = useCallback(() => editorStore.getState().beginGesture('Move'), []);
  const endMove = useCallback(() => editorStore.getState().endGesture(), []);

  const onDragOver = useCallback((e: DragEvent) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = e.dataTransfer.types.includes(PALETTE_MIME) ? 'move' : 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      e.preventDefault();
      const op = e.dataTransfer.getData(PALETTE_MIME);
      if (op) {
        const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
        editorStore.getState().addNode(op, { x: p.x - 20, y: p.y - 20 });
        return;
      }
      const file = droppedModelFile(e.dataTransfer);
      if (file) void openFile(file);
      else if (e.dataTransfer.files.length) editorStore.getState().notify('error', translate('canvas.dropRefused'));
    },
    [flow],
  );

  const onDoubleClick = useCallback(
    (e: MouseEvent) => {
      if (!(e.target as HTMLElement).classList.contains('react-flow__pane')) return;
      const box = wrapper.current!.getBoundingClientRect();
      setQuickAdd({ screen: { x: e.clientX - box.left, y: e.clientY - box.top }, flow: flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }) });
    },
    [flow],
  );

  return (
    <div className="canvas" ref={wrapper} onDoubleClick={onDoubleClick} onDragOver={onDragOver} onDrop={onDrop}>
      <CardContexts level={level} live={nodeCache.live}>
        <ReactFlow<CanvasNode>
          nodes={nodes}
          edges={shownEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          nodesConnectable={!teach}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onPaneClick={edgePointer.onPaneClick}
          onPaneMouseMove={edgePointer.onPaneMouseMove}
          onNodeDragStart={beginMove}
          onNodeDragStop={endMove}
          onSelectionDragStart={beginMove}
          onSelectionDragStop={endMove}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={multiSelectionKeyCode}
          zoomOnDoubleClick={false}
          // Cards on the canvas: React Flow's culling skips hidden nodes, while without it React
          // Flow keeps a component (and a store selector) for each hidden one.
          onlyRenderVisibleElements={(cull || cardsOnCanvas) && !mountAll}
          minZoom={MIN_ZOOM}
          maxZoom={2.5}
          colorMode="system"
          defaultEdgeOptions={defaultEdgeOptions}
          aria-label={t('canvas.label')}
          ariaLabelConfig={ariaLabelConfig}
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
          {edgesOnCanvas && <EdgeCanvas edges={edges} cards={cardsOnCanvas} />}
          {model.nodes.length > CANVAS_CARDS_ABOVE ? (
            <CanvasMiniMap nodes={nodes} nodeColor={miniMapColor as (n: Node) => string} ariaLabel={t('canvas.minimap')} />
          ) : (
            <MiniMap pannable zoomable ariaLabel={t('canvas.minimap')} nodeColor={miniMapColor} nodeStrokeWidth={0} />
          )}
          <CanvasControls pane={wrapper} presentationFit={teachFit} />
          {teach && <TeachCanvasLayer />}
          {building && <EdgeDerivativesToggle />}
        </ReactFlow>
      </CardContexts>
      {quickAdd && <QuickAdd at={quickAdd} onClose={() => setQuickAdd(undefined)} />}
      {model.nodes.length === 0 && (
        <div className="canvas__empty" aria-live="polite">
          <p>{t('canvas.empty')}</p>
        </div>
      )}
    </div>
  );
}
