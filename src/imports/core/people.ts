// Authors of an import: people with no password, who cannot sign in until an administrator
// invites them (a password reset link), made through the users' commands. A person already on
// the site with the same e-mail is linked rather than made twice (one reporter, two editions).
import { slugify } from '../../core/text/slug.ts';
import { addUser, findUserByEmail, updateAuthor } from '../../users/index.ts';
import { hashOf, listLinks, recordLink } from './ledger.ts';
import type { ImportRun } from './run.ts';
import type { ImportedAuthor } from './types.ts';

/** Imports the authors; returns their user ids by source id (0 for new ones in a dry run). */
export async function importAuthors(run: ImportRun, authors: readonly ImportedAuthor[]): Promise<Map<string, number>> {
  const links = await listLinks(run.w.db, run.scope, 'user');
  const ids = new Map<string, number>();
  for (const author of authors) {
    const hash = hashOf({ name: author.name, email: author.email, bio: author.bio });
    const link = links.get(author.sourceId);
    const exists =
      link && (await run.w.db.selectFrom('users').select('id').where('id', '=', link.targetId).executeTakeFirst());
    if (link && exists) {
      ids.set(author.sourceId, link.targetId);
      if (link.sourceHash === hash) {
        run.count('author', 'unchanged');
        continue;
      }
      run.count('author', 'updated');
      if (run.isDryRun) continue;
      await run.w.db.transaction().execute(async (trx) => {
        const item = run.inTransaction(trx);
        await updateAuthor(item.w, link.targetId, { displayName: name(author), bio: author.bio.slice(0, 5000) });
        await recordLink(
          trx,
          run.scope,
          'user',
          author.sourceId,
          { targetId: link.targetId, sourceHash: hash },
          run.now,
        );
      });
      await run.w.events.afterCommit();
      continue;
    }
    run.count('author', 'created');
    if (run.isDryRun) {
      ids.set(author.sourceId, 0);
      continue;
    }
    const email = addressOf(author, run.scope.edition, run.source.system);
    const id = await run.w.db.transaction().execute(async (trx) => {
      const item = run.inTransaction(trx);
      const known = await findUserByEmail(trx, email);
      if (known) run.warn(`user ${author.sourceId}`, `linked to the person already on the site with ${email}`);
      const userId =
        known?.id ??
        (
          await addUser(item.w, {
            email,
            displayName: name(author),
            slug: await freeSlug(item, slugify(author.name || 'author')),
            role: 'author',
            passwordHash: null,
            bio: author.bio.slice(0, 5000),
            editions: [run.scope.edition],
          })
        ).id;
      await recordLink(trx, run.scope, 'user', author.sourceId, { targetId: userId, sourceHash: hash }, run.now);
      run.commit(item);
      return userId;
    });
    await run.w.events.afterCommit();
    ids.set(author.sourceId, id);
  }
  return ids;
}

const EDITORIAL_TEAM = 'Editorial team';

/**
 * The edition's "Editorial team" author, for stories whose writer is gone at the source and who
 * carry no byline: made once per edition (found again by its address), in the caller's transaction.
 */
export async function editorialTeam(run: ImportRun): Promise<number> {
  const email = `editorial-team.${run.scope.edition}@imported.invalid`;
  const known = await findUserByEmail(run.w.db, email);
  if (known) return known.id;
  run.countOnce('author', 'editorial-team', 'created');
  if (run.isDryRun) return 0;
  const row = await addUser(run.w, {
    email,
    displayName: EDITORIAL_TEAM,
    slug: await freeSlug(run, slugify(`${EDITORIAL_TEAM} ${run.scope.edition}`)),
    role: 'author',
    passwordHash: null,
    editions: [run.scope.edition],
  });
  return row.id;
}

function name(author: ImportedAuthor): string {
  return (author.name.trim() || `Author ${author.sourceId}`).slice(0, 120);
}

/** The source's address, or one that can never receive mail (RFC 2606 .invalid) when it has none. */
function addressOf(author: ImportedAuthor, edition: string, system: string): string {
  const email = author.email?.trim().toLowerCase() ?? '';
  if (/^[^\s@]+@[^\s@]+$/.test(email) && email.length <= 320) return email;
  return `${system}-user-${slugify(author.sourceId)}.${edition}@imported.invalid`;
}

/** A slug no other person has: the name's, else with -2, -3 … */
async function freeSlug(run: ImportRun, base: string): Promise<string> {
  const taken = new Set(
    (await run.w.db.selectFrom('users').select('slug').where('slug', 'like', `${base}%`).execute()).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
