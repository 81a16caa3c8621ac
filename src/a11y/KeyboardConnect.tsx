/**
 * Wiring without a mouse. With a card focused, C opens this picker: first the output (on a card
 * with several), then the input to wire to, chosen with the arrow keys or by typing a card's name.
 * Enter connects (one Undo step, refused with the engine's message when it would make a cycle),
 * Escape cancels; either way focus goes back to the card. Each choice is read out (live region)
 * and marked on the canvas by a ring on the target handle and a dashed line from the output.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { nodeLabel } from '../../graph-engine/index.ts';
import { editorStore, useEditor } from '../store/useEditor.ts';
import { connectionProblem } from '../store/modelEdits.ts';
import { canvasApi } from '../canvas/canvasApi.ts';
import { sourceHandleId } from '../canvas/flowElements.ts';
import { announce } from './announce.ts';
import { choiceText, filterChoices, outputChoices, targetChoices, type TargetChoice } from './connectChoices.ts';
import { connectStore, endConnect, startConnect, type ConnectSession } from './connectSession.ts';
import { focusNode } from './focusNode.ts';
import { CONNECT_KEYS } from './keys.ts';

/** The picker's hint line, in the current language. */
const hint = () =>
  Object.values(CONNECT_KEYS)
    .map((k) => k.short)
    .join(' · ');

const handleEl = (node: string, handle: string) =>
  document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(node)}"] .react-flow__handle[data-handleid="${CSS.escape(handle)}"]`);

const centreOf = (el: Element | null) => {
  const r = el?.getBoundingClientRect();
  return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : undefined;
};

export function KeyboardConnect() {
  const session = useStore(connectStore, (s) => s.session);
  // A new picker (fresh query and highlight) for each connection started.
  return session ? <Picker key={`${session.source}:${session.sourcePort ?? ''}`} session={session} /> : null;
}

interface Item {
  id: string;
  text: string;
  choice?: TargetChoice;
  output?: number;
}

function Picker({ session }: { session: ConnectSession }) {
  const { t } = useTranslation();
  const model = useEditor((s) => s.model);
  const evaluation = useEditor((s) => s.evaluation);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const sourceNode = model.nodes.find((n) => n.id === session.source);
  const sourceLabel = sourceNode ? nodeLabel(sourceNode) : session.source;
  const outputs = useMemo(() => outputChoices(evaluation, session.source), [evaluation, session.source]);
  const choosingOutput = session.sourcePort === undefined && outputs.length > 1;
  const sourcePort = session.sourcePort ?? 0;
  const all = useMemo(() => targetChoices(model, evaluation, session.source, sourcePort), [model, evaluation, session.source, sourcePort]);
  const items: Item[] = choosingOutput
    ? outputs
        .filter((o) => o.name.toLowerCase().startsWith(query.trim().toLowerCase()))
        .map((o) => ({ id: `kc-out-${o.sourcePort}`, text: t('a11y.connect.output', { output: o.name }), output: o.sourcePort }))
    : filterChoices(all, query).map((c, i) => ({ id: `kc-in-${i}`, text: choiceText(c), choice: c }));
  const current = items[Math.min(active, items.length - 1)];
  const problem = useMemo(() => (current?.choice ? connectionProblem(model, current.choice.connection) : undefined), [model, current?.choice]);
  const outputName = choosingOutput ? '' : outputs.length > 1 ? t('a11y.connect.outputSuffix', { output: outputs[sourcePort]?.name }) : '';

  const close = (message: string) => {
    endConnect();
    announce(message);
    focusNode(session.source);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: said once per picker (a new connection remounts it), not on every edit
  useEffect(() => {
    input.current?.focus({ preventScroll: true });
    announce(
      choosingOutput
        ? t('a11y.connect.openOutputs', { source: sourceLabel, outputs: outputs.length })
        : all.length === 0
          ? t('a11y.connect.openNone', { source: sourceLabel, output: outputName })
          : t('a11y.connect.openInputs', { source: sourceLabel, output: outputName, inputs: all.length }),
    );
  }, []);

  // Read each highlighted choice, with why it cannot be wired when it cannot.
  const at = { choice: current?.text, position: Math.min(active, items.length - 1) + 1, count: items.length };
  const spoken = current ? (problem ? t('a11y.connect.spokenRefused', { ...at, problem }) : t('a11y.connect.spoken', at)) : '';
  const nothing = query ? t('a11y.connect.nothingSpoken', { query }) : '';
  const firstRead = useRef(true);
  useEffect(() => {
    if (firstRead.current) {
      firstRead.current = false;
      return;
    }
    if (spoken) announce(spoken);
    else if (nothing) announce(nothing);
  }, [spoken, nothing]);

  // Bring the highlighted card into view, then mark it.
  useEffect(() => {
    if (current?.choice) canvasApi()?.reveal([session.source, current.choice.target]);
  }, [current?.choice, session.source]);

  const pick = () => {
    if (!current) return;
    if (current.output !== undefined) {
      startConnect(session.source, current.output);
      return;
    }
    const c = current.choice!;
    if (editorStore.getState().connect(c.connection))
      close(t('a11y.connect.connected', { source: sourceLabel, output: outputName, target: c.targetLabel, port: c.portName }));
    // Refused: the store's notice gives the engine's reason (and Notices reads it out); stay open to choose again.
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close(t('a11y.connect.cancelled'));
    else if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, items.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(Math.min(i, items.length - 1) - 1, 0));
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(items.length - 1);
    else if (e.key === 'Enter') pick();
    else if (e.key === 'Tab') close(t('a11y.connect.cancelled'));
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  // Placed beside the source card, inside the window.
  const box = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ left: 0, top: 0 });
  useLayoutEffect(() => {
    const card = document.querySelector(`.react-flow__node[data-id="${CSS.escape(session.source)}"]`)?.getBoundingClientRect();
    const el = box.current;
    if (!el) return;
    const m = 8;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const left = card ? (card.right + m + w < window.innerWidth ? card.right + m : card.left - w - m) : (window.innerWidth - w) / 2;
    const top = card ? card.top : window.innerHeight / 3;
    setPlace({ left: Math.max(m, Math.min(left, window.innerWidth - w - m)), top: Math.max(m, Math.min(top, window.innerHeight - h - m)) });
  }, [session.source]);

  return (
    <>
      {current?.choice && <TargetMarker source={session.source} sourcePort={sourcePort} choice={current.choice} refused={!!problem} />}
      <div ref={box} className="kbd-connect" role="dialog" aria-label={t('a11y.connect.label', { source: sourceLabel })} style={place}>
        <div className="kbd-connect__title">
          <Trans i18nKey="a11y.connect.title" values={{ source: sourceLabel, output: outputName }} components={{ b: <strong /> }} />
        </div>
        <input
          ref={input}
          value={query}
          placeholder={choosingOutput ? t('a11y.connect.chooseOutput') : t('a11y.connect.typeName')}
          aria-label={choosingOutput ? t('a11y.connect.outputLabel') : t('a11y.connect.inputLabel')}
          role="combobox"
          aria-expanded="true"
          aria-controls="kbd-connect-list"
          aria-activedescendant={current?.id}
          autoComplete="off"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="kbd-connect-list" role="listbox" aria-label={choosingOutput ? t('a11y.connect.outputs') : t('a11y.connect.inputs')}>
          {items.map((item, i) => (
            <li
              key={item.id}
              id={item.id}
              role="option"
              aria-selected={item === current}
              className={`${item === current ? 'is-active' : ''}${item.choice?.wiredFrom ? ' is-wired' : ''}`}
              // The mouse may pick too (the input keeps the focus).
              onMouseDown={(e) => {
                e.preventDefault();
                setActive(i);
              }}
              onMouseUp={() => i === active && pick()}
            >
              {item.text}
            </li>
          ))}
          {items.length === 0 && <li className="kbd-connect__none">{query ? t('a11y.connect.nothingMatches', { query }) : t('a11y.connect.noInput')}</li>}
        </ul>
        {problem && (
          <p className="kbd-connect__problem" data-testid="kbd-connect-problem">
            {t('a11y.connect.problem', { problem })}
          </p>
        )}
        <p className="kbd-connect__hint">{hint()}</p>
      </div>
    </>
  );
}

/** A ring on the chosen input handle and a dashed line to it from the output, over the canvas. */
function TargetMarker({ source, sourcePort, choice, refused }: { source: string; sourcePort: number; choice: TargetChoice; refused: boolean }) {
  const [ends, setEnds] = useState<{ a?: { x: number; y: number }; b?: { x: number; y: number } }>({});
  useEffect(() => {
    // Measured after the reveal has panned (it animates for 200 ms): every frame for a moment.
    let frames = 20;
    let raf = 0;
    const measure = () => {
      setEnds({ a: centreOf(handleEl(source, sourceHandleId(sourcePort))), b: centreOf(handleEl(choice.target, choice.handle)) });
      if (--frames > 0) raf = requestAnimationFrame(measure);
    };
    measure();
    return () => cancelAnimationFrame(raf);
  }, [source, sourcePort, choice]);
  const { a, b } = ends;
  if (!b) return null;
  return (
    <svg className={`kbd-connect-marker${refused ? ' is-refused' : ''}`} aria-hidden="true">
      {a && <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} />}
      <circle cx={b.x} cy={b.y} r={11} />
    </svg>
  );
}
