// JSON schemas for the URL parameters every reader route shares, so each route checks them alike.

/** `/:edition/...`: an edition code of reasonable length (unknown codes are a 404 later). */
export const editionParams = {
  type: 'object',
  properties: { edition: { type: 'string', maxLength: 16 } },
  required: ['edition'],
} as const;

/** `/:edition/.../:slug`. */
export const slugParams = {
  type: 'object',
  properties: { edition: { type: 'string', maxLength: 16 }, slug: { type: 'string', maxLength: 200 } },
  required: ['edition', 'slug'],
} as const;
