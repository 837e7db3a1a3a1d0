// The facts the redirects domain records: a redirect added, changed or deleted by hand in the
// newsroom. Ids and paths only. (An imported site's old address is the imports domain's
// `import.finished`.)

/** Which redirect, from which old path (its first segment scopes the purge of cached answers). */
export interface RedirectFact {
  readonly redirectId: number;
  readonly fromPath: string;
  /** The edition the redirect belongs to, when it belongs to one. */
  readonly edition: string | null;
  /** The old path before a change of it (it no longer redirects). */
  readonly formerFromPath?: string;
}

declare module '../core/events/types.ts' {
  interface DomainEvents {
    'redirect.created': RedirectFact;
    'redirect.changed': RedirectFact;
    'redirect.deleted': RedirectFact;
  }
}

/** Every event that changes where an old address leads. */
export const REDIRECT_EVENTS = ['redirect.created', 'redirect.changed', 'redirect.deleted'] as const;
