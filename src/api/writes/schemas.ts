// The write API's JSON schemas: what a key's client sends to create or change a story, and what
// it gets back. Field names are the read API's (snake_case); a field the schema does not name is
// refused (body-rules.ts), never silently dropped.

const text = (maxLength: number, description: string, example: string) => ({
  type: 'string',
  maxLength,
  description,
  examples: [example],
});
const id = (description: string, example: number) => ({
  type: 'integer',
  minimum: 1,
  maximum: 2_147_483_647,
  description,
  examples: [example],
});
const nullableId = (description: string, example: number) => ({
  type: ['integer', 'null'],
  minimum: 1,
  maximum: 2_147_483_647,
  description,
  examples: [example],
});

/** The story's fields a client may set (all optional on a change; section and title needed to create). */
const ARTICLE_FIELDS = {
  section_id: id('The section (`GET /sections`).', 12),
  title: text(300, 'Headline.', 'Night market reopens by the river'),
  slug: text(200, 'The address word; made from the headline when empty.', 'night-market-reopens'),
  summary: text(2000, 'One or two sentences under the headline.', 'Stalls return after the floods.'),
  body_html: {
    type: 'string',
    maxLength: 1_000_000,
    description: 'The story as HTML; cleaned by the same sanitiser as the newsroom editor.',
    examples: ['<p>Traders set up again on Friday evening.</p>'],
  },
  dateline: text(100, 'Place of the dateline.', 'Jakarta'),
  source: text(200, 'Source attribution.', 'Antara/VOI'),
  byline: {
    type: ['string', 'null'],
    maxLength: 200,
    description: 'A byline shown instead of the author, or null.',
    examples: [null],
  },
  author_id: nullableId('The author (`GET /authors`), or null.', 7),
  tags: {
    type: 'array',
    maxItems: 50,
    items: { type: 'string', minLength: 1, maxLength: 100 },
    description: 'Tag names.',
    examples: [['floods', 'markets']],
  },
  image_id: nullableId("A library image (`POST /media`) as the story's photo, or null.", 311),
  image_alt: text(500, "The photo's description for people who cannot see it.", 'Stalls lit by lanterns'),
  image_caption: text(1000, "The photo's caption.", 'The market on Friday evening.'),
  image_credit: text(300, "The photo's credit.", 'Warta/Ayu'),
  status: {
    type: 'string',
    enum: ['draft', 'review', 'published', 'archived'],
    description: 'Publishing or taking a story off needs a user who may publish it.',
    examples: ['draft'],
  },
  publish_at: {
    type: 'string',
    format: 'date-time',
    description: 'With status "published": a later time schedules the story (ISO 8601 with offset).',
    examples: ['2026-12-03T06:00:00+07:00'],
  },
} as const;

export const ArticleCreateSchema = {
  $id: 'ArticleCreate',
  description: 'A new story in an edition. A draft unless `status` says otherwise.',
  type: 'object',
  properties: {
    edition: { type: 'string', maxLength: 16, description: 'Edition code.', examples: ['en'] },
    ...ARTICLE_FIELDS,
  },
  required: ['edition', 'section_id', 'title'],
  additionalProperties: false,
};

export const ArticleChangeSchema = {
  $id: 'ArticleChange',
  description: 'Changes to a story: only the fields given change. `version` is the one the change is based on.',
  type: 'object',
  properties: {
    version: {
      type: 'integer',
      minimum: 0,
      description: 'The `version` last read; a newer stored one is a 409 conflict.',
      examples: [3],
    },
    ...ARTICLE_FIELDS,
  },
  required: ['version'],
  additionalProperties: false,
};

const nullableTime = (description: string) => ({ type: ['string', 'null'], format: 'date-time', description });

export const WrittenArticleSchema = {
  $id: 'WrittenArticle',
  description: 'A story as stored after a write.',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    edition: { type: 'string' },
    status: { type: 'string', enum: ['draft', 'review', 'published', 'archived'] },
    version: { type: 'integer', description: 'Send it back with the next change.' },
    title: { type: 'string' },
    slug: { type: 'string' },
    published_at: nullableTime('When it is (or will be) out; null for a draft.'),
    updated_at: { type: 'string', format: 'date-time' },
    url: { type: ['string', 'null'], format: 'uri', description: 'Its public address once it is out; else null.' },
    newsroom_url: { type: 'string', format: 'uri', description: 'Where editors open it.' },
  },
  required: [
    'id',
    'edition',
    'status',
    'version',
    'title',
    'slug',
    'published_at',
    'updated_at',
    'url',
    'newsroom_url',
  ],
  additionalProperties: false,
};

export const UploadedImageSchema = {
  $id: 'UploadedImage',
  description: 'An image stored in the library, to use as `image_id`.',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    alt: { type: 'string' },
    caption: { type: 'string' },
    credit: { type: 'string' },
    url: { type: 'string', format: 'uri', description: 'Its largest JPEG.' },
  },
  required: ['id', 'width', 'height', 'alt', 'caption', 'credit', 'url'],
  additionalProperties: false,
};

export const WRITE_SCHEMAS = [ArticleCreateSchema, ArticleChangeSchema, WrittenArticleSchema, UploadedImageSchema];
