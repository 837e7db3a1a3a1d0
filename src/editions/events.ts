// The fact the editions domain records.
declare module '../core/events/types.ts' {
  interface DomainEvents {
    /** An edition was added or its name, locale, direction, order or active flag changed. */
    'edition.changed': { readonly code: string };
  }
}

export {};
