/** English strings of shared UI parts: notices and the error panel a failing part shows. */
export const ui = {
  notices: {
    more_one: '…and {{count}} more.',
    more_other: '…and {{count}} more.',
    dismiss: 'Dismiss',
  },
  errorBoundary: {
    /** "The … hit an error." per part of the editor (App.tsx names them). */
    parts: {
      editor: 'The editor hit an error.',
      toolbar: 'The toolbar hit an error.',
      palette: 'The palette hit an error.',
      canvas: 'The canvas hit an error.',
      inspector: 'The inspector hit an error.',
      teachPanel: 'The teach panel hit an error.',
      trainPanel: 'The train panel hit an error.',
      learnPanel: 'The learn panel hit an error.',
    },
    other: 'The {{part}} hit an error.',
    safe: 'Your graph is safe: it is still in the editor, and autosaved. Try again, undo the last change, or save the graph as a file.',
    retry: 'Try again',
    undo: 'Undo last change',
    save: 'Save the graph as a file',
  },
};
