import type { ReactNode } from 'react';

/** A titled part of the Train panel. */
export function Section({ title, children, id, className }: { title: string; children: ReactNode; id: string; className?: string }) {
  return (
    <section className={`train-section${className ? ` ${className}` : ''}`} aria-labelledby={`train-${id}`}>
      <h3 id={`train-${id}`}>{title}</h3>
      {children}
    </section>
  );
}
