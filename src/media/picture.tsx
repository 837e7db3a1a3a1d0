// <picture> with AVIF (once made), WebP and JPEG sizes, fixed aspect ratio, lazy unless it is the page's top image.
import { hasFormat, imageUrl, type Image, type ImageFormat } from './image.ts';

/** Pictures kept rendered: a card's picture is the same on every page that shows the story. */
const KEPT = 2_000;
const rendered = new Map<string, string>();

/** A responsive image; `sizes` tells the browser how wide it is drawn. */
export function Picture(props: {
  image: Image;
  alt: string;
  sizes: string;
  isPriority?: boolean;
  class?: string;
}): JSX.Element {
  const { image } = props;
  // A stored image's files never change under its key (a new upload gets a new key; the AVIF
  // job only adds a format), so its markup depends on these props alone.
  const key = `${image.key}\u0000${image.widths.join(',')}\u0000${image.formats?.join(',') ?? ''}\u0000${image.width}x${image.height}\u0000${props.sizes}\u0000${props.class ?? ''}\u0000${props.isPriority ? 1 : 0}\u0000${props.alt}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = renderPicture(props);
    // Oldest first out: a Map iterates in insertion order.
    if (rendered.size >= KEPT) rendered.delete(rendered.keys().next().value!);
    rendered.set(key, html);
  }
  return html;
}

function renderPicture(props: Parameters<typeof Picture>[0]): string {
  const { image } = props;
  const srcset = (format: ImageFormat) => image.widths.map((w) => `${imageUrl(image, w, format)} ${w}w`).join(', ');
  const fallback = image.widths.find((w) => w >= 960) ?? image.widths[image.widths.length - 1] ?? image.width;
  return (
    <picture class={props.class}>
      {hasFormat(image, 'avif') && <source type="image/avif" srcset={srcset('avif')} sizes={props.sizes} />}
      <source type="image/webp" srcset={srcset('webp')} sizes={props.sizes} />
      <img
        src={imageUrl(image, fallback)}
        srcset={srcset('jpg')}
        sizes={props.sizes}
        width={image.width}
        height={image.height}
        alt={props.alt}
        loading={props.isPriority ? undefined : 'lazy'}
        decoding={props.isPriority ? undefined : 'async'}
        fetchpriority={props.isPriority ? 'high' : undefined}
      />
    </picture>
  ) as string;
}
