// The channels' routes: the list, the new and edit forms (row buttons rearrange the form without
// saving; Save checks everything and saves through saveChannel), and deleting a channel that has
// no programs (one with programs is deactivated instead).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { writerAs } from '../../accounts/index.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';
import {
  can,
  chosenEdition,
  doneNotice,
  editionChoice,
  editionsFor,
  newsroomPage,
  newsroomText as t,
  requirePermission,
  seeOther,
  sendHtml,
  type NewsroomKey,
  type Staff,
} from '../../newsroom/index.ts';
import { ChannelInUseError, deleteChannel, saveChannel } from '../commands.ts';
import {
  blankChannel,
  channelFieldOf,
  checkChannel,
  readChannelForm,
  rearrangeStreams,
  valuesOfChannel,
  type ChannelValues,
} from './channel-form.ts';
import { commandProblems, idOf, type FieldProblems } from './form-fields.ts';
import { countPrograms, findChannel, listChannels, type NewsroomChannel } from './queries.ts';
import { ChannelsPage } from './views/channel-list.tsx';
import { ChannelFormPage } from './views/channels.tsx';

type Query = Record<string, unknown>;

const DONE: Readonly<Record<string, NewsroomKey>> = {
  created: 'radio.channelCreated',
  saved: 'radio.channelSaved',
  deleted: 'radio.channelDeleted',
};

/** A query parameter given once, else undefined. */
export function queryText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function channelRoutes(app: FastifyInstance, ctx: AppContext): void {
  const notice = (query: Query) => doneNotice(DONE, query.done);

  /** The channel of a request's :id, which the user must manage (404 for none). */
  const loadChannel = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const id = idOf(request.params.id);
    const channel = id ? await findChannel(ctx.db, id) : undefined;
    if (!channel) throw new AppError('not_found', 'There is no such channel.');
    const staff = requirePermission(request, 'broadcast.manage', { edition: channel.edition });
    return { channel, staff };
  };

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    staff: Staff,
    values: ChannelValues,
    extra: { channel?: NewsroomChannel; problems?: FieldProblems; notice?: string } = {},
    status = 200,
  ) => {
    const programCount = extra.channel
      ? ((await countPrograms(ctx.db, [extra.channel.id])).get(extra.channel.id) ?? 0)
      : undefined;
    return sendHtml(
      reply,
      <ChannelFormPage
        page={await newsroomPage(ctx, request)}
        values={values}
        editions={
          extra.channel ? [editionChoice(ctx, extra.channel.edition)] : editionsFor(ctx, staff, 'broadcast.manage')
        }
        programCount={programCount}
        isAllImages={can(staff, 'media.manage')}
        {...extra}
      />,
      status,
    );
  };

  /** Save, or a row button: the shared part of the new and edit posts. */
  const post = async (
    request: FastifyRequest,
    reply: FastifyReply,
    staff: Staff,
    values: ChannelValues,
    action: ReturnType<typeof readChannelForm>['action'],
    channel: NewsroomChannel | undefined,
  ) => {
    if (action.kind !== 'save')
      return renderForm(request, reply, staff, rearrangeStreams(values, action), {
        channel,
        notice: t('radio.notSavedYet'),
      });
    const checked = checkChannel(values);
    if (!checked.input) return renderForm(request, reply, staff, values, { channel, problems: checked.problems }, 400);
    try {
      const id = await saveChannel(writerAs(ctx, staff.id), checked.input, channel?.id);
      return seeOther(reply, `/newsroom/radio/channels/${id}?done=${channel ? 'saved' : 'created'}`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const problems = commandProblems(error.problems, channelFieldOf);
      return renderForm(request, reply, staff, values, { channel, problems }, 400);
    }
  };

  app.get<{ Querystring: Query }>('/radio/channels', async (request, reply) => {
    const staff = requirePermission(request, 'broadcast.manage');
    const edition = chosenEdition(ctx, request, 'broadcast.manage', queryText(request.query.edition));
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
        notice={notice(request.query)}
      />,
    );
  });

  app.get<{ Querystring: Query }>('/radio/channels/new', async (request, reply) => {
    const staff = requirePermission(request, 'broadcast.manage');
    const edition = chosenEdition(ctx, request, 'broadcast.manage', queryText(request.query.edition));
    return renderForm(request, reply, staff, blankChannel(edition.code));
  });

  app.post('/radio/channels/new', async (request, reply) => {
    const { values, action } = readChannelForm(request.body);
    if (!ctx.editions.get(values.edition)) throw new AppError('edition_not_found');
    // Another edition's editor is refused outright.
    const staff = requirePermission(request, 'broadcast.manage', { edition: values.edition });
    return post(request, reply, staff, values, action, undefined);
  });

  app.get<{ Params: { id: string }; Querystring: Query }>('/radio/channels/:id', async (request, reply) => {
    const { channel, staff } = await loadChannel(request);
    return renderForm(request, reply, staff, valuesOfChannel(channel), { channel, notice: notice(request.query) });
  });

  app.post<{ Params: { id: string } }>('/radio/channels/:id', async (request, reply) => {
    const { channel, staff } = await loadChannel(request);
    const { values, action } = readChannelForm(request.body);
    // A channel stays in its edition, whatever the post says.
    return post(request, reply, staff, { ...values, edition: channel.edition }, action, channel);
  });

  app.post<{ Params: { id: string } }>('/radio/channels/:id/delete', async (request, reply) => {
    const { channel, staff } = await loadChannel(request);
    try {
      await deleteChannel(writerAs(ctx, staff.id), channel.id);
    } catch (error) {
      if (!(error instanceof ChannelInUseError)) throw error;
      const problems: FieldProblems = new Map([['form', [t('radio.deleteRefused', { count: error.programs })]]]);
      return renderForm(request, reply, staff, valuesOfChannel(channel), { channel, problems }, 409);
    }
    return seeOther(reply, `/newsroom/radio/channels?edition=${encodeURIComponent(channel.edition)}&done=deleted`);
  });
}
