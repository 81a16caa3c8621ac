/**
 * Embedding in a course page (`/?embed&sample=chain-rule&mode=teach`, `/?embed&lesson=...`): the
 * page is shown with minimal chrome, never reads or writes the graph autosaved in this browser (a
 * reader's own work at this origin stays as it was), and links to the same thing in the full app.
 */

/** Whether this page was opened for an iframe (`?embed`, any value). Read once: the URL is not rewritten in embeds. */
export function isEmbedded(search: string = typeof location === 'undefined' ? '' : location.search): boolean {
  return new URLSearchParams(search).has('embed');
}

/** The same address without `embed`: what "Open in GraphGrad" opens (same sample, lesson, step, mode and shared model). */
export function fullAppUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  return url.toString();
}
