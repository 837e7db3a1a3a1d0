// The programs' routes: the list (by edition and channel), the new and edit forms (slot and host
// row buttons rearrange the form without saving; Save checks everything, then saveProgram; see
// form-routes.ts). Overlapping slots of one channel are warned about beside their rows, not
// refused: a station may mean a short show inside a long one.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../core/http/errors.ts';
import { can, editionsFor, newsroomPage, sendHtml } from '../../newsroom/index.ts';
import { saveProgram } from '../commands.ts';
import { idOf } from './form-fields.ts';
import { loadManaged, queryText, radioFormRoutes } from './form-routes.ts';
import {
  blankProgram,
  checkProgram,
  programFieldOf,
  readProgramForm,
  rearrangeProgram,
  slotOfRow,
  valuesOfProgram,
  type ProgramAction,
  type ProgramInput,
  type ProgramValues,
} from './program-form.ts';
import { findProgram, listChannels, listHostChoices, listPrograms, type NewsroomProgram } from './queries.ts';
import { ProgramsPage } from './views/program-list.tsx';
import { ProgramFormPage } from './views/programs.tsx';
import { overlapsOf } from './week.ts';

export function programRoutes(app: FastifyInstance, ctx: AppContext): void {
  radioFormRoutes<NewsroomProgram, ProgramValues, Exclude<ProgramAction, { kind: 'save' }>, ProgramInput>(app, ctx, {
    path: '/radio/programs',
    done: { created: 'radio.programCreated', saved: 'radio.programSaved' },
    load: (request) => loadManaged(request, 'There is no such program.', (id) => findProgram(ctx.db, id)),
    renderList: async (request, reply, { staff, edition, notice }) => {
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
          notice={notice}
        />,
      );
    },
    renderForm: async (request, reply, { staff, edition, values, thing: program, problems, notice }, status = 200) => {
      const [channels, hostChoices] = await Promise.all([
        listChannels(ctx.db, [edition.code]),
        listHostChoices(ctx.db, edition.code),
      ]);
      // A host no longer among the choices (moved to another edition) stays choosable here.
      for (const host of program?.hosts ?? []) if (!hostChoices.some((h) => h.id === host.id)) hostChoices.push(host);
      const channelId = idOf(values.channelId);
      const neighbours = channelId
        ? (await listPrograms(ctx.db, [edition.code], channelId)).filter((p) => p.isActive && p.id !== program?.id)
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
          program={program}
          problems={problems}
          notice={notice}
        />,
        status,
      );
    },
    // The channel asked for (`?channel=`) when it is the edition's, else its first channel.
    blank: async (request, edition) => {
      const channels = await listChannels(ctx.db, [edition.code]);
      const asked = idOf(queryText(request.query.channel));
      const channelId = channels.find((c) => c.id === asked)?.id ?? channels[0]?.id;
      return blankProgram(channelId ? String(channelId) : '');
    },
    valuesOf: valuesOfProgram,
    read: readProgramForm,
    // The form's address names a new program's edition; its channel must be one of that edition.
    postedEdition: (request) => queryText(request.query.edition) ?? '',
    keep: (values) => values,
    rearrange: rearrangeProgram,
    // Only the edition's channels and hosts, and the hosts the program already has.
    check: async (values, edition, program) => {
      const [channels, hosts] = await Promise.all([
        listChannels(ctx.db, [edition.code]),
        listHostChoices(ctx.db, edition.code),
      ]);
      return checkProgram(values, {
        channelIds: channels.map((c) => c.id),
        hostIds: [...hosts.map((h) => h.id), ...(program?.hosts.map((h) => h.id) ?? [])],
      });
    },
    save: saveProgram,
    fieldOf: programFieldOf,
  });
}
