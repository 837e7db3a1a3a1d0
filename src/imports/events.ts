// The facts the imports domain records. Codes only.

declare module '../core/events/types.ts' {
  interface DomainEvents {
    /** An import run into an edition finished; its old site's address is recorded (legacy_sites). */
    'import.finished': { readonly edition: string; readonly system: string };
  }
}

/** Every imports event. */
export const IMPORT_EVENTS = ['import.finished'] as const;
