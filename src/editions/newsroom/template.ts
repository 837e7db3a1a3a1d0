// What a new edition starts with, so its home is a real front page from the first day: the news
// sections the admin ticked (named in the edition's language, English where it has no catalog
// yet), a Company Profile page written from the site's own description, and a main menu of those
// sections and the standard links. All through the commands the newsroom uses, in the same
// transaction as the edition itself; the web team edits each of them from there.
import { createCategory } from '../../articles/index.ts';
import type { WriteContext } from '../../core/events/index.ts';
import { paragraphsToHtml } from '../../core/text/sanitize.ts';
import { slugify } from '../../core/text/slug.ts';
import { createTranslator, type MessageKey } from '../../i18n/index.ts';
import { replaceMenu, standardMenuLinks } from '../../menus/index.ts';
import { createPage } from '../../pages/index.ts';
import type { NavLink } from '../../core/views/site.ts';

/** The news sections a new edition may start with, in menu order (keys of `template.section.*`). */
export const TEMPLATE_SECTIONS = ['national', 'world', 'economy', 'culture', 'sports', 'tourism'] as const;
export type TemplateSection = (typeof TEMPLATE_SECTIONS)[number];

/** What the admin chose to start with. */
export interface TemplateChoice {
  readonly sections: readonly TemplateSection[];
  readonly companyProfile: boolean;
}

/** A slug from a name, or the key where the name has no letters a slug keeps well (none: CJK names keep theirs). */
function slugOf(name: string, fallback: string): string {
  const slug = slugify(name);
  return slug === 'item' ? fallback : slug;
}

/** Creates the chosen sections, the Company Profile page and the main menu of a new edition. */
export async function startEditionFromTemplate(
  w: WriteContext,
  edition: { readonly code: string; readonly locale: string },
  choice: TemplateChoice,
): Promise<void> {
  const { code } = edition;
  const t = createTranslator(code, edition.locale);
  const news: NavLink[] = [];
  for (const [position, key] of TEMPLATE_SECTIONS.entries()) {
    if (!choice.sections.includes(key)) continue;
    const name = t(`template.section.${key}` as MessageKey);
    const row = await createCategory(w, {
      edition: code,
      parentId: null,
      slug: slugOf(name, key),
      name,
      description: '',
      position,
    });
    news.push({ label: name, href: `/${code}/category/${encodeURIComponent(row.slug)}` });
  }
  let profilePath: string | undefined;
  if (choice.companyProfile) {
    const title = t('section.profile');
    const page = await createPage(w, {
      edition: code,
      parentId: null,
      slug: slugOf(title, 'company-profile'),
      title,
      summary: t('site.tagline'),
      bodyHtml: paragraphsToHtml([t('site.description')]),
      position: 0,
      status: 'published',
    });
    profilePath = `/${code}/${page.path.split('/').map(encodeURIComponent).join('/')}`;
  }
  await replaceMenu(w, code, 'main', [...news, ...standardMenuLinks(code, t, profilePath)]);
}
