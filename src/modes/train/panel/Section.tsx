import type { ReactNode } from 'react';

/** A titled part of the Train panel. */
export function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section className="train-section" aria-labelledby={`train-${id}`}>
      <h3 id={`train-${id}`}>{title}</h3>
      {children}
    </section>
  );
}
