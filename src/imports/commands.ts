// Writing what an import leaves besides content: the old site's address, which the redirects
// resolve old URLs under (`/{base path}/index.php/component/k2/item/{id}-{alias}` …).
import { toDbTime } from '../core/db/dialect.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import type { ImportSystem } from './core/types.ts';
import './events.ts';

/** An old site's address as given ('https://old.example/english/'): base URL and path prefix. */
export function parseBaseUrl(baseUrl: string): { baseUrl: string; basePath: string } {
  const url = new URL(baseUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('the base URL must be http or https');
  const basePath = url.pathname.replace(/\/+$/, '');
  return { baseUrl: `${url.origin}${basePath}`, basePath };
}

/** Records (or updates) an edition's old site and the time of its last import run (import.finished). */
export async function recordLegacySite(
  w: WriteContext,
  site: { edition: string; system: ImportSystem; baseUrl: string | undefined },
): Promise<void> {
  const parsed = site.baseUrl ? parseBaseUrl(site.baseUrl) : undefined;
  await runCommand(w, async (trx, emit) => {
    const at = toDbTime(w.now());
    const known = await trx
      .selectFrom('legacy_sites')
      .select('base_url')
      .where('edition', '=', site.edition)
      .where('system', '=', site.system)
      .executeTakeFirst();
    if (known) {
      await trx
        .updateTable('legacy_sites')
        .set({ last_run_at: at, ...(parsed ? { base_url: parsed.baseUrl, base_path: parsed.basePath } : {}) })
        .where('edition', '=', site.edition)
        .where('system', '=', site.system)
        .execute();
    } else {
      await trx
        .insertInto('legacy_sites')
        .values({
          edition: site.edition,
          system: site.system,
          base_url: parsed?.baseUrl ?? '',
          base_path: parsed?.basePath ?? '',
          last_run_at: at,
        })
        .execute();
    }
    await emit('import.finished', { edition: site.edition, system: site.system });
  });
}
