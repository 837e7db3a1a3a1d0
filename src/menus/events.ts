// The fact the menus domain records.
declare module '../core/events/types.ts' {
  interface DomainEvents {
    /** An edition's named menu (e.g. "main") was replaced. */
    'menu.changed': { readonly edition: string; readonly name: string };
  }
}

export {};
