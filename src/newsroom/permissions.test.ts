// The role matrix as `can` answers it: each role × each action, on a thing of the user's own
// edition, owned by them or by someone else. The HTTP matrix (test/newsroom-roles.test.ts)
// checks that the routes ask the same question.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../core/db/schema.ts';
import { ACTIONS, can, type Action, type Staff } from './permissions.ts';

const ROLES: readonly Role[] = ['admin', 'editor', 'author', 'contributor', 'integrity_officer'];
const ME = 7;

function staff(role: Role, editions: readonly string[] = ['en']): Staff {
  return { id: ME, email: 'x@warta.test', displayName: 'X', role, editions, csrfToken: 't', twoFactorEnabled: false };
}

// Y: allowed, n: refused. Columns: admin, editor, author, contributor, integrity officer.
const OWN_DRAFT: Readonly<Record<Action, string>> = {
  'dashboard.view': 'YYYYn',
  'article.create': 'YYYYn',
  'article.edit': 'YYYYn',
  'article.submit': 'YYYYn',
  'article.publish': 'YYYnn',
  'article.delete': 'YYYYn',
  'article.review': 'YYnnn',
  'media.upload': 'YYYYn',
  'media.manage': 'YYnnn',
  'taxonomy.manage': 'YYnnn',
  'pages.manage': 'YYnnn',
  'menus.manage': 'YYnnn',
  'banner.manage': 'YYnnn',
  'broadcast.manage': 'YYnnn',
  'episode.manage': 'YYYnn',
  'users.manage': 'Ynnnn',
  'editions.manage': 'Ynnnn',
  'settings.manage': 'Ynnnn',
  'audit.view': 'Ynnnn',
  'integrity.inbox': 'YnnnY',
  'integrity.manage': 'YYnnY',
  // issue 11: API keys and webhooks
  'apikeys.manage': 'Ynnnn',
  'webhooks.manage': 'Ynnnn',
  // issue 11: redirects
  'redirects.manage': 'YYnnn',
};

const row = (pattern: string) => ROLES.map((_, i) => pattern[i] === 'Y');

test('every action is in the matrix', () => {
  assert.deepEqual(Object.keys(OWN_DRAFT).sort(), [...ACTIONS].sort());
});

test("on one's own draft in one's own edition", () => {
  for (const action of ACTIONS) {
    const expected = row(OWN_DRAFT[action]);
    ROLES.forEach((role, i) => {
      assert.equal(
        can(staff(role), action, { edition: 'en', ownerId: ME, status: 'draft' }),
        expected[i],
        `${role} ${action}`,
      );
    });
  }
});

test("on someone else's story: only editors and admins edit, publish or delete it", () => {
  const theirs = { edition: 'en', ownerId: 99, status: 'published' };
  for (const action of [
    'article.edit',
    'article.publish',
    'article.delete',
    'article.submit',
    'media.upload',
  ] as const) {
    assert.deepEqual(
      ROLES.map((role) => can(staff(role), action, theirs)),
      [true, true, false, false, false],
      action,
    );
  }
});

test('a contributor edits their own story only while it is a draft or in review', () => {
  const contributor = staff('contributor');
  assert.equal(can(contributor, 'article.edit', { edition: 'en', ownerId: ME, status: 'review' }), true);
  assert.equal(can(contributor, 'article.edit', { edition: 'en', ownerId: ME, status: 'published' }), false);
  assert.equal(can(contributor, 'media.upload', { edition: 'en', ownerId: ME, status: 'published' }), false);
  assert.equal(can(staff('author'), 'article.edit', { edition: 'en', ownerId: ME, status: 'published' }), true);
});

test('outside their editions nobody but an admin may do anything', () => {
  for (const action of ACTIONS) {
    for (const role of ['editor', 'author', 'contributor'] as const) {
      assert.equal(
        can(staff(role, ['id']), action, { edition: 'en', ownerId: ME, status: 'draft' }),
        false,
        `${role} ${action}`,
      );
    }
    assert.equal(can(staff('admin', []), action, { edition: 'en' }), true, action);
  }
});

test('integrity: officers and admins read reports, never editors; officers keep documents in every edition', () => {
  const officer = staff('integrity_officer', []);
  assert.equal(can(officer, 'integrity.inbox'), true);
  assert.equal(can(officer, 'integrity.manage', { edition: 'ar' }), true);
  for (const action of ACTIONS.filter((a) => !a.startsWith('integrity.')))
    assert.equal(can(officer, action, { edition: 'en' }), false, action);
  assert.equal(can(staff('editor'), 'integrity.inbox', { edition: 'en' }), false);
  assert.equal(can(staff('editor', ['id']), 'integrity.manage', { edition: 'en' }), false);
});
