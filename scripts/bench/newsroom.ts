// What the benchmark archive's stories point at, made through the same commands as the demo:
// reporters, the demo's sections in both editions with their menus, tag names, and a few photos
// (drawn once each and shared by many stories: rendering 100,000 would take hours).
import { createCategory } from '../../src/articles/index.ts';
import type { WriteContext } from '../../src/core/events/index.ts';
import { slugify } from '../../src/core/text/slug.ts';
import { replaceMenu } from '../../src/menus/index.ts';
import { addUser } from '../../src/users/index.ts';
import { authors as demoAuthors } from '../../seed/demo/authors.ts';
import { categories as demoCategories } from '../../seed/demo/categories.ts';
import { PHOTO_SCENES, storeDemoPhoto } from '../../seed/demo/photos.ts';
import { EDITIONS, sectionLinks } from '../../seed/editions.ts';
import { Random } from './random.ts';
import { ARCHIVE_EDITIONS, PLACE_NAMES, vocabularyOf, type ArchiveEdition } from './words.ts';

/** Ids the stories are written with. */
export interface Newsroom {
  authorIds: number[];
  /** Section ids per edition, in the demo's order; a story's section is the same key in both. */
  sectionIds: Record<ArchiveEdition, number[]>;
  /** Tag names per edition, most used first. */
  tagNames: Record<ArchiveEdition, string[]>;
  photos: { id: number; caption: string; alt: string }[];
}

/** What the newsroom draws from the archive's random stream, before the stories do. */
export interface NewsroomPlan {
  reporters: { name: string; slug: string }[];
  photos: { scene: string; seed: number; caption: string; alt: string }[];
}

const FIRST_NAMES = `Agus Ayu Bambang Citra Dian Eko Fajar Gita Hendra Indah Joko Kartika Lestari Made Nur
  Putri Rahmat Ratna Sinta Taufik Umar Wahyu Yanti Yusuf Zainal`.split(/\s+/);
const LAST_NAMES = `Hidayat Kusuma Lubis Nasution Pangaribuan Santoso Siregar Sitompul Suryadi Tanjung
  Utomo Wibowo Harahap Simanjuntak Saragih Manurung`.split(/\s+/);

/** How many reporters besides the demo's, and how many tag names per edition. */
const EXTRA_REPORTERS = 40;
const TAGS_PER_EDITION = 1_500;
const PHOTOS = 12;

/**
 * How many authors, sections per edition and photos a newsroom has: stories are drawn with
 * places in these lists (a worker draws them without the database), and written with the ids.
 */
export const NEWSROOM_SIZE = {
  authors: demoAuthors.length + EXTRA_REPORTERS,
  sections: demoCategories.length,
  photos: PHOTOS,
} as const;

/**
 * The newsroom's draws: reporters' names, then the photos' captions. (The stories are drawn
 * after these from the same stream: keep their order, or raise ARCHIVE_VERSION.)
 */
export function planNewsroom(random: Random): NewsroomPlan {
  const reporters = [];
  for (let i = 0; i < EXTRA_REPORTERS; i++) {
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    reporters.push({ name, slug: `${slugify(name)}-${i + 1}` });
  }
  const photos = [];
  for (let i = 0; i < PHOTOS; i++) {
    const scene = PHOTO_SCENES[i % PHOTO_SCENES.length]!;
    const caption = `${random.pick(PLACE_NAMES)}: a ${scene} photographed for the archive`;
    photos.push({ scene, seed: 900 + i, caption, alt: `A ${scene} scene` });
  }
  return { reporters, photos };
}

/** Creates the newsroom of an archive in the writer's transaction (or one command each). */
export async function createNewsroom(w: WriteContext, dataDir: string, plan: NewsroomPlan): Promise<Newsroom> {
  const authorIds: number[] = [];
  for (const a of demoAuthors) {
    const user = await addUser(w, {
      email: a.email,
      displayName: a.name,
      slug: a.slug,
      role: a.role,
      passwordHash: null,
      bio: a.bio.en ?? '',
    });
    authorIds.push(user.id);
  }
  for (const { name, slug } of plan.reporters) {
    const user = await addUser(w, {
      email: `${slug}@warta.example`,
      displayName: name,
      slug,
      role: 'author',
      passwordHash: null,
      bio: '',
    });
    authorIds.push(user.id);
  }
  const sectionIds = { en: [] as number[], id: [] as number[] };
  for (const edition of ARCHIVE_EDITIONS) sectionIds[edition] = await createSections(w, edition);
  const photos = [];
  for (const { scene, seed, caption, alt } of plan.photos) {
    const row = await storeDemoPhoto(w.db, dataDir, { scene, seed }, { alt, caption, credit: 'Warta Photo' });
    photos.push({ id: row.id, caption, alt });
  }
  return { authorIds, sectionIds, tagNames: { en: tagNamesFor('en'), id: tagNamesFor('id') }, photos };
}

/** The demo's sections in one edition, and its main menu linking the top ones. */
async function createSections(w: WriteContext, edition: ArchiveEdition): Promise<number[]> {
  const ids = new Map<string, number>();
  for (const [position, c] of demoCategories.entries()) {
    const row = await createCategory(w, {
      edition,
      parentId: c.parent ? (ids.get(c.parent) ?? null) : null,
      slug: c.slug[edition] ?? slugify(c.name[edition] ?? c.key),
      name: c.name[edition] ?? c.key,
      description: c.description[edition] ?? '',
      position,
    });
    ids.set(c.key, row.id);
  }
  const locale = EDITIONS.find((e) => e.code === edition)!.locale;
  const news = demoCategories
    .filter((c) => !c.parent)
    .map((c) => ({ label: c.name[edition]!, href: `/${edition}/category/${encodeURIComponent(c.slug[edition]!)}` }));
  await replaceMenu(w, edition, 'main', [...news, ...sectionLinks(edition, locale)]);
  return [...ids.values()];
}

/**
 * Tag names, most used first: places, then news words, then pairs of rarer words, so the
 * first tags carry tens of thousands of stories and most a few dozen.
 */
export function tagNamesFor(edition: ArchiveEdition): string[] {
  const words = vocabularyOf(edition);
  const names = new Set<string>(PLACE_NAMES);
  for (let rank = 150; names.size < 400; rank++) names.add(capitalise(words[rank]!));
  const random = new Random(edition === 'en' ? 303 : 404);
  while (names.size < TAGS_PER_EDITION) {
    names.add(`${capitalise(words[random.int(400, 8_000)]!)} ${words[random.int(400, 20_000)]!}`);
  }
  return [...names];
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
