// The facts the users domain records. A user id only: names and e-mails stay in the users table.
import type { Role } from '../core/db/schema.ts';

declare module '../core/events/types.ts' {
  interface DomainEvents {
    'author.created': { readonly userId: number };
    /** Name, slug, bio or photo changed: pages and the search index show them. */
    'author.updated': { readonly userId: number };
    /** A newsroom password was set or changed (by its owner, a reset, or the CLI). */
    'user.password_changed': { readonly userId: number };
    /** An administrator gave a person another role. */
    'user.role_changed': { readonly userId: number; readonly role: Role };
    /** The editions a person works in changed. */
    'user.editions_changed': { readonly userId: number };
    /** A person can no longer sign in (their sessions ended with it). */
    'user.deactivated': { readonly userId: number };
    'user.reactivated': { readonly userId: number };
  }
}

/** Every users event. */
export const AUTHOR_EVENTS = ['author.created', 'author.updated'] as const;
