// Search words change for two kinds of text (issue 12, src/search/text.ts): Chinese and Japanese
// are indexed by their characters and pairs of characters instead of the segmenter's words, and
// ß, œ and æ are folded to ss, oe and ae. The stories whose index rows hold either are indexed
// again; every other row is already what the new rules write. The rows are read in pages by
// article id, so a large archive is never held in memory at once.
import type { Kysely } from 'kysely';
import type { Database } from '../src/core/db/schema.ts';
import { indexArticles } from '../src/search/index.ts';

/** Text the old rules indexed differently: CJK characters, or the letters now folded to two. */
const CHANGED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3005\u3006\u30fc]|[ßœæ]/u;
const PAGE = 500;

export async function up(db: Kysely<any>): Promise<void> {
  const typed = db as Kysely<Database>;
  const changed: number[] = [];
  for (let after = 0; ;) {
    const rows = await typed
      .selectFrom('article_search')
      .select(['article_id', 'title', 'summary', 'body', 'meta'])
      .where('article_id', '>', after)
      .orderBy('article_id')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) if (CHANGED.test(`${r.title} ${r.summary} ${r.body} ${r.meta}`)) changed.push(r.article_id);
    after = rows[rows.length - 1]!.article_id;
  }
  await indexArticles(typed, changed);
}

export async function down(): Promise<void> {
  // The old rules' rows would only be less findable; nothing to undo in the schema.
}
