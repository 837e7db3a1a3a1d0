// The facts the users domain records. A user id only: names and e-mails stay in the users table.
declare module '../core/events/types.ts' {
  interface DomainEvents {
    'author.created': { readonly userId: number };
    /** Name, slug, bio or photo changed: pages and the search index show them. */
    'author.updated': { readonly userId: number };
  }
}

/** Every users event. */
export const AUTHOR_EVENTS = ['author.created', 'author.updated'] as const;
