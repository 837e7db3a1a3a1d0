// A WXR export's posts as the import pipeline reads them (core/types.ts): categories with their
// parents, authors (`wp:author`), and each post with its status, dates, author, category, tags,
// excerpt, body (block-editor comments dropped, classic-editor text given its paragraphs) and
// featured image (`_thumbnail_id` → the attachment's file under the uploads folder).
import type {
  ImportedArticle,
  ImportedAuthor,
  ImportedCategory,
  ImportedImage,
  ImportedTag,
  ImportSource,
} from '../core/types.ts';
import type { UploadsFolder } from './files.ts';
import { wpDate, type WxrDocument, type WxrItem } from './parse.ts';

/** Statuses of posts that are brought over, and as what; any other (trash, auto-draft) is skipped. */
const STATUS: Readonly<Record<string, 'draft' | 'published'>> = {
  publish: 'published',
  future: 'published', // scheduled: published at its (future) date
  draft: 'draft',
  pending: 'draft',
  private: 'draft',
};

/** Whether an item of the export is brought over (a post or page not thrown away). */
export function isKept(item: WxrItem): boolean {
  return Object.hasOwn(STATUS, item.status);
}

/** The status an item becomes. */
export function statusOf(item: WxrItem): 'draft' | 'published' {
  return STATUS[item.status] ?? 'draft';
}

/** A WordPress body as HTML: block comments out, and paragraphs for text the classic editor left bare. */
export function bodyOf(content: string): string {
  const html = content.replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '').trim();
  if (/<(?:p|div|h[1-6]|ul|ol|figure|blockquote|table|pre)\b/i.test(html)) return html;
  // wpautop's job, done once: blank lines part paragraphs, single line breaks stay breaks.
  return html
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => `<p>${part.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** An excerpt as plain text. */
function plain(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The pipeline's source over an export's posts; `uploads` finds images (none without it). */
export function wxrSource(doc: WxrDocument, uploads: UploadsFolder | undefined): ImportSource {
  const posts = doc.items.filter((i) => i.type === 'post');
  const attachments = new Map(doc.items.filter((i) => i.type === 'attachment').map((i) => [i.id, i]));
  const find = async (address: string): Promise<ImportedImage | undefined> => uploads?.find(address);

  /** The featured image: the `_thumbnail_id` attachment's file. */
  const featuredOf = async (post: WxrItem): Promise<ImportedImage | null> => {
    const id = post.meta.get('_thumbnail_id');
    const attachment = id ? attachments.get(id) : undefined;
    if (!attachment) return null;
    const file = attachment.meta.get('_wp_attached_file') || attachment.attachmentUrl;
    return (await find(file)) ?? (await find(attachment.attachmentUrl)) ?? null;
  };

  return {
    system: 'wxr',
    articleKind: 'post',
    async categories(): Promise<ImportedCategory[]> {
      return doc.categories
        .filter((c) => c.slug !== '')
        .map((c, position) => ({
          sourceId: c.slug,
          name: c.name || c.slug,
          slug: c.slug,
          description: c.description,
          parentSourceId: c.parentSlug,
          position,
        }));
    },
    async authors(): Promise<ImportedAuthor[]> {
      return doc.authors
        .filter((a) => a.login !== '')
        .map((a) => ({ sourceId: a.login, name: a.displayName, email: a.email || null, bio: '' }));
    },
    async countArticles() {
      return posts.length;
    },
    async *articles() {
      for (const post of posts) {
        if (!isKept(post)) {
          yield { sourceId: post.id, skip: `status "${post.status || '(none)'}"` };
          continue;
        }
        yield await articleOf(post);
      }
    },
    resolveImage: find,
  };

  async function articleOf(post: WxrItem): Promise<ImportedArticle> {
    const status = statusOf(post);
    const created = wpDate(post.dateGmt) ?? wpDate(post.date) ?? new Date(0);
    const image = await featuredOf(post);
    const attachment = image ? attachments.get(post.meta.get('_thumbnail_id')!) : undefined;
    const tags: ImportedTag[] = post.terms
      .filter((t) => t.domain === 'post_tag' && t.name.trim() !== '')
      .map((t) => ({ name: t.name, keys: { tag: t.slug || t.name.toLowerCase() } }));
    const category = post.terms.find((t) => t.domain === 'category');
    return {
      sourceId: post.id,
      title: post.title,
      slug: post.slug,
      bodyHtml: bodyOf(post.content),
      summary: plain(post.excerpt),
      categorySourceId: category?.slug || null,
      authorSourceId: post.creator || null,
      byline: '',
      status,
      // A draft was never out; a published or scheduled post goes out at its date.
      publishedAt: status === 'published' ? created : null,
      unpublishAt: null,
      // A scheduled post was written by the time of the export at the latest (its publication stays
      // ahead); the same file gives the same time on every run.
      createdAt: doc.exportedAt && created > doc.exportedAt ? (wpDate(post.modifiedGmt) ?? doc.exportedAt) : created,
      modifiedAt: wpDate(post.modifiedGmt),
      isFeatured: post.isSticky,
      tags,
      image,
      imageCaption: attachment ? plain(attachment.excerpt) : '',
      imageCredit: '',
      hits: 0,
      ratingSum: 0,
      ratingCount: 0,
    };
  }
}
