// The public API's JSON schemas: the shapes Fastify validates requests with and serialises answers
// by, and (through @fastify/swagger) the OpenAPI document's components. Each shared shape has an
// `$id` and is referred to as `{ $ref: 'Name#' }`; examples are what the reference page shows.

/** A time as every answer writes it: ISO 8601 in the site's time zone, with its offset. */
const time = (description: string, example = '2026-12-02T13:05:00+07:00') => ({
  type: 'string',
  format: 'date-time',
  description,
  examples: [example],
});
const id = (description: string, example: number) => ({
  type: 'integer',
  minimum: 1,
  description,
  examples: [example],
});
const text = (description: string, example: string) => ({ type: 'string', description, examples: [example] });
const url = (description: string, example: string) => ({
  type: 'string',
  format: 'uri',
  description,
  examples: [example],
});
const nullable = (ref: string) => ({ anyOf: [{ $ref: `${ref}#` }, { type: 'null' }] });
const object = (properties: Record<string, object>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
  ...extra,
});

const EXAMPLE_BASE = 'https://warta.example';

export const ErrorSchema = {
  $id: 'Error',
  description: 'Every failure: a stable code (never renamed) and an English message for people.',
  ...object({
    error: object({
      code: text('Stable snake_case code, e.g. invalid_query or article_not_found.', 'invalid_query'),
      message: text(
        'What went wrong, in English.',
        'Unknown query parameter "page". This endpoint takes: edition, limit, cursor.',
      ),
    }),
  }),
};

export const ImageSchema = {
  $id: 'Image',
  description: 'A picture: its largest stored JPEG.',
  ...object({
    url: url('Absolute URL of the largest stored JPEG.', `${EXAMPLE_BASE}/media/3f9a0c1e-1600.jpg`),
    width: { type: 'integer', examples: [1600] },
    height: { type: 'integer', examples: [900] },
    alt: text('Text alternative (may be empty).', 'Passengers boarding a ferry at Kali Adem port'),
  }),
};

export const NamedLinkSchema = {
  $id: 'NamedLink',
  description: 'Something the item points at: its id, name and page on the site.',
  ...object({
    id: id('Its id.', 12),
    name: text('Its name.', 'Nation'),
    url: url('Its page on the site.', `${EXAMPLE_BASE}/en/category/nation`),
  }),
};

const articleSummaryProperties = {
  id: id('Stable id of the story.', 48213),
  edition: text('Edition code.', 'en'),
  status: { type: 'string', enum: ['draft', 'review', 'published', 'archived'], examples: ['published'] },
  url: url('The story on the site (canonical).', `${EXAMPLE_BASE}/en/news/48213/ferry-services-resume`),
  api_url: url('This story in the API.', `${EXAMPLE_BASE}/api/v1/articles/48213`),
  title: text('Headline.', 'Ferry services to the Thousand Islands resume after the storm'),
  slug: text('Slug in its URL.', 'ferry-services-resume'),
  summary: text('Standfirst (plain text).', 'Boats left Kali Adem at dawn as the port reopened.'),
  published_at: { anyOf: [time('When it was (or will be) published.'), { type: 'null' }] },
  updated_at: time(
    'Last change of the stored story (the order of `updated_since` lists).',
    '2026-12-02T14:20:11+07:00',
  ),
  section: { $ref: 'NamedLink#' },
  author: nullable('NamedLink'),
  byline: {
    anyOf: [text('A free-text byline shown instead of the author (an agency).', 'Antara'), { type: 'null' }],
  },
  image: nullable('Image'),
};

export const ArticleSummarySchema = {
  $id: 'ArticleSummary',
  description: 'A story in a list.',
  ...object(articleSummaryProperties),
};

export const ArticleSchema = {
  $id: 'Article',
  description: 'A whole story.',
  ...object({
    ...articleSummaryProperties,
    body_html: text(
      'The body as sanitised HTML, with absolute links and image addresses.',
      '<p>Boats left Kali Adem at dawn on Wednesday…</p>',
    ),
    dateline: text('Place of the dateline ("" when none).', 'Jakarta'),
    source: text('Source attribution ("" when none).', 'Antara/VOI'),
    correction: text('A correction shown at the end ("" when none).', ''),
    image_caption: text('Caption of the picture.', 'The first ferry of the day leaves Kali Adem.'),
    image_credit: text('Credit of the picture.', 'Warta/Rina Putri'),
    tags: { type: 'array', items: { $ref: 'NamedLink#' } },
    translations: {
      type: 'array',
      description: 'The same story in other editions (published ones).',
      items: object({
        id: id('Id of the translation.', 48214),
        edition: text('Its edition.', 'id'),
        url: url('Its page.', `${EXAMPLE_BASE}/id/news/48214/layanan-kapal-kembali`),
      }),
    },
  }),
};

export const SectionSchema = {
  $id: 'Section',
  description: 'A section (category) of an edition; subsections name their parent.',
  ...object({
    id: id('Stable id.', 3),
    name: text('Name.', 'Nation'),
    slug: text('Slug.', 'nation'),
    description: text('Description ("" when none).', 'News from across the archipelago.'),
    parent_id: { anyOf: [id('The parent section.', 1), { type: 'null' }] },
    url: url('Its page.', `${EXAMPLE_BASE}/en/category/nation`),
  }),
};

export const TagSchema = {
  $id: 'Tag',
  ...object({
    id: id('Stable id.', 77),
    name: text('Name.', 'Ferries'),
    slug: text('Slug.', 'ferries'),
    url: url('Its page.', `${EXAMPLE_BASE}/en/tag/ferries`),
  }),
};

export const AuthorSchema = {
  $id: 'Author',
  description: 'A person with a story published in the edition.',
  ...object({
    id: id('Stable id.', 9),
    name: text('Name.', 'Rina Putri'),
    slug: text('Slug.', 'rina-putri'),
    bio: text('Short biography (plain text).', 'Rina covers transport and the sea.'),
    url: url('Their page in the edition.', `${EXAMPLE_BASE}/en/author/rina-putri`),
  }),
};

const pageProperties = {
  id: id('Stable id.', 5),
  parent_id: { anyOf: [id('The parent page.', 4), { type: 'null' }] },
  status: { type: 'string', enum: ['draft', 'published'], examples: ['published'] },
  path: text('Path below the edition.', 'company-profile/history'),
  title: text('Title.', 'History'),
  summary: text('Summary ("" when none).', 'From a single transmitter in 1951 to four channels.'),
  position: { type: 'integer', description: 'Order among its siblings.', examples: [2] },
  url: url('Its page.', `${EXAMPLE_BASE}/en/company-profile/history`),
  updated_at: time('Last change.'),
};

export const PageSchema = {
  $id: 'Page',
  description: 'A page of the Company Profile tree (and other evergreen pages).',
  ...object(pageProperties),
};

export const PageDetailSchema = {
  $id: 'PageDetail',
  ...object({
    ...pageProperties,
    edition: text('Edition code.', 'en'),
    body_html: text('The body as sanitised HTML, with absolute links.', '<p>The station first went on air…</p>'),
  }),
};

export const EditionSchema = {
  $id: 'Edition',
  ...object({
    code: text('Edition code (the first segment of its URLs).', 'en'),
    name: text('Name.', 'English'),
    locale: text('BCP 47 locale.', 'en-ID'),
    direction: { type: 'string', enum: ['ltr', 'rtl'], examples: ['ltr'] },
    url: url('Its home page.', `${EXAMPLE_BASE}/en`),
  }),
};

export const ChannelSchema = {
  $id: 'Channel',
  ...object({
    id: id('Stable id.', 1),
    slug: text('Slug.', 'pro-1'),
    name: text('Name.', 'Pro 1'),
    description: text('Description.', 'News and talk, around the clock.'),
    time_zone: text('IANA time zone of its weekly grid.', 'Asia/Jakarta'),
    url: url('The live page.', `${EXAMPLE_BASE}/en/live`),
    streams: {
      type: 'array',
      description: 'Stream addresses, in order of preference.',
      items: object({
        url: url('Stream address.', 'https://stream.warta.example/pro1.mp3'),
        format: { type: 'string', enum: ['mp3', 'aac', 'hls'], examples: ['mp3'] },
      }),
    },
  }),
};

export const ProgramSchema = {
  $id: 'Program',
  ...object({
    id: id('Stable id.', 14),
    slug: text('Slug.', 'morning-report'),
    title: text('Title.', 'Morning Report'),
    description: text('Description.', 'The day’s news, traffic and weather.'),
    url: url('Its page.', `${EXAMPLE_BASE}/en/programs/morning-report`),
    channel_id: id('The channel it airs on.', 1),
    image: nullable('Image'),
    hosts: {
      type: 'array',
      items: object({
        name: text('Name.', 'Rina Putri'),
        url: url('Their page.', `${EXAMPLE_BASE}/en/author/rina-putri`),
      }),
    },
    slots: {
      type: 'array',
      description: "Weekly slots, wall-clock times in the channel's time zone.",
      items: object({
        days: {
          type: 'array',
          description: 'ISO weekdays: Monday 1 … Sunday 7.',
          items: { type: 'integer', minimum: 1, maximum: 7 },
          examples: [[1, 2, 3, 4, 5]],
        },
        start: text('Start, HH:MM.', '06:00'),
        minutes: { type: 'integer', description: 'Length in minutes.', examples: [120] },
      }),
    },
  }),
};

export const AiringSchema = {
  $id: 'Airing',
  description: 'One airing: of a program, or a special with only a title.',
  ...object({
    start: time('Start.', '2026-12-02T06:00:00+07:00'),
    end: time('End.', '2026-12-02T08:00:00+07:00'),
    title: text('What is on.', 'Morning Report'),
    is_special: { type: 'boolean', description: 'A one-off special rather than the weekly grid.', examples: [false] },
    program: { anyOf: [{ $ref: 'NamedLink#' }, { type: 'null' }] },
  }),
};

export const EpisodeSchema = {
  $id: 'Episode',
  ...object({
    id: id('Stable id.', 311),
    status: { type: 'string', enum: ['draft', 'published'], examples: ['published'] },
    title: text('Title.', 'Ports reopen after the storm'),
    slug: text('Slug.', 'ports-reopen'),
    description: text('Description.', 'Harbour masters on a long night.'),
    url: url('Its page.', `${EXAMPLE_BASE}/en/programs/morning-report/episodes/ports-reopen`),
    program: { $ref: 'NamedLink#' },
    published_at: { anyOf: [time('Publication time.'), { type: 'null' }] },
    duration_seconds: { anyOf: [{ type: 'integer', examples: [1520] }, { type: 'null' }] },
    episode_number: { anyOf: [{ type: 'integer', examples: [112] }, { type: 'null' }] },
    audio: object({
      url: url('The audio file.', `${EXAMPLE_BASE}/media/episodes/ports-reopen.mp3`),
      type: { type: 'string', examples: ['audio/mpeg'] },
      bytes: { anyOf: [{ type: 'integer', examples: [24_330_112] }, { type: 'null' }] },
    }),
  }),
};

export const OembedSchema = {
  $id: 'Oembed',
  description: 'An oEmbed 1.0 answer: a story card (type "rich"), or a link when asked for one too small.',
  type: 'object',
  properties: {
    version: { type: 'string', const: '1.0' },
    type: { type: 'string', enum: ['rich', 'link'], examples: ['rich'] },
    title: text('Headline.', 'Ferry services to the Thousand Islands resume after the storm'),
    author_name: text('Byline.', 'Rina Putri'),
    author_url: url('Author page.', `${EXAMPLE_BASE}/en/author/rina-putri`),
    provider_name: text('The site.', 'Warta'),
    provider_url: url('The site.', `${EXAMPLE_BASE}/`),
    cache_age: { type: 'integer', examples: [300] },
    thumbnail_url: url('The story’s picture.', `${EXAMPLE_BASE}/media/3f9a0c1e-480.jpg`),
    thumbnail_width: { type: 'integer', examples: [480] },
    thumbnail_height: { type: 'integer', examples: [270] },
    html: text(
      'The card: one <blockquote> with a link, no script (type rich only).',
      '<blockquote class="warta-embed">…</blockquote>',
    ),
    width: { type: 'integer', examples: [480] },
    height: { type: 'integer', examples: [200] },
  },
  required: ['version', 'type', 'title', 'provider_name', 'provider_url'],
  additionalProperties: false,
};

/** Every shared schema, added to the API's scope once (and so to the document's components). */
export const SHARED_SCHEMAS = [
  ErrorSchema,
  ImageSchema,
  NamedLinkSchema,
  ArticleSummarySchema,
  ArticleSchema,
  SectionSchema,
  TagSchema,
  AuthorSchema,
  PageSchema,
  PageDetailSchema,
  EditionSchema,
  ChannelSchema,
  ProgramSchema,
  AiringSchema,
  EpisodeSchema,
  OembedSchema,
] as const;

/** `{ key: [Item] }`, or with a cursor: `{ key: [Item], next_cursor, next_url }`. */
export function listOf(key: string, ref: string, description: string, options: { paged?: boolean } = {}) {
  const properties: Record<string, object> = { [key]: { type: 'array', items: { $ref: `${ref}#` } } };
  if (options.paged) {
    properties.next_cursor = {
      anyOf: [
        text(
          'Pass as `cursor` for the next page; null on the last page.',
          'eyJvIjoicCIsInQiOiIyMDI2LTEyLTAyVDA2OjA1OjAwLjAwMFoiLCJpIjo0ODIxM30',
        ),
        { type: 'null' },
      ],
    };
    properties.next_url = {
      anyOf: [
        url(
          'The next page, ready to fetch; null on the last page.',
          `${EXAMPLE_BASE}/api/v1/articles?edition=en&cursor=eyJvIjoicCJ9`,
        ),
        { type: 'null' },
      ],
    };
  }
  return { description, ...object(properties) };
}

/** `{ key: Item }`. */
export function oneOf(key: string, ref: string, description: string) {
  return { description, ...object({ [key]: { $ref: `${ref}#` } }) };
}

/** Query parameters shared by the lists: the edition, and a page by cursor. */
export const editionParam = {
  type: 'string',
  pattern: '^[a-z]{2,3}(-[a-z0-9]+)?$',
  description: 'Edition code (see /editions).',
  examples: ['en'],
};
export const limitParam = {
  type: 'integer',
  minimum: 1,
  maximum: 100,
  default: 20,
  description: 'Items per page, 1 to 100 (default 20).',
};
export const cursorParam = {
  type: 'string',
  minLength: 1,
  maxLength: 300,
  pattern: '^[A-Za-z0-9_-]+$',
  description: 'The `next_cursor` of the previous page (opaque).',
};
export const idParams = (description: string, example: number) => ({
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1, maximum: 2_147_483_647, description, examples: [example] } },
  required: ['id'],
  additionalProperties: false,
});
