// Who may do what in the newsroom: one table of rules, checked on the server by every route and
// action (permissions.test.ts checks each role against each action). Views ask the same
// function which links and buttons to show, so a page never offers what the server refuses.
import type { Role } from '../core/db/schema.ts';

/** A signed-in newsroom user, as routes see them. */
export interface Staff {
  readonly id: number;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  /** Editions this user works in (admins: every edition). */
  readonly editions: readonly string[];
  /** The session's form token (hidden field `_csrf` or header `X-CSRF-Token`). */
  readonly csrfToken: string;
  readonly twoFactorEnabled: boolean;
}

/** Everything a user can be allowed to do; each route names the action it needs. */
export const ACTIONS = [
  'dashboard.view',
  'article.create',
  'article.edit',
  'article.submit',
  'article.publish',
  'article.delete',
  'article.review',
  'media.upload',
  'media.manage',
  'taxonomy.manage',
  'pages.manage',
  'menus.manage',
  'banner.manage',
  'broadcast.manage',
  'episode.manage',
  'users.manage',
  'editions.manage',
  'settings.manage',
  'audit.view',
  'integrity.inbox',
  'integrity.manage',
  // issue 11: the public API's keys and webhooks (administrators only)
  'apikeys.manage',
  'webhooks.manage',
  // issue 11: redirects (old addresses; editors in their editions, administrators everywhere)
  'redirects.manage',
] as const;

export type Action = (typeof ACTIONS)[number];

/** What an action is about, when it is about one thing (an article, an edition's menu …). */
export interface Resource {
  readonly edition?: string;
  /** The user who created the article (ownership). */
  readonly ownerId?: number | null;
  readonly status?: string;
}

const WRITERS: readonly Role[] = ['admin', 'editor', 'author', 'contributor'];

/**
 * Whether `staff` may do `action` (on `resource`, when given). Without a resource the answer
 * is "in some edition, on something": enough to show a menu entry; the route asks again with
 * the thing itself.
 */
export function can(staff: Staff, action: Action, resource: Resource = {}): boolean {
  const { role } = staff;
  // Reports are read by integrity officers and admins only: never by an edition's editors.
  if (action === 'integrity.inbox') return role === 'integrity_officer' || role === 'admin';
  if (role === 'admin') return true;
  // Officers keep the integrity zone's public side (documents, survey) in every edition.
  if (role === 'integrity_officer') return action === 'integrity.manage';
  const inEdition = resource.edition === undefined || staff.editions.includes(resource.edition);
  if (!inEdition) return false;
  const owns = resource.ownerId === undefined || resource.ownerId === staff.id;
  switch (action) {
    case 'dashboard.view':
    case 'article.create':
      return WRITERS.includes(role);
    case 'article.edit':
    case 'media.upload':
      if (role === 'editor') return true;
      if (role === 'author') return owns;
      // A contributor works on their own drafts (and sends them back from review by editing).
      return owns && (resource.status === undefined || resource.status === 'draft' || resource.status === 'review');
    case 'article.submit':
      return role === 'editor' || owns;
    case 'article.publish':
      return role === 'editor' || (role === 'author' && owns);
    case 'article.delete':
      // Authors and contributors may throw away their own drafts; published work is an editor's call.
      return role === 'editor' || (owns && (resource.status === undefined || resource.status === 'draft'));
    case 'article.review':
    case 'media.manage':
    case 'taxonomy.manage':
    case 'pages.manage':
    case 'menus.manage':
    case 'banner.manage':
    case 'broadcast.manage': // channels, programs, the schedule and picks, like sections
    case 'integrity.manage': // an edition's editors keep its integrity documents and survey too
    case 'redirects.manage': // issue 11: redirects
      return role === 'editor';
    // Episodes: editors, and authors (a program's producer uploads its shows).
    case 'episode.manage':
      return role === 'editor' || role === 'author';
    case 'users.manage':
    case 'editions.manage':
    case 'settings.manage':
    case 'audit.view':
    case 'apikeys.manage':
    case 'webhooks.manage':
      return false;
  }
}
