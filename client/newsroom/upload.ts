// Image uploads: each file goes to the newsroom's media endpoint by XMLHttpRequest (fetch has
// no upload progress), one after another; a marker in the document keeps the place it was
// dropped or pasted, moving with any typing meanwhile, until its description is given.
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { fillLabel, type Labels } from './labels.ts';
import type { Status } from './status.ts';
import { askImageDetails, isMediaPath } from './story-dialogs.ts';
import { insertFigure } from './story-nodes.ts';
import { focusText } from './focus.ts';

/** The image types the media endpoint takes. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'] as const;

/** The endpoint's answer for a stored image. */
export interface UploadedImage {
  id: number;
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

/** Where and how to upload. */
export interface UploadTarget {
  url: string;
  csrfToken: string;
}

/**
 * The editor's way to upload files dropped, pasted or picked at `pos`: one after another, each
 * with its progress shown, then its description asked for, then inserted where it was put
 * (or at the selection, if the text around that place was deleted meanwhile). Errors are
 * announced and insert nothing.
 */
export function imageUploads(
  getEditor: () => Editor,
  target: UploadTarget | null,
  labels: Labels,
  status: Status,
): (files: readonly File[], pos: number) => void {
  let queue = Promise.resolve();
  const uploadOne = async (file: File, marker: object, target: UploadTarget) => {
    const editor = getEditor();
    if (!isImageFile(file)) {
      removeUploadMarker(editor.view, marker);
      return status.announce(fillLabel(labels.imageTypeRefused, { name: file.name }), true);
    }
    status.showProgress(fillLabel(labels.uploading, { name: file.name }));
    try {
      const image = await uploadImage(file, target, labels, status.setProgress);
      status.hideProgress();
      status.announce(labels.uploaded, false);
      const details = await askImageDetails(labels, image, false);
      const pos = findUploadMarker(editor.state, marker);
      removeUploadMarker(editor.view, marker);
      if (details) {
        const attrs = { src: image.src, width: image.width, height: image.height, mediaId: image.id, ...details };
        insertFigure(editor, 'storyImage', attrs, pos ?? undefined);
      } else focusText(editor);
    } catch (error) {
      status.hideProgress();
      removeUploadMarker(editor.view, marker);
      status.announce(error instanceof Error ? error.message : String(error), true);
    }
  };
  return (files, pos) => {
    if (!target) return;
    for (const file of files) {
      const marker = addUploadMarker(getEditor().view, pos);
      queue = queue.then(() => uploadOne(file, marker, target));
    }
  };
}

/** Whether a file is one of the image types the endpoint takes. */
export const isImageFile = (file: File) => (IMAGE_TYPES as readonly string[]).includes(file.type);

/**
 * Sends one file as multipart/form-data (field `file`), reporting progress from 0 to 1.
 * Rejects with an Error whose message may be shown: the server's own, or a label.
 */
export function uploadImage(
  file: File,
  target: UploadTarget,
  labels: Labels,
  onProgress: (fraction: number) => void,
): Promise<UploadedImage> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', target.url);
    xhr.setRequestHeader('X-CSRF-Token', target.csrfToken);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      const body = parseJson(xhr.responseText);
      const image = xhr.status >= 200 && xhr.status < 300 ? toUploadedImage(body) : null;
      if (image) return resolve(image);
      reject(new Error(errorMessage(body) ?? fillLabel(labels.uploadFailed, { status: xhr.status })));
    });
    xhr.addEventListener('error', () => reject(new Error(labels.uploadOffline)));
    xhr.addEventListener('abort', () => reject(new Error(labels.uploadOffline)));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function errorMessage(body: unknown): string | null {
  const error = (body as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === 'string' && error.message ? error.message : null;
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

function toUploadedImage(body: unknown): UploadedImage | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (!isCount(b.id) || !isCount(b.width) || !isCount(b.height)) return null;
  if (typeof b.src !== 'string' || !isMediaPath(b.src)) return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    id: b.id,
    src: b.src,
    width: b.width,
    height: b.height,
    alt: text(b.alt),
    caption: text(b.caption),
    credit: text(b.credit),
  };
}

/** The place an upload will land, kept as a widget decoration that moves with the document. */
type MarkerMeta = { add: { id: object; pos: number } } | { remove: object };

const markers = new PluginKey<DecorationSet>('storyUploadMarkers');

/** The editor extension that keeps upload markers. */
export const UploadMarkers = Extension.create({
  name: 'storyUploadMarkers',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: markers,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            let next = set.map(tr.mapping, tr.doc);
            const meta = tr.getMeta(markers) as MarkerMeta | undefined;
            if (meta && 'add' in meta) {
              const widget = document.createElement('span');
              widget.className = 'rich-editor__upload-marker';
              widget.setAttribute('aria-hidden', 'true');
              next = next.add(tr.doc, [Decoration.widget(meta.add.pos, widget, { id: meta.add.id })]);
            } else if (meta) {
              next = next.remove(next.find(undefined, undefined, (spec) => spec.id === meta.remove));
            }
            return next;
          },
        },
        props: { decorations: (state) => markers.getState(state) },
      }),
    ];
  },
});

/** Marks `pos` as the place of an upload; returns the marker's handle. */
export function addUploadMarker(view: EditorView, pos: number): object {
  const id = {};
  view.dispatch(view.state.tr.setMeta(markers, { add: { id, pos } } satisfies MarkerMeta));
  return id;
}

/** Where a marker is now, or null if the text around it was deleted. */
export function findUploadMarker(state: EditorState, id: object): number | null {
  const found = markers.getState(state)?.find(undefined, undefined, (spec) => spec.id === id);
  return found?.[0]?.from ?? null;
}

/** Drops a marker. */
export function removeUploadMarker(view: EditorView, id: object): void {
  view.dispatch(view.state.tr.setMeta(markers, { remove: id } satisfies MarkerMeta));
}
