// A breaking-news banner as the rest of the domain sees it, mapped from its row in one place.
import { toDate, toDateOrNull } from '../core/db/dialect.ts';
import type { BreakingBannersTable } from '../core/db/schema.ts';
import type { Selectable } from 'kysely';

/** Most characters a banner's text may have. */
export const MAX_TEXT_LENGTH = 200;

/** A banner: live from `startsAt` until `expiresAt`, unless `endedAt` came first. */
export interface Banner {
  readonly id: number;
  readonly edition: string;
  readonly text: string;
  /** A path of this site or an https URL; null: the banner links nowhere. */
  readonly link: string | null;
  readonly startsAt: Date;
  readonly expiresAt: Date;
  readonly createdBy: number | null;
  readonly createdAt: Date;
  readonly endedAt: Date | null;
}

/** Maps a row (text times on SQLite, Dates on PostgreSQL). */
export function toBanner(row: Selectable<BreakingBannersTable>): Banner {
  return {
    id: row.id,
    edition: row.edition,
    text: row.text,
    link: row.link,
    startsAt: toDate(row.starts_at),
    expiresAt: toDate(row.expires_at),
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    endedAt: toDateOrNull(row.ended_at),
  };
}

/** Whether a banner shows at `now`. */
export function isLive(banner: Banner, now: Date): boolean {
  const at = now.getTime();
  return banner.endedAt === null && banner.startsAt.getTime() <= at && at < banner.expiresAt.getTime();
}
