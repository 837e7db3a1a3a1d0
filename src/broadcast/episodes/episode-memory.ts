// What other pages need of episodes, kept in each process's memory so that they run no query:
// the published episodes linking to each article (the article page's "Listen"), and the times
// scheduled episodes appear (the page cache keeps no page past them). Reloaded on the events
// that change either (every process hears them), never per request; a scheduled episode whose
// time comes needs no reload, as each link carries its publication time.
import type { Kysely } from 'kysely';
import { toDate, toDbTime } from '../../core/db/dialect.ts';
import type { Database } from '../../core/db/schema.ts';
import type { ListenLink } from './queries.ts';

/** Links kept at most (the newest): far more than a site links, bounded all the same. */
const MAX_LINKS = 20_000;
/** Scheduled episodes kept at most. */
const MAX_SCHEDULED = 1_000;

interface KeptLink extends ListenLink {
  readonly at: number;
}

/** The episodes' links and schedule, loaded by `reload`. */
export class EpisodeMemory {
  #links = new Map<number, KeptLink[]>();
  #scheduled: { edition: string; at: Date }[] = [];
  #loading: Promise<void> | undefined;
  #isDirty = false;

  constructor(private readonly db: Kysely<Database>) {}

  /** Loads again (after a change); concurrent calls share one load, and a call during one loads once more. */
  reload(now: Date): Promise<void> {
    this.#isDirty = true;
    this.#loading ??= this.#load(now).finally(() => (this.#loading = undefined));
    return this.#loading;
  }

  /** Resolves when no load is running. */
  async settled(): Promise<void> {
    while (this.#loading) await this.#loading;
  }

  /** The published episodes linking to an article, newest first (at most `limit`). */
  linksOf(articleId: number, now: Date, limit = 3): ListenLink[] {
    const list = this.#links.get(articleId);
    if (!list) return [];
    return list.filter((l) => l.at <= now.getTime()).slice(0, limit);
  }

  /** The times after `now` at which an edition's scheduled episodes appear. */
  scheduledAfter(now: Date): { edition: string; at: Date }[] {
    return this.#scheduled.filter((s) => s.at > now);
  }

  async #load(now: Date): Promise<void> {
    while (this.#isDirty) {
      this.#isDirty = false;
      const [links, scheduled] = await Promise.all([
        this.db
          .selectFrom('episode_articles as ea')
          .innerJoin('episodes as e', 'e.id', 'ea.episode_id')
          .innerJoin('programs as p', 'p.id', 'e.program_id')
          .select(['ea.article_id', 'e.edition', 'p.slug as programSlug', 'e.slug', 'e.title', 'e.published_at'])
          .where('e.status', '=', 'published')
          .where('e.published_at', 'is not', null)
          .orderBy('e.published_at', 'desc')
          .limit(MAX_LINKS)
          .execute(),
        this.db
          .selectFrom('episodes')
          .select(['edition', 'published_at'])
          .where('status', '=', 'published')
          .where('published_at', '>', toDbTime(now))
          .orderBy('published_at')
          .limit(MAX_SCHEDULED)
          .execute(),
      ]);
      const byArticle = new Map<number, KeptLink[]>();
      for (const row of links) {
        const list = byArticle.get(row.article_id) ?? [];
        list.push({
          edition: row.edition,
          programSlug: row.programSlug,
          slug: row.slug,
          title: row.title,
          at: toDate(row.published_at!).getTime(),
        });
        byArticle.set(row.article_id, list);
      }
      this.#links = byArticle;
      this.#scheduled = scheduled.map((s) => ({ edition: s.edition, at: toDate(s.published_at!) }));
    }
  }
}
