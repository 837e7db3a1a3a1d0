// The facts the static page tree records.
declare module '../core/events/types.ts' {
  interface DomainEvents {
    'page.created': { readonly pageId: number; readonly edition: string };
    'page.updated': { readonly pageId: number; readonly edition: string };
    'page.deleted': { readonly pageId: number; readonly edition: string };
  }
}

/** Every page event. */
export const PAGE_EVENTS = ['page.created', 'page.updated', 'page.deleted'] as const;
