import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../src/store/editorStore.ts';
import { createTeachStore } from '../src/modes/teach/teachStore.ts';
import { TEACH_KEY_LIST, TEACH_KEYS, teachKeyAction } from '../src/modes/teach/panel/teachKeys.ts';
import { loadSample } from './support/load-sample.ts';

const el = (tagName: string, extra: Record<string, unknown> = {}) =>
  ({ tagName, isContentEditable: false, getAttribute: () => null, ...extra }) as unknown as EventTarget;
const body = el('BODY');
const press = (key: string, target: EventTarget = body, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}, code = '') =>
  teachKeyAction({ key, code, target, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('Teach keyboard table', () => {
  it('maps → to step, ← to step back and Space (by key or by code) to play/pause', () => {
    expect(press('ArrowRight')).toBe(TEACH_KEYS.step);
    expect(press('ArrowLeft')).toBe(TEACH_KEYS.stepBack);
    expect(press(' ')).toBe(TEACH_KEYS.playPause);
    expect(press('Unidentified', body, {}, 'Space')).toBe(TEACH_KEYS.playPause);
    expect(press('ArrowUp')).toBeUndefined();
    expect(press('Enter')).toBeUndefined();
  });

  it('leaves keys with a modifier, and keys typed into a field, alone', () => {
    for (const mods of [{ ctrlKey: true }, { metaKey: true }, { altKey: true }]) expect(press('ArrowRight', body, mods)).toBeUndefined();
    for (const field of [el('INPUT', { type: 'text' }), el('TEXTAREA'), el('SELECT'), el('DIV', { isContentEditable: true })]) {
      expect(press('ArrowRight', field)).toBeUndefined();
      expect(press(' ', field)).toBeUndefined();
    }
  });

  it('leaves Space to a focused button or checkbox, but the arrows still step there', () => {
    for (const control of [
      el('BUTTON'),
      el('INPUT', { type: 'checkbox' }),
      el('SUMMARY'),
      el('DIV', { getAttribute: (a: string) => (a === 'role' ? 'button' : null) }),
    ]) {
      expect(press(' ', control)).toBeUndefined();
      expect(press('ArrowRight', control)).toBe(TEACH_KEYS.step);
      expect(press('ArrowLeft', control)).toBe(TEACH_KEYS.stepBack);
    }
  });

  it('every row is reachable by its own keys, and the hint line names each key once', () => {
    for (const a of TEACH_KEY_LIST) for (const k of a.keys) expect(press(k)).toBe(a);
    expect(new Set(TEACH_KEY_LIST.map((a) => a.glyph)).size).toBe(TEACH_KEY_LIST.length);
  });

  it('the actions step the store: → forward then, once forward is done, backward; ← undoes; Space toggles play', () => {
    const teach = createTeachStore(createEditorStore({ initialModel: loadSample('chain-rule') }));
    const t = () => teach.getState();
    t().setPlaying(true);
    TEACH_KEYS.step.run(t());
    expect(t().playing).toBe(false); // a manual step stops play
    expect(t().stepper!.forwardDone).toBe(1);
    for (let i = 0; i < 7; i++) TEACH_KEYS.step.run(t());
    expect(t().stepper!.forwardDone).toBe(7);
    expect(t().stepper!.backwardDone).toBe(1);
    TEACH_KEYS.stepBack.run(t());
    expect(t().stepper!.backwardDone).toBe(0);
    TEACH_KEYS.stepBack.run(t());
    expect(t().stepper!.forwardDone).toBe(6);
    TEACH_KEYS.playPause.run(t());
    expect(t().playing).toBe(true);
    TEACH_KEYS.playPause.run(t());
    expect(t().playing).toBe(false);
  });
});
