// The editor's words. The server renders the edition's translations as JSON in the textarea's
// data-labels attribute; any key it leaves out (or a missing or broken attribute) falls back
// to the English set here, so a new key never shows up blank.

/** Every label the editor uses, in English. `{name}` and `{status}` are filled in at run time. */
export const DEFAULT_LABELS = {
  toolbar: 'Text formatting',
  editor: 'Story text',
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  strike: 'Strikethrough',
  paragraph: 'Paragraph',
  heading2: 'Heading 2',
  heading3: 'Heading 3',
  heading4: 'Heading 4',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  blockquote: 'Quote',
  link: 'Link',
  image: 'Image',
  audio: 'Audio',
  embed: 'Video or post',
  undo: 'Undo',
  redo: 'Redo',
  save: 'Save',
  cancel: 'Cancel',
  edit: 'Edit',
  remove: 'Remove',
  linkTitle: 'Link',
  linkUrl: 'Address (https://, mailto: or tel:)',
  linkInvalid: 'Enter an address that starts with https://, http://, mailto: or tel:.',
  linkRemove: 'Remove link',
  imageTitle: 'Describe the image',
  imageAlt: 'Alternative text',
  imageAltHint: 'What the image shows, for readers who cannot see it.',
  imageAltRequired: 'Describe the image, or mark it as decorative.',
  imageDecorative: 'Decorative image (no description needed)',
  imageTypeRefused: '“{name}” is not a JPEG, PNG, WebP, AVIF or GIF image.',
  caption: 'Caption',
  credit: 'Credit',
  uploading: 'Uploading “{name}”',
  uploaded: 'Image uploaded.',
  uploadFailed: 'The upload failed ({status}). Please try again.',
  uploadOffline: 'The upload did not reach the server. Check the connection and try again.',
  audioTitle: 'Audio',
  audioUrl: 'Audio address (https:// or /media/)',
  audioInvalid: 'Enter an https:// address or a /media/ path.',
  embedTitle: 'Video or post',
  embedUrl: 'Address of the video or post',
  embedHint: 'YouTube, X, Instagram or Facebook.',
  embedInvalid: 'This address is not a YouTube video or a post on X, Instagram or Facebook.',
  decorative: 'Decorative',
  youtube: 'YouTube',
  x: 'X',
  instagram: 'Instagram',
  facebook: 'Facebook',
} as const;

/** A label's name. */
export type LabelKey = keyof typeof DEFAULT_LABELS;

/** A complete set of labels. */
export type Labels = Record<LabelKey, string>;

/** The labels in `data-labels` over the English defaults; unknown keys and non-strings are ignored. */
export function readLabels(element: HTMLElement): Labels {
  const labels: Labels = { ...DEFAULT_LABELS };
  let given: unknown;
  try {
    given = JSON.parse(element.dataset.labels ?? '{}');
  } catch {
    return labels;
  }
  if (!given || typeof given !== 'object') return labels;
  for (const [key, value] of Object.entries(given)) {
    if (key in labels && typeof value === 'string' && value !== '') labels[key as LabelKey] = value;
  }
  return labels;
}

/** A label with its `{placeholders}` filled in. */
export function fillLabel(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
