// /newsroom/radio/picks: the editors' picks of an edition and its highlight section. Editors of
// the edition and admins (`broadcast.manage`, checked for the edition itself on every write); bad
// input shows the form again with every problem, saving nothing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DomainRoutes } from '../../context.ts';
import { writerAs } from '../../accounts/index.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';
import {
  chosenEdition,
  doneKey,
  editionChoice,
  editionsFor,
  fromLocalInput,
  newsroomPage,
  newsroomText as t,
  requirePermission,
  seeOther,
  sendHtml,
  toLocalInput,
  type EditionChoice,
  type NewsroomKey,
} from '../../newsroom/index.ts';
import { queryText } from '../newsroom/form-routes.ts';
import { zoneLabel } from '../newsroom/views/text.ts';
import { addPick, chooseHighlightSection, highlightSectionId, listCurrentPicks, removePick } from './picks.ts';
import { PicksPage, type PickFormValues } from './picks-page.tsx';

const DONE: Readonly<Record<string, NewsroomKey>> = {
  added: 'picks.added',
  removed: 'picks.removed',
  section: 'picks.sectionSaved',
};
const DAY = 86_400_000;

/** A text field of a posted form ('' when missing or not text). */
function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** A positive whole number from a form field; NaN when it is not one (the command names the field). */
function idField(value: string): number {
  return /^[1-9][0-9]{0,9}$/.test(value.trim()) && Number(value) < 2 ** 31 ? Number(value) : NaN;
}

export const picksNewsroomRoutes: DomainRoutes = async (app, { ctx }) => {
  // Every route here: only roles that manage the radio somewhere.
  app.addHook('preHandler', async (request) => {
    requirePermission(request, 'broadcast.manage');
  });

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    edition: EditionChoice,
    extra: { values?: PickFormValues; problems?: readonly string[]; notice?: string } = {},
    status = 200,
  ) => {
    const staff = requirePermission(request, 'broadcast.manage', { edition: edition.code });
    const now = ctx.now();
    const timeZone = ctx.settings.timezone;
    const [picks, programs, episodes, sections, sectionId] = await Promise.all([
      listCurrentPicks(ctx.db, edition.code, now),
      ctx.db
        .selectFrom('programs')
        .select(['id', 'title'])
        .where('edition', '=', edition.code)
        .orderBy('title')
        .limit(500)
        .execute(),
      ctx.db
        .selectFrom('episodes')
        .select(['id', 'program_id', 'title'])
        .where('edition', '=', edition.code)
        .orderBy('created_at', 'desc')
        .limit(300)
        .execute(),
      ctx.db
        .selectFrom('categories')
        .select(['id', 'name'])
        .where('edition', '=', edition.code)
        .orderBy('position')
        .orderBy('name')
        .execute(),
      highlightSectionId(ctx.db, edition.code),
    ]);
    const page = (
      <PicksPage
        page={await newsroomPage(ctx, request)}
        editions={editionsFor(ctx, staff, 'broadcast.manage')}
        edition={edition}
        picks={picks}
        programs={programs.map((p) => ({
          id: p.id,
          title: p.title,
          episodes: episodes.filter((e) => e.program_id === p.id).map((e) => ({ id: e.id, title: e.title })),
        }))}
        sections={sections}
        sectionId={sectionId}
        now={now}
        timeZone={timeZone}
        zone={zoneLabel(timeZone, now)}
        defaults={{
          startsAt: toLocalInput(now, timeZone),
          endsAt: toLocalInput(new Date(now.getTime() + 7 * DAY), timeZone),
        }}
        {...extra}
      />
    );
    return sendHtml(reply, page, status);
  };

  /** The edition a form names: unknown is a 404, another edition's a 403. */
  const postedEdition = (request: FastifyRequest): EditionChoice => {
    const asked = field(request.body, 'edition').trim();
    if (!ctx.editions.get(asked)) throw new AppError('edition_not_found');
    requirePermission(request, 'broadcast.manage', { edition: asked });
    return editionChoice(ctx, asked);
  };

  app.get<{ Querystring: { edition?: unknown; done?: unknown } }>('/radio/picks', async (request, reply) => {
    const edition = chosenEdition(ctx, request, 'broadcast.manage', queryText(request.query.edition));
    const key = doneKey(DONE, request.query.done);
    return render(request, reply, edition, { notice: key ? t(key) : undefined });
  });

  app.post('/radio/picks', async (request, reply) => {
    const edition = postedEdition(request);
    const staff = requirePermission(request, 'broadcast.manage', { edition: edition.code });
    const timeZone = ctx.settings.timezone;
    const values: PickFormValues = {
      programId: field(request.body, 'programId'),
      episodeId: field(request.body, 'episodeId'),
      note: field(request.body, 'note'),
      startsAt: field(request.body, 'startsAt'),
      endsAt: field(request.body, 'endsAt'),
    };
    const episode = values.episodeId!.trim();
    try {
      await addPick(writerAs(ctx, staff.id), {
        edition: edition.code,
        programId: idField(values.programId!),
        episodeId: episode === '' ? null : idField(episode),
        note: values.note,
        startsAt: fromLocalInput(values.startsAt!, timeZone) ?? new Date(NaN),
        endsAt: fromLocalInput(values.endsAt!, timeZone) ?? new Date(NaN),
      });
    } catch (error) {
      if (error instanceof InputError)
        return render(request, reply, edition, { values, problems: error.problems }, 400);
      throw error;
    }
    return seeOther(reply, `/newsroom/radio/picks?edition=${encodeURIComponent(edition.code)}&done=added`);
  });

  app.post<{ Params: { id: string } }>('/radio/picks/:id/remove', async (request, reply) => {
    const id = idField(request.params.id);
    const pick = Number.isNaN(id)
      ? undefined
      : await ctx.db.selectFrom('broadcast_picks').select(['id', 'edition']).where('id', '=', id).executeTakeFirst();
    if (!pick) throw new AppError('not_found', 'There is no such pick.');
    const staff = requirePermission(request, 'broadcast.manage', { edition: pick.edition });
    await removePick(writerAs(ctx, staff.id), pick.id);
    return seeOther(reply, `/newsroom/radio/picks?edition=${encodeURIComponent(pick.edition)}&done=removed`);
  });

  app.post('/radio/picks/section', async (request, reply) => {
    const edition = postedEdition(request);
    const staff = requirePermission(request, 'broadcast.manage', { edition: edition.code });
    const raw = field(request.body, 'categoryId').trim();
    try {
      await chooseHighlightSection(writerAs(ctx, staff.id), {
        edition: edition.code,
        categoryId: raw === '' ? null : idField(raw),
      });
    } catch (error) {
      if (error instanceof InputError) return render(request, reply, edition, { problems: error.problems }, 400);
      throw error;
    }
    return seeOther(reply, `/newsroom/radio/picks?edition=${encodeURIComponent(edition.code)}&done=section`);
  });
};
