// /newsroom/episodes: an edition's episodes, the form that adds or edits one (audio uploaded as a
// plain multipart form, or an address elsewhere), publishing now or at a time, unpublishing and
// deleting (after a confirmation page). Editors, authors and admins ('episode.manage'), checked
// for the episode's or program's own edition on every route; bad input shows the form again with
// every problem and saves nothing, an uploaded file included.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { writerAs } from '../../accounts/index.ts';
import type { DomainRoutes } from '../../context.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';
import { mediaStorage } from '../../media/index.ts';
import {
  can,
  chosenEdition,
  doneNotice,
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
  type Staff,
} from '../../newsroom/index.ts';
import { addProblem, field, idOf, type FieldProblems } from '../newsroom/form-fields.ts';
import { keepStaged, MAX_AUDIO_BYTES, probeAudioFile, type AudioProbe } from './audio.ts';
import {
  audioProblems,
  contentProblems,
  createEpisode,
  deleteEpisode,
  publishEpisode,
  unpublishEpisode,
  updateEpisode,
  type AudioInput,
} from './commands.ts';
import {
  contentInput,
  emptyValues,
  mergeCommandProblems,
  readValues,
  urlAudioInput,
  valuesOf,
  type EpisodeValues,
} from './episode-form.ts';
import { articlePickerRoutes } from './article-picker.tsx';
import { DeleteEpisodePage, EpisodeFormPage, EpisodesPage } from './newsroom-views.tsx';
import {
  findArticleTitles,
  findEpisode,
  listNewsroomEpisodes,
  listProgramsOfEdition,
  type Episode,
} from './queries.ts';
import { discardUnkept, readEpisodeForm, registerEpisodeUploads, uploadedAudio } from './upload-form.ts';

type Query = Record<string, string | undefined>;

/** Episodes the list shows at most (newest changes first). */
const LIST_SIZE = 200;

const DONE: Readonly<Record<string, NewsroomKey>> = {
  created: 'episodes.created',
  saved: 'episodes.saved',
  published: 'episodes.published',
  scheduled: 'episodes.scheduled',
  unpublished: 'episodes.unpublished',
  deleted: 'episodes.deleted',
};

function noticeOf(query: Query): string | undefined {
  return doneNotice(DONE, query.done);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export const episodeNewsroomRoutes: DomainRoutes = async (app, { ctx }) => {
  const storage = mediaStorage(ctx.config.dataDir);
  const format = (date: Date) => ctx.editions.get(ctx.settings.defaultEdition)?.f.dateTime(date) ?? date.toISOString();

  app.addHook('preHandler', async (request) => {
    requirePermission(request, 'episode.manage');
  });
  // The form's "Find an article" (article-picker.tsx): under the hook above, as every route here.
  await app.register(articlePickerRoutes, { ctx });

  /** The episode of the address, if this user may manage episodes of its edition. */
  const loadEpisode = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const id = idOf(request.params.id);
    const episode = id ? await findEpisode(ctx.db, id) : undefined;
    if (!episode) throw new AppError('not_found', 'There is no such episode.');
    const staff = requirePermission(request, 'episode.manage', { edition: episode.edition });
    return { staff, episode };
  };

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    staff: Staff,
    edition: EditionChoice,
    values: EpisodeValues,
    extra: { problems?: FieldProblems; episode?: Episode; notice?: string } = {},
    status = 200,
  ) => {
    const ids = values.articleIds
      .split(/[\s,]+/)
      .filter((v) => /^[1-9]\d{0,9}$/.test(v))
      .map(Number)
      .slice(0, 20);
    const [programs, titles] = await Promise.all([
      listProgramsOfEdition(ctx.db, edition.code),
      findArticleTitles(ctx.db, ids),
    ]);
    const now = ctx.now();
    const publishAt = extra.episode?.publishedAt && extra.episode.publishedAt > now ? extra.episode.publishedAt : now;
    return sendHtml(
      reply,
      <EpisodeFormPage
        page={await newsroomPage(ctx, request)}
        edition={edition}
        programs={programs}
        values={values}
        problems={extra.problems}
        episode={extra.episode}
        articleTitles={ids.flatMap((id) => titles.filter((a) => a.id === id))}
        isAllImages={can(staff, 'media.manage')}
        now={now}
        timeZone={ctx.settings.timezone}
        format={format}
        publishAt={toLocalInput(publishAt, ctx.settings.timezone)}
        notice={extra.notice}
      />,
      status,
    );
  };

  app.get<{ Querystring: Query }>('/episodes', async (request, reply) => {
    const staff = requirePermission(request, 'episode.manage');
    const edition = chosenEdition(ctx, request, 'episode.manage', text(request.query.edition));
    const programs = await listProgramsOfEdition(ctx.db, edition.code);
    const programId = idOf(text(request.query.program));
    const asked = text(request.query.status);
    const status = asked === 'draft' || asked === 'published' || asked === 'scheduled' ? asked : undefined;
    const now = ctx.now();
    const episodes = await listNewsroomEpisodes(ctx.db, edition.code, { programId, status }, now, LIST_SIZE);
    return sendHtml(
      reply,
      <EpisodesPage
        page={await newsroomPage(ctx, request)}
        editions={editionsFor(ctx, staff, 'episode.manage')}
        edition={edition}
        programs={programs}
        filter={{ programId, status }}
        episodes={episodes}
        now={now}
        format={format}
        notice={noticeOf(request.query)}
      />,
    );
  });

  app.get<{ Querystring: Query }>('/episodes/new', async (request, reply) => {
    const staff = requirePermission(request, 'episode.manage');
    const edition = chosenEdition(ctx, request, 'episode.manage', text(request.query.edition));
    const program = idOf(text(request.query.program));
    return renderForm(request, reply, staff, edition, emptyValues(program ? String(program) : ''));
  });

  app.get<{ Params: { id: string }; Querystring: Query }>('/episodes/:id', async (request, reply) => {
    const { staff, episode } = await loadEpisode(request);
    return renderForm(request, reply, staff, editionChoice(ctx, episode.edition), valuesOf(episode), {
      episode,
      notice: noticeOf(request.query),
    });
  });

  /**
   * The audio input of a posted form, or its problems (and the status they call for: 413 or 415
   * for a refused file). A checked upload is left staged: kept only once everything else is valid.
   */
  const readAudio = async (
    request: FastifyRequest,
    values: EpisodeValues,
    problems: FieldProblems,
  ): Promise<{ audio?: AudioInput | 'keep'; probe?: AudioProbe; status: number }> => {
    if (values.audioSource === 'keep') return { audio: 'keep', status: 400 };
    if (values.audioSource === 'url') {
      const audio = urlAudioInput(values, problems);
      mergeCommandProblems(problems, audioProblems(audio));
      return { audio, status: 400 };
    }
    const upload = uploadedAudio(request);
    if (upload?.error) {
      addProblem(problems, 'audio', upload.error.message);
      return { status: upload.error.status };
    }
    if (!upload?.staged) {
      addProblem(problems, 'audio', t('episodes.problemNoFile'));
      return { status: 400 };
    }
    try {
      const probe = await probeAudioFile(upload.staged);
      return { probe, status: 400 };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      addProblem(problems, 'audio', error.message);
      return { status: error.status };
    }
  };

  /** Keeps a checked upload in the media store; its audio input. */
  const keepUpload = async (request: FastifyRequest, probe: AudioProbe): Promise<AudioInput> => {
    const file = await keepStaged(storage, uploadedAudio(request)!.staged!, probe.type);
    return { kind: 'file', file, type: probe.type, bytes: probe.bytes, durationSeconds: probe.durationSeconds };
  };

  const removeStored = async (audio: AudioInput | 'keep' | undefined) => {
    if (audio && audio !== 'keep' && audio.kind === 'file') await storage.remove(audio.file).catch(() => undefined);
  };

  // The form posts: multipart (with the file) in this encapsulated plugin; a form without a file
  // may come urlencoded too.
  await app.register(async (forms) => {
    await registerEpisodeUploads(forms);
    // An upload not kept is removed before the answer goes out (onSend also runs for errors):
    // nothing refused stays on disk. A kept one was renamed away already.
    forms.addHook('onSend', async (request, _reply, payload) => {
      await discardUnkept(request);
      return payload;
    });
    const bodyLimit = MAX_AUDIO_BYTES + 4 * 1024 * 1024;

    forms.post('/episodes', { bodyLimit, preValidation: readEpisodeForm(storage) }, async (request, reply) => {
      let staff = requirePermission(request, 'episode.manage');
      const values = readValues(request.body, true);
      const programId = idOf(values.programId);
      const program = programId
        ? await ctx.db.selectFrom('programs').select(['id', 'edition']).where('id', '=', programId).executeTakeFirst()
        : undefined;
      if (program) {
        // Another edition's program: refused outright, as any write there.
        staff = requirePermission(request, 'episode.manage', { edition: program.edition });
      }
      const edition = chosenEdition(
        ctx,
        request,
        'episode.manage',
        program?.edition ?? text(field(request.body, 'edition')),
      );
      const { input, problems } = contentInput(values);
      mergeCommandProblems(problems, contentProblems(input));
      if (!program) addProblem(problems, 'programId', t('episodes.problemProgram'));
      const { audio, probe, status } = await readAudio(request, values, problems);
      if (problems.size > 0 || !program)
        return renderForm(request, reply, staff, edition, values, { problems }, problems.has('audio') ? status : 400);
      const finalAudio = probe ? await keepUpload(request, probe) : (audio as AudioInput);
      try {
        const id = await createEpisode(writerAs(ctx, staff.id), { ...input, programId: program.id, audio: finalAudio });
        return seeOther(reply, `/newsroom/episodes/${id}?done=created`);
      } catch (error) {
        await removeStored(finalAudio);
        if (!(error instanceof InputError)) throw error;
        const refused = mergeCommandProblems(problems, error.problems);
        return renderForm(request, reply, staff, edition, values, { problems: refused }, 400);
      }
    });

    forms.post<{ Params: { id: string } }>(
      '/episodes/:id',
      { bodyLimit, preValidation: readEpisodeForm(storage) },
      async (request, reply) => {
        const { staff, episode } = await loadEpisode(request);
        const edition = editionChoice(ctx, episode.edition);
        const values = { ...readValues(request.body, false), programId: String(episode.programId) };
        const { input, problems } = contentInput(values);
        mergeCommandProblems(problems, contentProblems(input));
        const { audio, probe, status } = await readAudio(request, values, problems);
        if (problems.size > 0)
          return renderForm(
            request,
            reply,
            staff,
            edition,
            values,
            { problems, episode },
            problems.has('audio') ? status : 400,
          );
        const finalAudio = probe ? await keepUpload(request, probe) : audio;
        try {
          const change = await updateEpisode(writerAs(ctx, staff.id), episode.id, {
            ...input,
            ...(finalAudio && finalAudio !== 'keep' ? { audio: finalAudio } : {}),
          });
          // The old file is no longer linked from any page or feed once the change has committed.
          if (change.replacedFile) await storage.remove(change.replacedFile).catch(() => undefined);
          return seeOther(reply, `/newsroom/episodes/${episode.id}?done=saved`);
        } catch (error) {
          await removeStored(finalAudio);
          if (!(error instanceof InputError)) throw error;
          const refused = mergeCommandProblems(problems, error.problems);
          return renderForm(request, reply, staff, edition, values, { problems: refused, episode }, 400);
        }
      },
    );
  });

  app.post<{ Params: { id: string } }>('/episodes/:id/publish', async (request, reply) => {
    const { staff, episode } = await loadEpisode(request);
    const when = field(request.body, 'when');
    let at: Date | undefined;
    if (when === 'at') {
      at = fromLocalInput(field(request.body, 'at'), ctx.settings.timezone);
      if (!at) {
        const problems: FieldProblems = new Map([['publishAt', [t('episodes.problemPublishAt')]]]);
        return renderForm(
          request,
          reply,
          staff,
          editionChoice(ctx, episode.edition),
          valuesOf(episode),
          { problems, episode },
          400,
        );
      }
    }
    await publishEpisode(writerAs(ctx, staff.id), episode.id, at ? { at } : {});
    const isLater = at !== undefined && at.getTime() > ctx.now().getTime();
    return seeOther(reply, `/newsroom/episodes/${episode.id}?done=${isLater ? 'scheduled' : 'published'}`);
  });

  app.post<{ Params: { id: string } }>('/episodes/:id/unpublish', async (request, reply) => {
    const { staff, episode } = await loadEpisode(request);
    await unpublishEpisode(writerAs(ctx, staff.id), episode.id);
    return seeOther(reply, `/newsroom/episodes/${episode.id}?done=unpublished`);
  });

  app.get<{ Params: { id: string } }>('/episodes/:id/delete', async (request, reply) => {
    const { episode } = await loadEpisode(request);
    return sendHtml(reply, <DeleteEpisodePage page={await newsroomPage(ctx, request)} episode={episode} />);
  });

  app.post<{ Params: { id: string } }>('/episodes/:id/delete', async (request, reply) => {
    const { staff, episode } = await loadEpisode(request);
    const { audioFile } = await deleteEpisode(writerAs(ctx, staff.id), episode.id);
    // After the commit: a failed deletion never leaves an episode without its file.
    if (audioFile) await storage.remove(audioFile).catch(() => undefined);
    return seeOther(reply, `/newsroom/episodes?edition=${encodeURIComponent(episode.edition)}&done=deleted`);
  });
};
