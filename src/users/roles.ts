// The staff roles, in order of reach (what each may do: src/newsroom/permissions.ts).
import type { Role } from '../core/db/schema.ts';

export const ROLES: readonly Role[] = ['admin', 'editor', 'author', 'contributor', 'integrity_officer'];
