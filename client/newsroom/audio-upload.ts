// The episode form with an audio file chosen: sent by XMLHttpRequest (fetch has no upload
// progress) with a <progress> bar, its percentage and a polite status line, the submit button
// disabled meanwhile. The server's answer is followed: a redirect after saving is gone to; the
// form shown again with its problems replaces the page's <main> (the chosen file carried over
// when it was not the problem); a failed connection is said, with everything typed kept. Without
// a file, or without this script, the form is sent as the plain multipart form it is.
import { enhanceArticlePicker } from './article-picker.ts';
import { enhanceLocalTimes } from './local-time.ts';
import { enhanceMediaPicker } from './media-picker.ts';

/** The form's words, from its data-label-* attributes; `{placeholders}` filled at run time. */
interface UploadLabels {
  uploading: string;
  saving: string;
  failed: string;
  offline: string;
}

function fill(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function readLabels(form: HTMLFormElement): UploadLabels {
  const d = form.dataset;
  return {
    uploading: d.labelUploading ?? 'Uploading: {percent} %',
    saving: d.labelSaving ?? 'Upload finished, saving…',
    failed: d.labelFailed ?? 'The episode could not be saved (error {status}).',
    offline: d.labelOffline ?? 'The episode could not be sent: check the connection and try again.',
  };
}

/** The announced steps: every tenth of the way (each event would flood a screen reader). */
const ANNOUNCE_STEP = 10;

function enhance(form: HTMLFormElement): void {
  const fileInput = form.elements.namedItem('audio');
  const box = form.querySelector<HTMLElement>('[data-upload-progress]');
  const bar = form.querySelector<HTMLProgressElement>('[data-upload-bar]');
  const percentText = form.querySelector<HTMLElement>('[data-upload-percent]');
  const status = form.querySelector<HTMLElement>('[data-upload-status]');
  if (!(fileInput instanceof HTMLInputElement) || !box || !bar || !percentText || !status) return;
  form.dataset.audioUploadActive = '';
  const labels = readLabels(form);
  const submitButtons = () => [...form.querySelectorAll<HTMLButtonElement>('button[type="submit"]')];
  let isSending = false;

  const setStatus = (text: string, isProblem = false) => {
    status.textContent = text;
    status.classList.toggle('nr-upload-failed', isProblem);
  };

  let announcedStep = -1;
  const showProgress = (percent: number) => {
    bar.value = percent;
    percentText.textContent = `${percent} %`;
    const step = Math.floor(percent / ANNOUNCE_STEP);
    if (step !== announcedStep) {
      announcedStep = step;
      setStatus(fill(labels.uploading, { percent }));
    }
  };

  const stop = (problem: string) => {
    isSending = false;
    box.hidden = true;
    for (const button of submitButtons()) button.disabled = false;
    setStatus(problem, true);
  };

  const send = () => {
    isSending = true;
    announcedStep = -1;
    // No aria-busy on the form: it would hold back the status line's announcements inside it.
    for (const button of submitButtons()) button.disabled = true;
    box.hidden = false;
    showProgress(0);
    const chosen = fileInput.files?.[0];
    const action = new URL(form.action, window.location.href).href;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', action);
    xhr.setRequestHeader('Accept', 'text/html');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0)
        showProgress(Math.min(100, Math.floor((event.loaded / event.total) * 100)));
    });
    xhr.upload.addEventListener('load', () => {
      bar.value = 100;
      percentText.textContent = '100 %';
      setStatus(labels.saving);
    });
    xhr.addEventListener('load', () => {
      // Followed by the browser: the page the server sent us on to after saving. Going there
      // loads it as a page of its own (address, history and scripts as after a plain post).
      if (xhr.responseURL && xhr.responseURL !== action) return window.location.assign(xhr.responseURL);
      const shown = showAnswer(xhr.responseText, chosen);
      if (!shown) stop(fill(labels.failed, { status: xhr.status }));
    });
    for (const type of ['error', 'abort', 'timeout'] as const) xhr.addEventListener(type, () => stop(labels.offline));
    xhr.send(new FormData(form));
  };

  form.addEventListener('submit', (event) => {
    if (event.defaultPrevented) return;
    if (isSending) return event.preventDefault();
    if (!fileInput.files?.length) return;
    event.preventDefault();
    send();
  });
}

/**
 * Shows the form the server sent back with its problems in place of this page's <main>, and
 * focuses the list of problems. False when the answer holds no such page (then nothing changed).
 */
function showAnswer(html: string, chosen: File | undefined): boolean {
  const answer = new DOMParser().parseFromString(html, 'text/html');
  const next = answer.querySelector<HTMLElement>('main#main');
  const current = document.querySelector<HTMLElement>('main#main');
  if (!next || !current) return false;
  // What the page's scripts moved out of <main> (the photo picker's dialog) goes with the old form.
  for (const element of next.querySelectorAll('[id]')) {
    const old = document.getElementById(element.id);
    if (old && !current.contains(old)) old.remove();
  }
  const main = document.adoptNode(next);
  current.replaceWith(main);
  if (answer.title) document.title = answer.title;
  carryFile(main, chosen);
  enhanceMediaPicker(main);
  enhanceLocalTimes(main);
  enhanceArticlePicker(main);
  enhanceAudioUpload(main);
  (main.querySelector<HTMLElement>('#problems') ?? main).focus();
  return true;
}

/** Keeps the chosen file in the form shown again, unless the file was what it refused. */
function carryFile(main: HTMLElement, chosen: File | undefined): void {
  const input = main.querySelector<HTMLInputElement>('form[data-audio-upload] input[type="file"][name="audio"]');
  if (!chosen || !input || input.getAttribute('aria-invalid') === 'true') return;
  try {
    const transfer = new DataTransfer();
    transfer.items.add(chosen);
    input.files = transfer.files;
  } catch {
    // A browser without a DataTransfer constructor: the file is chosen again, as without a script.
  }
}

/** Enhances the episode form's upload, if the page (or `root`) has the form. */
export function enhanceAudioUpload(root: ParentNode = document): void {
  for (const form of root.querySelectorAll<HTMLFormElement>('form[data-audio-upload]:not([data-audio-upload-active])'))
    enhance(form);
}
