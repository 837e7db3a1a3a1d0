// The editor's dialogs: a link's address, an image's description, an audio clip and an embed,
// each with the check the server's sanitiser would apply, so nothing it strips is ever inserted.
import { askInDialog } from './dialogs.ts';
import { detectEmbed, type EmbedProvider } from './embed-provider.ts';
import type { Labels } from './labels.ts';

/** What a story image's dialog edits. */
export interface ImageDetails {
  alt: string;
  caption: string;
  credit: string;
}

/** An audio clip's address and caption. */
export interface AudioDetails {
  src: string;
  caption: string;
}

/** An embedded post: where it lives, whose it is, and its caption. */
export interface EmbedDetails {
  provider: EmbedProvider;
  url: string;
  caption: string;
}

/** Whether a link target is an http(s) address with a host, a mailto: address or a tel: number. */
export function isLinkAddress(address: string): boolean {
  if (/^mailto:[^\s@]+@[^\s@]+$/i.test(address)) return true;
  if (/^tel:\+?[\d().\- ]{3,}$/i.test(address)) return true;
  return isWebAddress(address, ['http:', 'https:']);
}

/** Whether an audio source is a path under /media/ or an https address. */
export function isAudioSource(src: string): boolean {
  return isMediaPath(src) || isWebAddress(src, ['https:']);
}

/** Whether a path is one of our media files: plain segments under /media/, never "..". */
export function isMediaPath(src: string): boolean {
  return /^\/media\/[\w-][\w.-]*(?:\/[\w-][\w.-]*)*$/.test(src) && !src.includes('..');
}

function isWebAddress(address: string, protocols: readonly string[]): boolean {
  if (/\s/.test(address)) return false;
  try {
    const url = new URL(address);
    return protocols.includes(url.protocol) && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
}

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : '');

/** Asks for a link's address; `remove` when the author asked to unlink. */
export async function askLink(labels: Labels, href: string): Promise<{ href: string } | 'remove' | null> {
  const answer = await askInDialog({
    title: labels.linkTitle,
    submit: labels.save,
    cancel: labels.cancel,
    extra: href ? labels.linkRemove : undefined,
    fields: [{ name: 'href', label: labels.linkUrl, type: 'url', value: href, isRequired: true }],
    check: (values) => (isLinkAddress(text(values.href)) ? null : { field: 'href', message: labels.linkInvalid }),
  });
  if (!answer) return null;
  return answer.isExtra ? 'remove' : { href: text(answer.values.href) };
}

/** Asks for an image's alt text (unless decorative), caption and credit. */
export async function askImageDetails(
  labels: Labels,
  details: ImageDetails,
  isDecorative: boolean,
): Promise<ImageDetails | null> {
  const answer = await askInDialog({
    title: labels.imageTitle,
    submit: labels.save,
    cancel: labels.cancel,
    fields: [
      {
        name: 'alt',
        label: labels.imageAlt,
        type: 'text',
        value: details.alt,
        hint: labels.imageAltHint,
        isRequired: true,
      },
      { name: 'decorative', label: labels.imageDecorative, type: 'checkbox', value: isDecorative, disables: 'alt' },
      { name: 'caption', label: labels.caption, type: 'text', value: details.caption },
      { name: 'credit', label: labels.credit, type: 'text', value: details.credit },
    ],
    check: (values) =>
      values.decorative || text(values.alt) ? null : { field: 'alt', message: labels.imageAltRequired },
  });
  if (!answer) return null;
  const { values } = answer;
  return {
    alt: values.decorative ? '' : text(values.alt),
    caption: text(values.caption),
    credit: text(values.credit),
  };
}

/** Asks for an audio clip's address and caption. */
export async function askAudio(labels: Labels, details?: AudioDetails): Promise<AudioDetails | null> {
  const answer = await askInDialog({
    title: labels.audioTitle,
    submit: labels.save,
    cancel: labels.cancel,
    fields: [
      { name: 'src', label: labels.audioUrl, type: 'url', value: details?.src ?? '', isRequired: true },
      { name: 'caption', label: labels.caption, type: 'text', value: details?.caption ?? '' },
    ],
    check: (values) => (isAudioSource(text(values.src)) ? null : { field: 'src', message: labels.audioInvalid }),
  });
  return answer && { src: text(answer.values.src), caption: text(answer.values.caption) };
}

/** Asks for a post's or video's address (a known provider's) and a caption. */
export async function askEmbed(labels: Labels, details?: EmbedDetails): Promise<EmbedDetails | null> {
  const answer = await askInDialog({
    title: labels.embedTitle,
    submit: labels.save,
    cancel: labels.cancel,
    fields: [
      {
        name: 'url',
        label: labels.embedUrl,
        type: 'url',
        value: details?.url ?? '',
        hint: labels.embedHint,
        isRequired: true,
      },
      { name: 'caption', label: labels.caption, type: 'text', value: details?.caption ?? '' },
    ],
    check: (values) => (detectEmbed(text(values.url)) ? null : { field: 'url', message: labels.embedInvalid }),
  });
  const embed = answer && detectEmbed(text(answer.values.url));
  return embed && { ...embed, caption: text(answer?.values.caption) };
}
