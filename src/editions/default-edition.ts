// The site's default edition: where `/` sends readers, and the one edition that can never be
// switched off. Read through this one function, whatever holds it (today the configuration).
import type { AppContext } from '../context.ts';

/** The code of the site's default edition. */
export function defaultEditionOf(ctx: AppContext): string {
  return ctx.settings.defaultEdition;
}
