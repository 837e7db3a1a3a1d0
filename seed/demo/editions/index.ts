// The editions added after the first three keep their demo content in one module each; this
// merges them into the shared lists the seed walks (sections, authors, stories, pages), so an
// edition's story told in English too becomes the English story's translation.
import { articles as baseArticles } from '../articles.ts';
import { authors as baseAuthors } from '../authors.ts';
import { categories as baseCategories } from '../categories.ts';
import { integrityPages as baseIntegrityPages } from '../integrity-pages.ts';
import { pages as basePages } from '../pages.ts';
import type {
  AddedEditionCode,
  DemoArticle,
  DemoAuthor,
  DemoCategory,
  DemoEditionContent,
  DemoPage,
  EditionCode,
} from '../types.ts';
import { de } from './de.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { ja } from './ja.ts';
import { zh } from './zh.ts';

export const addedEditions: Readonly<Record<AddedEditionCode, DemoEditionContent>> = { fr, de, es, zh, ja };

export function isAddedEdition(code: EditionCode): code is AddedEditionCode {
  return code in addedEditions;
}

const added = Object.entries(addedEditions) as [AddedEditionCode, DemoEditionContent][];

/** Every demo section, named in every edition. */
export const categories: DemoCategory[] = baseCategories.map((c) => {
  const merged: DemoCategory = { ...c, slug: { ...c.slug }, name: { ...c.name }, description: { ...c.description } };
  for (const [code, content] of added) {
    const own = content.categories[c.key];
    if (!own) continue;
    merged.slug[code] = own.slug;
    merged.name[code] = own.name;
    merged.description[code] = own.description;
  }
  return merged;
});

/** Every demo author, with a bio in each edition that wrote one. */
export const authors: DemoAuthor[] = baseAuthors.map((a) => {
  const bio = { ...a.bio };
  for (const [code, content] of added) if (content.authorBios[a.key]) bio[code] = content.authorBios[a.key];
  return { ...a, bio };
});

/** Every demo story: the shared ones with the added editions' tellings, then each edition's own. */
export const articles: DemoArticle[] = [
  ...baseArticles.map((story) => {
    const merged: DemoArticle = {
      ...story,
      text: { ...story.text },
      photo: { ...story.photo, caption: { ...story.photo.caption }, alt: { ...story.photo.alt } },
    };
    for (const [code, content] of added) {
      const own = content.translations[story.key];
      if (!own) continue;
      const { caption, alt, ...text } = own;
      merged.text[code] = text;
      merged.photo.caption[code] = caption;
      merged.photo.alt[code] = alt;
    }
    return merged;
  }),
  ...added.flatMap(([, content]) => content.stories),
];

/** The page trees (Company Profile, then Zona Integritas), with each added edition's pages. */
export const pages: DemoPage[] = [...basePages, ...baseIntegrityPages].map((p) => {
  const merged: DemoPage = {
    ...p,
    slug: { ...p.slug },
    title: { ...p.title },
    summary: { ...p.summary },
    body: { ...p.body },
  };
  for (const [code, content] of added) {
    const own = content.pages[p.key];
    if (!own) continue;
    merged.slug[code] = own.slug;
    merged.title[code] = own.title;
    merged.summary[code] = own.summary;
    merged.body[code] = own.body;
  }
  return merged;
});
