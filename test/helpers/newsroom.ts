// Signed-in newsroom users for tests: an account of a role, a live session (made directly, as
// the sign-in route would, without an argon2 hash per test), and the headers its requests carry.
// For browser tests: an account with a real password, signing in through the form, the app
// served on 127.0.0.1, and a page's script errors and CSP violations collected.
import type { BrowserContext, Page } from 'playwright-core';
import type { Role, UserRow } from '../../src/core/db/schema.ts';
import { createSession, hashToken } from '../../src/accounts/sessions.ts';
import { addUser, createUser } from '../../src/users/index.ts';
import type { TestApp } from './app.ts';
import { writerFor } from './writer.ts';

export interface SignedIn {
  readonly user: UserRow;
  /** The session cookie, for `headers.cookie`. */
  readonly cookie: string;
  readonly csrfToken: string;
  /** Headers of a same-origin request from this user (add `x-csrf-token` for JSON posts). */
  readonly headers: Record<string, string>;
}

let counter = 0;

/** A user of `role` (working in `editions`, every edition by default) with a live session. */
export async function signedIn(t: TestApp, role: Role, editions?: readonly string[]): Promise<SignedIn> {
  const n = ++counter;
  const all = (await t.db.selectFrom('editions').select('code').execute()).map((e) => e.code);
  const user = await addUser(writerFor(t.db), {
    email: `${role}-${n}@warta.test`,
    displayName: `${role} ${n}`,
    slug: `${role.replace('_', '-')}-${n}`,
    role,
    // Never a hash anyone can match: these users sign in through the session made below.
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$invalid',
    editions: role === 'admin' ? [] : (editions ?? all),
  });
  const token = await createSession(t.db, user.id, 'active', t.app.ctx.now());
  const row = await t.db
    .selectFrom('staff_sessions')
    .select('csrf_token')
    .where('id_hash', '=', hashToken(token))
    .executeTakeFirstOrThrow();
  const cookie = `${sessionCookie(t)}=${token}`;
  return {
    user,
    cookie,
    csrfToken: row.csrf_token,
    headers: { cookie, origin: new URL(t.config.baseUrl).origin },
  };
}

/** The session cookie's name for the test app's base URL (https: `__Host-` prefixed). */
export function sessionCookie(t: TestApp): string {
  return new URL(t.config.baseUrl).protocol === 'https:' ? '__Host-warta_session' : 'warta_session';
}

/** A form body with the user's token. */
export function form(who: SignedIn | { csrfToken: string }, fields: Record<string, string> = {}): string {
  return new URLSearchParams({ _csrf: who.csrfToken, ...fields }).toString();
}

/** Posts a newsroom form as `who`, with their form token. */
export function postForm(t: TestApp, who: SignedIn, url: string, fields: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...who.headers, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(who, fields),
  });
}

/**
 * Makes every request of a browser context carry `who`'s session. A header, not a stored cookie:
 * the browser refuses the site's Secure `__Host-` cookie for the tests' plain-http server.
 */
export async function browseAs(context: BrowserContext, who: SignedIn): Promise<void> {
  await context.setExtraHTTPHeaders({ cookie: who.cookie });
}

/**
 * Newsroom pages fetched as `who`, or signed out (null), for the Nu HTML Checker; each must
 * answer 200 with HTML.
 */
export async function fetchAs(
  who: SignedIn | null,
  baseUrl: string,
  paths: readonly string[],
): Promise<{ url: string; html: string }[]> {
  const documents: { url: string; html: string }[] = [];
  for (const path of paths) {
    const url = new URL(path, baseUrl).href;
    const response = await fetch(url, {
      headers: who ? { cookie: who.cookie } : {},
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    const type = response.headers.get('content-type') ?? '';
    if (response.status !== 200 || !type.startsWith('text/html'))
      throw new Error(`${url} answered ${response.status} with ${type || 'no content type'}, not a page`);
    documents.push({ url, html: await response.text() });
  }
  return documents;
}

/** The password of accounts made by `staffWithPassword` (long, not a common one). */
export const STAFF_PASSWORD = 'quay-lanterns-at-dawn-2026';

/** A staff account with a real argon2id password, to sign in through the form. */
export function staffWithPassword(t: TestApp, role: Role, name: string): Promise<UserRow> {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@warta.test`;
  return createUser(t.app.ctx.writer, { email, name, role, password: STAFF_PASSWORD });
}

/** Serves the test app on a free port of 127.0.0.1; resolves with its address. */
export async function serveOnLoopback(t: TestApp): Promise<string> {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * Signs in through the sign-in form (the session cookie is the site's `__Host-` one: Chromium
 * keeps a Secure cookie from http://127.0.0.1) and waits until the newsroom is shown.
 */
export async function signInWithForm(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/newsroom`);
  await page.waitForURL(/\/newsroom\/sign-in\?next=/);
  await page.getByRole('textbox', { name: 'E-mail address' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${baseUrl}/newsroom`);
}

/**
 * Collects what a page must never show: script errors, console errors and Content-Security-Policy
 * violations. `expected` console texts (a 404 under test) are left out. Call before `goto`.
 */
export async function watchProblems(page: Page, expected: readonly RegExp[] = []): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected.some((re) => re.test(message.text()))) problems.push(message.text());
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(
        `CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      ),
    ),
  );
  return problems;
}
