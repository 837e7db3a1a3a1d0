// The channels' routes: the list, the new and edit forms (row buttons rearrange the form without
// saving; Save checks everything and saves through saveChannel; see form-routes.ts), and deleting
// a channel that has no programs (one with programs is deactivated instead).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { writerAs } from '../../accounts/index.ts';
import type { AppContext } from '../../context.ts';
import {
  can,
  editionChoice,
  editionsFor,
  newsroomPage,
  newsroomText as t,
  seeOther,
  sendHtml,
} from '../../newsroom/index.ts';
import { ChannelInUseError, deleteChannel, saveChannel } from '../commands.ts';
import {
  blankChannel,
  channelFieldOf,
  checkChannel,
  readChannelForm,
  rearrangeStreams,
  valuesOfChannel,
  type ChannelAction,
  type ChannelInput,
  type ChannelValues,
} from './channel-form.ts';
import type { FieldProblems } from './form-fields.ts';
import { loadManaged, radioFormRoutes, type RadioForm } from './form-routes.ts';
import { countPrograms, findChannel, listChannels, type NewsroomChannel } from './queries.ts';
import { ChannelsPage } from './views/channel-list.tsx';
import { ChannelFormPage } from './views/channels.tsx';

/** The channel of a request's :id, which the user must manage (404 for none). */
export function loadChannel(ctx: AppContext, request: FastifyRequest<{ Params: { id: string } }>) {
  return loadManaged(request, 'There is no such channel.', (id) => findChannel(ctx.db, id));
}

export function channelRoutes(app: FastifyInstance, ctx: AppContext): void {
  const form: RadioForm<NewsroomChannel, ChannelValues, Exclude<ChannelAction, { kind: 'save' }>, ChannelInput> = {
    path: '/radio/channels',
    done: { created: 'radio.channelCreated', saved: 'radio.channelSaved', deleted: 'radio.channelDeleted' },
    load: (request) => loadChannel(ctx, request),
    renderList: async (request, reply, { staff, edition, notice }) => {
      const channels = await listChannels(ctx.db, [edition.code]);
      const programCounts = await countPrograms(
        ctx.db,
        channels.map((c) => c.id),
      );
      return sendHtml(
        reply,
        <ChannelsPage
          page={await newsroomPage(ctx, request)}
          editions={editionsFor(ctx, staff, 'broadcast.manage')}
          edition={edition}
          channels={channels}
          programCounts={programCounts}
          notice={notice}
        />,
      );
    },
    renderForm: async (request, reply, { staff, values, thing: channel, problems, notice }, status = 200) => {
      const programCount = channel ? ((await countPrograms(ctx.db, [channel.id])).get(channel.id) ?? 0) : undefined;
      return sendHtml(
        reply,
        <ChannelFormPage
          page={await newsroomPage(ctx, request)}
          values={values}
          editions={channel ? [editionChoice(ctx, channel.edition)] : editionsFor(ctx, staff, 'broadcast.manage')}
          programCount={programCount}
          isAllImages={can(staff, 'media.manage')}
          channel={channel}
          problems={problems}
          notice={notice}
        />,
        status,
      );
    },
    blank: async (_request, edition) => blankChannel(edition.code),
    valuesOf: valuesOfChannel,
    read: readChannelForm,
    // A new channel goes in the edition its form names.
    postedEdition: (_request, values) => values.edition,
    // A channel stays in its edition, whatever the post says.
    keep: (values, channel) => ({ ...values, edition: channel.edition }),
    rearrange: rearrangeStreams,
    check: checkChannel,
    save: saveChannel,
    fieldOf: channelFieldOf,
  };
  radioFormRoutes(app, ctx, form);

  app.post<{ Params: { id: string } }>('/radio/channels/:id/delete', async (request, reply) => {
    const { thing: channel, staff } = await loadChannel(ctx, request);
    try {
      await deleteChannel(writerAs(ctx, staff.id), channel.id);
    } catch (error) {
      if (!(error instanceof ChannelInUseError)) throw error;
      const problems: FieldProblems = new Map([['form', [t('radio.deleteRefused', { count: error.programs })]]]);
      const edition = editionChoice(ctx, channel.edition);
      const values = valuesOfChannel(channel);
      return form.renderForm(request, reply, { staff, edition, values, thing: channel, problems }, 409);
    }
    return seeOther(reply, `/newsroom/radio/channels?edition=${encodeURIComponent(channel.edition)}&done=deleted`);
  });
}
