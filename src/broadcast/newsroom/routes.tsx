// /newsroom/radio: the radio's overview (each edition's channels, programs and week ahead), and
// the channel, program and schedule-change pages. Editors in their editions and admins: every
// route checks `broadcast.manage`, and again for the edition of the thing itself. Bad input
// shows the form again with every problem beside its field and saves nothing.
import type { DomainRoutes } from '../../context.ts';
import { editionsFor, newsroomPage, requirePermission, sendHtml } from '../../newsroom/index.ts';
import { channelRoutes } from './channel-routes.tsx';
import { programRoutes } from './program-routes.tsx';
import { listChannels, listPrograms } from './queries.ts';
import { scheduleRoutes } from './schedule-routes.tsx';
import { RadioOverviewPage } from './views/overview.tsx';
import { weekOfChannel } from './week-data.ts';

/** The radio's newsroom routes. */
export const radioNewsroomRoutes: DomainRoutes = async (app, { ctx }) => {
  // Every route here, GET and POST: only roles that manage the radio somewhere.
  app.addHook('preHandler', async (request) => {
    requirePermission(request, 'broadcast.manage');
  });

  app.get('/radio', async (request, reply) => {
    const staff = requirePermission(request, 'broadcast.manage');
    const editions = editionsFor(ctx, staff, 'broadcast.manage');
    const codes = editions.map((e) => e.code);
    const [channels, programs] = await Promise.all([listChannels(ctx.db, codes), listPrograms(ctx.db, codes)]);
    const now = ctx.now();
    const radio = await Promise.all(
      editions.map(async (edition) => ({
        edition,
        channels: await Promise.all(
          channels
            .filter((c) => c.edition === edition.code)
            .map(async (channel) => ({
              channel,
              week: channel.isActive
                ? await weekOfChannel(
                    ctx.db,
                    channel,
                    programs.filter((p) => p.channelId === channel.id),
                    now,
                  )
                : [],
            })),
        ),
        programs: programs.filter((p) => p.edition === edition.code),
      })),
    );
    return sendHtml(reply, <RadioOverviewPage page={await newsroomPage(ctx, request)} editions={radio} />);
  });

  channelRoutes(app, ctx);
  programRoutes(app, ctx);
  scheduleRoutes(app, ctx);
};
