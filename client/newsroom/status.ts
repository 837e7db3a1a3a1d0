// Under the editor: the upload's progress bar (with its label) and the live region that
// announces uploads and their errors.

/** The status area's controls. */
export type Status = ReturnType<typeof createStatus>;

/** The upload progress bar and the live region that announces results and errors. */
export function createStatus(id: string) {
  const element = document.createElement('div');
  element.className = 'rich-editor__status';
  const progressBox = document.createElement('div');
  progressBox.className = 'rich-editor__progress';
  progressBox.hidden = true;
  const label = document.createElement('label');
  label.htmlFor = `${id}-progress`;
  const progress = document.createElement('progress');
  progress.id = `${id}-progress`;
  progress.max = 1;
  progressBox.append(label, progress);
  const message = document.createElement('p');
  message.className = 'rich-editor__message';
  message.setAttribute('role', 'status');
  message.setAttribute('aria-live', 'polite');
  element.append(progressBox, message);
  return {
    element,
    showProgress(text: string) {
      label.textContent = text;
      // Indeterminate until the first progress event.
      progress.removeAttribute('value');
      progressBox.hidden = false;
      message.textContent = '';
    },
    setProgress: (fraction: number) => {
      progress.value = fraction;
    },
    hideProgress() {
      progressBox.hidden = true;
    },
    announce(text: string, isError: boolean) {
      message.classList.toggle('rich-editor__message--error', isError);
      // Emptied first, so that the same words a second time are read out again.
      message.textContent = '';
      window.setTimeout(() => (message.textContent = text), 50);
    },
  };
}
