// Giving the text back the focus at once. Tiptap's focus command waits for the next animation
// frame (for React, which we do not use): a key pressed meanwhile (a keyboard user going on
// after a dialog or a toolbar button) lands outside the text or on the old selection. ProseMirror's
// own view.focus() is immediate; Tiptap's command then finds the focus there and does nothing more.
import type { ChainedCommands, Editor } from '@tiptap/core';

/** Focuses the text now. */
export function focusText(editor: Editor): void {
  editor.view.focus();
  editor.commands.focus();
}

/** A command chain that starts with the text focused now. */
export function focusedChain(editor: Editor): ChainedCommands {
  editor.view.focus();
  return editor.chain().focus();
}

/**
 * Keeps the selection made before a dialog opens. Closing a dialog gives the focus back to the
 * text and the browser may first put its caret at the start, which ProseMirror reads a task
 * later, racing the dialog's answer: the returned function starts a focused chain that sets the
 * kept selection again. (The dialog is modal, so the document has not changed meanwhile.)
 */
export function keepSelection(editor: Editor): () => ChainedCommands {
  const bookmark = editor.state.selection.getBookmark();
  return () =>
    focusedChain(editor).command(({ tr }) => {
      tr.setSelection(bookmark.resolve(tr.doc));
      return true;
    });
}
