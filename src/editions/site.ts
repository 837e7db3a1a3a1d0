// Builds the per-request view context of a reader page.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError } from '../core/http/errors.ts';
import { requestPath, type Site } from '../core/views/site.ts';
import { BANNER_SLOT, TOPBAR_SLOT } from '../core/views/slots.ts';
import type { Edition } from './registry.ts';

/** The edition named in the URL, or a 404 in the reader's language. */
export function requireEdition(ctx: AppContext, code: string): Edition {
  const edition = ctx.editions.get(code);
  if (!edition) throw new AppError('edition_not_found', `There is no edition "${code}".`);
  return edition;
}

/** The context every reader page is rendered with. */
export async function siteFor(ctx: AppContext, request: FastifyRequest, edition: Edition): Promise<Site> {
  const menu = ctx.editions.menu(edition.code);
  const site: Site = {
    edition,
    editions: ctx.editions.all(),
    t: edition.t,
    f: edition.f,
    timezone: edition.timeZone,
    baseUrl: ctx.config.baseUrl,
    menu,
    now: ctx.now(),
    assets: { css: ctx.assets.css.url, js: ctx.assets.js.url },
    logo: ctx.settings.logo,
    path: requestPath(request.url),
  };
  // The layout's slots, rendered here because the layout itself is synchronous.
  const [safeBanner, safeTopbar] = await Promise.all([
    ctx.slots.render(BANNER_SLOT, { site }),
    ctx.slots.render(TOPBAR_SLOT, { site }),
  ]);
  return { ...site, safeBanner, safeTopbar };
}
