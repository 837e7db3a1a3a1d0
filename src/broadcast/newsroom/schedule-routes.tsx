// A channel's one-off changes: the page (changes running and to come, the add form, the week
// ahead with the changes applied), adding a special or a cancellation, removing one.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { writerAs } from '../../accounts/index.ts';
import type { AppContext } from '../../context.ts';
import { InputError } from '../../core/validation.ts';
import {
  doneKey,
  newsroomPage,
  newsroomText as t,
  seeOther,
  sendHtml,
  type NewsroomKey,
} from '../../newsroom/index.ts';
import { addScheduleChange, removeScheduleChange } from '../commands.ts';
import { BLANK_CHANGE, changeFieldOf, checkChange, readChangeForm, type ChangeValues } from './change-form.ts';
import { loadChannel } from './channel-routes.tsx';
import { commandProblems, type FieldProblems } from './form-fields.ts';
import { loadManaged } from './form-routes.ts';
import { findChange, listChanges, listPrograms, type NewsroomChannel } from './queries.ts';
import { SchedulePage } from './views/schedule.tsx';
import { zoneLabel } from './views/text.ts';
import { weekOfChannel } from './week-data.ts';

type Query = Record<string, unknown>;

const DONE: Readonly<Record<string, NewsroomKey>> = {
  added: 'radio.changeAdded',
  removed: 'radio.changeRemoved',
};

export function scheduleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    channel: NewsroomChannel,
    extra: { values?: ChangeValues; problems?: FieldProblems; notice?: string } = {},
    status = 200,
  ) => {
    const now = ctx.now();
    const siteZone = ctx.settings.timezone;
    const programs = await listPrograms(ctx.db, [channel.edition], channel.id);
    const [changes, week] = await Promise.all([
      listChanges(ctx.db, channel.id, now),
      weekOfChannel(ctx.db, channel, programs, now),
    ]);
    return sendHtml(
      reply,
      <SchedulePage
        page={await newsroomPage(ctx, request)}
        channel={channel}
        programs={programs.map((p) => ({ id: p.id, title: p.title }))}
        changes={changes}
        week={week}
        siteZone={siteZone}
        zoneLabel={zoneLabel(siteZone, now)}
        now={now}
        values={extra.values ?? BLANK_CHANGE}
        problems={extra.problems}
        notice={extra.notice}
      />,
      status,
    );
  };

  app.get<{ Params: { id: string }; Querystring: Query }>('/radio/channels/:id/schedule', async (request, reply) => {
    const { thing: channel } = await loadChannel(ctx, request);
    const key = doneKey(DONE, request.query.done);
    return render(request, reply, channel, { notice: key ? t(key) : undefined });
  });

  app.post<{ Params: { id: string } }>('/radio/channels/:id/schedule', async (request, reply) => {
    const { thing: channel, staff } = await loadChannel(ctx, request);
    const values = readChangeForm(request.body);
    const programs = await listPrograms(ctx.db, [channel.edition], channel.id);
    const checked = checkChange(
      values,
      programs.map((p) => p.id),
      ctx.settings.timezone,
    );
    if (!checked.input) return render(request, reply, channel, { values, problems: checked.problems }, 400);
    try {
      await addScheduleChange(writerAs(ctx, staff.id), { channelId: channel.id, ...checked.input });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const problems = commandProblems(error.problems, changeFieldOf);
      return render(request, reply, channel, { values, problems }, 400);
    }
    return seeOther(reply, `/newsroom/radio/channels/${channel.id}/schedule?done=added`);
  });

  app.post<{ Params: { id: string } }>('/radio/changes/:id/delete', async (request, reply) => {
    const { thing: change, staff } = await loadManaged(request, 'There is no such schedule change.', (id) =>
      findChange(ctx.db, id),
    );
    await removeScheduleChange(writerAs(ctx, staff.id), change.id);
    return seeOther(reply, `/newsroom/radio/channels/${change.channelId}/schedule?done=removed`);
  });
}
