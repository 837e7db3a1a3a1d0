// <picture> with WebP and JPEG sizes, fixed aspect ratio, lazy unless it is the page's top image.
import { imageUrl, type Image } from './image.ts';

/** A responsive image; `sizes` tells the browser how wide it is drawn. */
export function Picture(props: {
  image: Image;
  alt: string;
  sizes: string;
  isPriority?: boolean;
  class?: string;
}): JSX.Element {
  const { image } = props;
  const srcset = (format: 'jpg' | 'webp') => image.widths.map((w) => `${imageUrl(image, w, format)} ${w}w`).join(', ');
  const fallback = image.widths.find((w) => w >= 960) ?? image.widths[image.widths.length - 1] ?? image.width;
  return (
    <picture class={props.class}>
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
  );
}
