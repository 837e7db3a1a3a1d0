// The facts the media domain records: an image's id only (what it shows and who sent it stay in
// the media table).
declare module '../core/events/types.ts' {
  interface DomainEvents {
    /** An image was uploaded: its JPEG and WebP sizes are stored. */
    'media.created': { readonly mediaId: number };
    /**
     * An image's stored files changed (its AVIF sizes were added), or its alt text, caption or
     * credit defaults were edited: pages showing it are redrawn.
     */
    'media.updated': { readonly mediaId: number };
    /** An image no article, page or person used was deleted, with its files. */
    'media.deleted': { readonly mediaId: number };
  }
}

/** Every media event. */
export const MEDIA_EVENTS = ['media.created', 'media.updated', 'media.deleted'] as const;
