// The "Listen live" mini player has no server part. It is made in the browser on the first press
// of a play button (client/player), from what the button carries (./play-button.tsx: streams,
// program, the player's words); the program on air comes from the live status answer
// (./routes.tsx). Made there and not rendered into every page as a slot, a reader who never plays
// gets no player markup at all, and the page cache keeps one copy of each page for everyone.
// The player's scripts are built with the site's (src/core/assets.ts).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Nothing to set up on the server: the join stays so the domain reads the same for every part. */
export async function setupPlayer(_ctx: AppContext, _app: FastifyInstance): Promise<void> {}
