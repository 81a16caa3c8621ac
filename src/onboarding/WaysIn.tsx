/** The three ways in, as the welcome and Help show them. */
import { useId } from 'react';
import { buildFromScratch, chooseSample, startLearning } from './waysIn.ts';
import { WAYS_IN_TEXT as T } from './strings.ts';

const WAYS = [
  { id: 'learn', icon: '∂', name: T.learn, detail: T.learnDetail, run: () => void startLearning() },
  { id: 'build', icon: '+', name: T.build, detail: T.buildDetail, run: buildFromScratch },
  { id: 'sample', icon: '▤', name: T.sample, detail: T.sampleDetail, run: chooseSample },
] as const;

export function WaysIn() {
  // The welcome and Help can both be in the page: ids of their own.
  const id = useId();
  return (
    <ul className="ways-in">
      {WAYS.map((w) => (
        <li key={w.id}>
          <button type="button" className={`ways-in__way ways-in__way--${w.id}`} onClick={w.run} aria-describedby={`${id}-${w.id}`}>
            <span className="ways-in__icon" aria-hidden="true">
              {w.icon}
            </span>
            <span className="ways-in__name">{w.name}</span>
          </button>
          <span id={`${id}-${w.id}`} className="ways-in__detail">
            {w.detail}
          </span>
        </li>
      ))}
    </ul>
  );
}
