/**
 * The bundled lessons (samples/lessons/*.json), listed in teaching order by
 * samples/lessons/index.json. `/?lesson=<id>` links and the Learn panel's list share this one
 * list; each lesson file is its own lazily loaded chunk.
 */
const loaders = import.meta.glob<string>('/samples/lessons/*.json', { query: '?raw', import: 'default' });
const index = import.meta.glob<{ id: string; title: string }[]>('/samples/lessons/index.json', { import: 'lessons', eager: true });

export interface LessonEntry {
  /** File name without .json: what `/?lesson=<id>` takes. */
  id: string;
  title: string;
}

const pathOf = (id: string) => `/samples/lessons/${id}.json`;

/** The lessons in teaching order (only those whose file is there). */
export const bundledLessons: readonly LessonEntry[] = (Object.values(index)[0] ?? []).filter((l) => pathOf(l.id) in loaders);

/** A bundled lesson's text, or undefined when there is no such lesson. */
export async function bundledLessonText(id: string): Promise<string | undefined> {
  if (id === 'index') return undefined;
  return loaders[pathOf(id)]?.();
}
