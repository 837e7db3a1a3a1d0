// The programs' routes: the list (by edition and channel), the new and edit forms (slot and host
// row buttons rearrange the form without saving; Save checks everything, then saveProgram).
// Overlapping slots of one channel are warned about beside their rows, not refused: a station
// may mean a short show inside a long one.
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
  type EditionChoice,
  type NewsroomKey,
  type Staff,
} from '../../newsroom/index.ts';
import { saveProgram } from '../commands.ts';
import { queryText } from './channel-routes.tsx';
import { commandProblems, idOf, type FieldProblems } from './form-fields.ts';
import {
  blankProgram,
  checkProgram,
  programFieldOf,
  readProgramForm,
  rearrangeProgram,
  slotOfRow,
  valuesOfProgram,
  type ProgramValues,
} from './program-form.ts';
import { findProgram, listChannels, listHostChoices, listPrograms, type NewsroomProgram } from './queries.ts';
import { ProgramsPage } from './views/program-list.tsx';
import { ProgramFormPage } from './views/programs.tsx';
import { overlapsOf } from './week.ts';

type Query = Record<string, unknown>;

const DONE: Readonly<Record<string, NewsroomKey>> = {
  created: 'radio.programCreated',
  saved: 'radio.programSaved',
};

export function programRoutes(app: FastifyInstance, ctx: AppContext): void {
  const notice = (query: Query) => doneNotice(DONE, query.done);

  const loadProgram = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const id = idOf(request.params.id);
    const program = id ? await findProgram(ctx.db, id) : undefined;
    if (!program) throw new AppError('not_found', 'There is no such program.');
    const staff = requirePermission(request, 'broadcast.manage', { edition: program.edition });
    return { program, staff };
  };

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    staff: Staff,
    edition: EditionChoice,
    values: ProgramValues,
    extra: { program?: NewsroomProgram; problems?: FieldProblems; notice?: string } = {},
    status = 200,
  ) => {
    const [channels, hostChoices] = await Promise.all([
      listChannels(ctx.db, [edition.code]),
      listHostChoices(ctx.db, edition.code),
    ]);
    // A host no longer among the choices (moved to another edition) stays choosable here.
    for (const host of extra.program?.hosts ?? [])
      if (!hostChoices.some((h) => h.id === host.id)) hostChoices.push(host);
    const channelId = idOf(values.channelId);
    const neighbours = channelId
      ? (await listPrograms(ctx.db, [edition.code], channelId)).filter((p) => p.isActive && p.id !== extra.program?.id)
      : [];
    const overlaps = overlapsOf(
      values.slots.map(slotOfRow),
      neighbours.flatMap((p) => p.slots.map((s) => ({ ...s, title: p.title }))),
    );
    return sendHtml(
      reply,
      <ProgramFormPage
        page={await newsroomPage(ctx, request)}
        edition={edition}
        values={values}
        channels={channels}
        hostChoices={hostChoices}
        overlaps={overlaps}
        isAllImages={can(staff, 'media.manage')}
        {...extra}
      />,
      status,
    );
  };

  const post = async (
    request: FastifyRequest,
    reply: FastifyReply,
    staff: Staff,
    edition: EditionChoice,
    program: NewsroomProgram | undefined,
  ) => {
    const { values, action } = readProgramForm(request.body);
    if (action.kind !== 'save')
      return renderForm(request, reply, staff, edition, rearrangeProgram(values, action), {
        program,
        notice: t('radio.notSavedYet'),
      });
    const [channels, hosts] = await Promise.all([
      listChannels(ctx.db, [edition.code]),
      listHostChoices(ctx.db, edition.code),
    ]);
    const checked = checkProgram(values, {
      channelIds: channels.map((c) => c.id),
      hostIds: [...hosts.map((h) => h.id), ...(program?.hosts.map((h) => h.id) ?? [])],
    });
    if (!checked.input)
      return renderForm(request, reply, staff, edition, values, { program, problems: checked.problems }, 400);
    try {
      const id = await saveProgram(writerAs(ctx, staff.id), checked.input, program?.id);
      return seeOther(reply, `/newsroom/radio/programs/${id}?done=${program ? 'saved' : 'created'}`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const problems = commandProblems(error.problems, programFieldOf);
      return renderForm(request, reply, staff, edition, values, { program, problems }, 400);
    }
  };

  app.get<{ Querystring: Query }>('/radio/programs', async (request, reply) => {
    const staff = requirePermission(request, 'broadcast.manage');
    const edition = chosenEdition(ctx, request, 'broadcast.manage', queryText(request.query.edition));
    const channels = await listChannels(ctx.db, [edition.code]);
    const asked = queryText(request.query.channel);
    const channelId = asked ? idOf(asked) : undefined;
    if (asked && !channels.some((c) => c.id === channelId))
      throw new AppError('not_found', 'There is no such channel.');
    const programs = await listPrograms(ctx.db, [edition.code], channelId);
    return sendHtml(
      reply,
      <ProgramsPage
        page={await newsroomPage(ctx, request)}
        editions={editionsFor(ctx, staff, 'broadcast.manage')}
        edition={edition}
        channels={channels}
        channelId={channelId}
        programs={programs}
        notice={notice(request.query)}
      />,
    );
  });

  app.get<{ Querystring: Query }>('/radio/programs/new', async (request, reply) => {
    const staff = requirePermission(request, 'broadcast.manage');
    const edition = chosenEdition(ctx, request, 'broadcast.manage', queryText(request.query.edition));
    const channels = await listChannels(ctx.db, [edition.code]);
    const asked = idOf(queryText(request.query.channel));
    const channelId = channels.find((c) => c.id === asked)?.id ?? channels[0]?.id;
    return renderForm(request, reply, staff, edition, blankProgram(channelId ? String(channelId) : ''));
  });

  app.post<{ Querystring: Query }>('/radio/programs/new', async (request, reply) => {
    const code = queryText(request.query.edition) ?? '';
    if (!ctx.editions.get(code)) throw new AppError('edition_not_found');
    // Another edition's editor is refused outright.
    const staff = requirePermission(request, 'broadcast.manage', { edition: code });
    return post(request, reply, staff, editionChoice(ctx, code), undefined);
  });

  app.get<{ Params: { id: string }; Querystring: Query }>('/radio/programs/:id', async (request, reply) => {
    const { program, staff } = await loadProgram(request);
    return renderForm(request, reply, staff, editionChoice(ctx, program.edition), valuesOfProgram(program), {
      program,
      notice: notice(request.query),
    });
  });

  app.post<{ Params: { id: string } }>('/radio/programs/:id', async (request, reply) => {
    const { program, staff } = await loadProgram(request);
    return post(request, reply, staff, editionChoice(ctx, program.edition), program);
  });
}
