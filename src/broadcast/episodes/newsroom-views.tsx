// The newsroom's episode pages: the list of an edition's episodes (by program and status), the
// form that adds or edits one (audio upload or address, transcript, artwork from the library,
// linked articles), its publishing controls, and the page that confirms a deletion. The form holds
// the hidden parts its script shows: the upload's progress and "Find an article".
import {
  CsrfField,
  EditionPicker,
  NewsroomLayout,
  Notice,
  newsroomText as t,
  type EditionChoice,
  type NewsroomPage,
} from '../../newsroom/index.ts';
import type { FieldProblems } from '../newsroom/form-fields.ts';
import {
  ArtworkField,
  FieldProblem,
  ProblemSummary,
  TextField,
  describedBy,
  invalid,
} from '../newsroom/views/fields.tsx';
import { MAX_AUDIO_BYTES } from './audio.ts';
import { EPISODE_LIMITS } from './commands.ts';
import { durationInput, type EpisodeValues } from './episode-form.ts';
import { episodePath, type Episode, type EpisodeListItem } from './queries.ts';

/** A program to choose. */
export interface ProgramChoice {
  readonly id: number;
  readonly title: string;
  readonly slug: string;
}

/** What the list shows of an episode's state. */
function stateOf(item: { status: string; publishedAt: Date | null }, now: Date): 'draft' | 'scheduled' | 'published' {
  if (item.status !== 'published' || !item.publishedAt) return 'draft';
  return item.publishedAt > now ? 'scheduled' : 'published';
}

const STATE_LABEL = {
  draft: 'episodes.stateDraft',
  scheduled: 'episodes.stateScheduled',
  published: 'episodes.statePublished',
} as const;

/** An edition's episodes. */
export function EpisodesPage(props: {
  page: NewsroomPage;
  editions: readonly EditionChoice[];
  edition: EditionChoice;
  programs: readonly ProgramChoice[];
  filter: { programId?: number; status?: string };
  episodes: readonly EpisodeListItem[];
  now: Date;
  format: (date: Date) => string;
  notice?: string;
}): JSX.Element {
  const title = t('episodes.titleOf', { edition: props.edition.name });
  const code = encodeURIComponent(props.edition.code);
  const newUrl = `/newsroom/episodes/new?edition=${code}${props.filter.programId ? `&program=${props.filter.programId}` : ''}`;
  return (
    <NewsroomLayout {...props.page} title={title}>
      <div class="nr-heading-row">
        <h1 safe>{title}</h1>
        {props.programs.length > 0 && (
          <div class="nr-heading-actions">
            <a class="nr-button nr-button-primary" href={newUrl}>
              {t('episodes.new')}
            </a>
          </div>
        )}
      </div>
      <p>{t('episodes.intro')}</p>
      <EditionPicker action="/newsroom/episodes" editions={props.editions} current={props.edition.code} />
      <form method="get" action="/newsroom/episodes" class="nr-filters">
        <input type="hidden" name="edition" value={props.edition.code} />
        <div class="nr-field">
          <label for="filter-program">{t('episodes.program')}</label>
          <select id="filter-program" name="program">
            <option value="">{t('episodes.allPrograms')}</option>
            {props.programs.map((p) => (
              <option value={String(p.id)} selected={p.id === props.filter.programId} safe>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for="filter-status">{t('episodes.state')}</label>
          <select id="filter-status" name="status">
            <option value="">{t('episodes.allStates')}</option>
            {(['draft', 'scheduled', 'published'] as const).map((s) => (
              <option value={s} selected={props.filter.status === s}>
                {t(STATE_LABEL[s])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="nr-button">
          {t('manage.show')}
        </button>
      </form>
      <Notice text={props.notice} />
      {props.programs.length === 0 ? (
        <p>{t('episodes.noPrograms')}</p>
      ) : props.episodes.length === 0 ? (
        <p>{t('episodes.none')}</p>
      ) : (
        <table class="nr-table">
          <caption class="visually-hidden" safe>
            {title}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('episodes.episodeTitle')}</th>
              <th scope="col">{t('episodes.program')}</th>
              <th scope="col">{t('episodes.state')}</th>
              <th scope="col">{t('episodes.length')}</th>
            </tr>
          </thead>
          <tbody>
            {props.episodes.map((e) => {
              const state = stateOf(e, props.now);
              return (
                <tr>
                  <td data-label={t('episodes.episodeTitle')}>
                    <a href={`/newsroom/episodes/${e.id}`} safe>
                      {e.title}
                    </a>
                  </td>
                  <td data-label={t('episodes.program')} safe>
                    {e.programTitle}
                  </td>
                  <td data-label={t('episodes.state')} safe>
                    {state === 'draft'
                      ? t('episodes.stateDraft')
                      : `${t(STATE_LABEL[state])} ${props.format(e.publishedAt!)}`}
                  </td>
                  <td data-label={t('episodes.length')} safe>
                    {e.durationSeconds === null ? '—' : durationInput(e.durationSeconds)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </NewsroomLayout>
  );
}

/** The audio part of the form: upload, address, or (editing) keep what it has. */
function AudioFields(props: { values: EpisodeValues; problems?: FieldProblems; current?: Episode }): JSX.Element {
  const { values, problems, current } = props;
  const sources = [...(current ? (['keep'] as const) : []), 'upload' as const, 'url' as const];
  const sourceLabel = {
    keep: t('episodes.audioKeep'),
    upload: t('episodes.audioUpload'),
    url: t('episodes.audioUrlChoice'),
  };
  return (
    <fieldset class="nr-fieldset">
      <legend>{t('episodes.audio')}</legend>
      {!!current && (
        <p class="nr-hint" safe>
          {current.audioFile
            ? t('episodes.audioCurrentFile', {
                type: current.audioType === 'audio/mpeg' ? 'MP3' : 'M4A',
                size: ((current.audioBytes ?? 0) / 1024 / 1024).toFixed(1),
                length: current.durationSeconds === null ? '?' : durationInput(current.durationSeconds),
              })
            : t('episodes.audioCurrentUrl', { url: current.audioUrl ?? '' })}
        </p>
      )}
      <div class="nr-field" role="radiogroup" aria-label={t('episodes.audioSource')}>
        {sources.map((source) => (
          <div class="nr-field-check">
            <input
              type="radio"
              id={`audioSource-${source}`}
              name="audioSource"
              value={source}
              checked={values.audioSource === source}
            />
            <label for={`audioSource-${source}`}>{sourceLabel[source]}</label>
          </div>
        ))}
      </div>
      <div class="nr-field">
        <label for="audio">{t('episodes.audioFile')}</label>
        <input
          type="file"
          id="audio"
          name="audio"
          accept="audio/mpeg,audio/mp4,audio/x-m4a,.mp3,.m4a"
          aria-describedby={describedBy('audio', problems, 'audio-hint')}
          aria-invalid={invalid('audio', problems)}
        />
        <p class="nr-hint" id="audio-hint" safe>
          {t('episodes.audioFileHint', { max: Math.round(MAX_AUDIO_BYTES / 1024 / 1024) })}
        </p>
        <FieldProblem fieldId="audio" problems={problems} />
      </div>
      <TextField
        name="audioUrl"
        label={t('episodes.audioUrl')}
        value={values.audioUrl}
        problems={problems}
        hint={t('episodes.audioUrlHint')}
        type="url"
        maxlength={2000}
        dir="ltr"
      />
      <div class="nr-field">
        <label for="audioType">{t('episodes.audioType')}</label>
        <select
          id="audioType"
          name="audioType"
          aria-describedby={describedBy('audioType', problems)}
          aria-invalid={invalid('audioType', problems)}
        >
          <option value="" selected={values.audioType === ''}>
            {t('episodes.audioTypeAuto')}
          </option>
          <option value="audio/mpeg" selected={values.audioType === 'audio/mpeg'}>
            MP3
          </option>
          <option value="audio/mp4" selected={values.audioType === 'audio/mp4'}>
            M4A (AAC)
          </option>
        </select>
        <FieldProblem fieldId="audioType" problems={problems} />
      </div>
      <TextField
        name="audioBytes"
        label={t('episodes.audioBytes')}
        value={values.audioBytes}
        problems={problems}
        hint={t('episodes.audioBytesHint')}
        inputmode="numeric"
        maxlength={15}
      />
      <TextField
        name="audioDuration"
        label={t('episodes.audioDuration')}
        value={values.audioDuration}
        problems={problems}
        hint={t('episodes.audioDurationHint')}
        maxlength={12}
      />
    </fieldset>
  );
}

/** An article the episode links to, as the form lists it. */
export interface LinkedArticle {
  readonly id: number;
  readonly title: string;
  readonly edition: string;
  readonly status: string;
}

/**
 * The linked articles under their numbers' field, and the "Find an article" search the newsroom's
 * script shows (hidden without it: the numbers field works alone). The script keeps the list in
 * step with the field, with a "Remove" button each, and adds what "Add" picks to the field.
 */
function LinkedArticles(props: { articles: readonly LinkedArticle[]; edition: string }): JSX.Element {
  return (
    <>
      <ul
        class="nr-list nr-article-links"
        aria-label={t('episodes.articlesNow')}
        data-article-links
        hidden={props.articles.length === 0}
      >
        {props.articles.map((a) => (
          <li data-article-id={String(a.id)} data-article-title={a.title}>
            <a href={`/newsroom/articles/${a.id}`} safe>
              {`${a.id}: ${a.title}`}
            </a>
            {a.status !== 'published' ? <span class="nr-meta" safe>{` (${a.status})`}</span> : ''}
          </li>
        ))}
      </ul>
      <div
        class="nr-article-picker"
        hidden
        data-article-picker
        data-picker-url={`/newsroom/episodes/article-picker?edition=${encodeURIComponent(props.edition)}`}
        data-max={String(EPISODE_LIMITS.articles)}
        data-label-searching={t('episodes.articleSearching')}
        data-label-found={t('episodes.articleFound')}
        data-label-failed={t('episodes.articleFailed')}
        data-label-offline={t('episodes.articleOffline')}
        data-label-added={t('episodes.articleAdded')}
        data-label-remove={t('episodes.articleRemove')}
        data-label-numbered={t('episodes.articleNumbered')}
        data-label-linked={t('episodes.articleLinked')}
        data-label-unlinked={t('episodes.articleUnlinked')}
        data-label-full={t('episodes.articleFull', { max: EPISODE_LIMITS.articles })}
      >
        <div class="nr-field" role="search">
          <label for="article-picker-q">{t('episodes.findArticle')}</label>
          <input
            id="article-picker-q"
            type="search"
            maxlength="200"
            autocomplete="off"
            dir="auto"
            aria-describedby="article-picker-hint"
            data-article-search
          />
          <p class="nr-hint" id="article-picker-hint">
            {t('episodes.findArticleHint')}
          </p>
        </div>
        <p class="nr-hint" role="status" data-article-status></p>
        <div class="nr-article-results" data-article-results></div>
      </div>
    </>
  );
}

/**
 * Where the newsroom's script shows an upload's progress (hidden until it does): the bar with its
 * percentage, and a polite status line for what happens ("Uploading: 40 %", "saving…", a failure).
 */
function UploadProgress(): JSX.Element {
  return (
    <div class="nr-upload">
      <div class="nr-upload-progress" hidden data-upload-progress>
        <label for="audio-upload-progress">{t('episodes.uploadProgress')}</label>
        <progress id="audio-upload-progress" max="100" value="0" data-upload-bar></progress>
        <span class="nr-upload-percent" data-upload-percent>
          0 %
        </span>
      </div>
      <p class="nr-hint nr-upload-status" role="status" data-upload-status></p>
    </div>
  );
}

/** The form that adds an episode or edits one, with (editing) its publishing controls. */
export function EpisodeFormPage(props: {
  page: NewsroomPage;
  edition: EditionChoice;
  programs: readonly ProgramChoice[];
  values: EpisodeValues;
  problems?: FieldProblems;
  /** Editing: the stored episode. */
  episode?: Episode;
  articleTitles: readonly LinkedArticle[];
  isAllImages: boolean;
  now: Date;
  timeZone: string;
  format: (date: Date) => string;
  publishAt: string;
  notice?: string;
}): JSX.Element {
  const { values, problems, episode } = props;
  const csrf = props.page.staff?.csrfToken ?? '';
  const title = episode ? t('episodes.editTitle', { title: episode.title }) : t('episodes.newTitle');
  const action = episode ? `/newsroom/episodes/${episode.id}` : '/newsroom/episodes';
  const program = props.programs.find((p) => String(p.id) === values.programId);
  const state = episode ? stateOf(episode, props.now) : undefined;
  return (
    <NewsroomLayout {...props.page} title={title}>
      <p>
        <a href={`/newsroom/episodes?edition=${encodeURIComponent(props.edition.code)}`}>{t('episodes.back')}</a>
      </p>
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      <ProblemSummary problems={problems} />
      {!!episode && !!state && (
        <section class="nr-panel" aria-labelledby="publish-title">
          <h2 id="publish-title">{t('episodes.publishing')}</h2>
          <p safe>
            {state === 'draft'
              ? t('episodes.isDraft')
              : state === 'scheduled'
                ? t('episodes.isScheduled', { time: props.format(episode.publishedAt!) })
                : t('episodes.isPublished', { time: props.format(episode.publishedAt!) })}
          </p>
          {state === 'published' && !!program && (
            <p>
              <a href={episodePath(props.edition.code, program.slug, episode.slug)}>{t('episodes.viewOnSite')}</a>
            </p>
          )}
          {state !== 'published' && (
            <form method="post" action={`/newsroom/episodes/${episode.id}/publish`} class="nr-inline-form">
              <CsrfField token={csrf} />
              <input type="hidden" name="when" value="now" />
              <button type="submit" class="nr-button nr-button-primary">
                {t('episodes.publishNow')}
              </button>
            </form>
          )}
          <form method="post" action={`/newsroom/episodes/${episode.id}/publish`} class="nr-inline-form">
            <CsrfField token={csrf} />
            <input type="hidden" name="when" value="at" />
            <div class="nr-field">
              <label for="publishAt">{t('episodes.publishAt')}</label>
              <input
                id="publishAt"
                name="at"
                type="datetime-local"
                value={props.publishAt}
                aria-describedby="publishAt-hint"
                data-site-zone={props.timeZone}
                data-local-label={t('localTime.line')}
              />
              <p class="nr-hint" id="publishAt-hint" safe>
                {t('episodes.publishAtHint', { zone: props.timeZone })}
              </p>
            </div>
            <button type="submit" class="nr-button">
              {t('episodes.schedule')}
            </button>
          </form>
          {state !== 'draft' && (
            <form method="post" action={`/newsroom/episodes/${episode.id}/unpublish`} class="nr-inline-form">
              <CsrfField token={csrf} />
              <button type="submit" class="nr-button">
                {t('episodes.unpublish')}
              </button>
            </form>
          )}
        </section>
      )}
      <form
        method="post"
        action={action}
        enctype="multipart/form-data"
        class="nr-form"
        novalidate
        data-audio-upload
        data-label-uploading={t('episodes.uploading')}
        data-label-saving={t('episodes.uploadSaving')}
        data-label-failed={t('episodes.uploadFailed')}
        data-label-offline={t('episodes.uploadOffline')}
      >
        {/* The token first: the upload is written to disk only after it has been checked. */}
        <CsrfField token={csrf} />
        {episode ? (
          <p>
            <span>{t('episodes.program')}: </span>
            <strong safe>{program?.title ?? ''}</strong>
            <input type="hidden" name="programId" value={values.programId} />
          </p>
        ) : (
          <div class="nr-field">
            <input type="hidden" name="edition" value={props.edition.code} />
            <label for="programId">
              {t('episodes.program')} <span class="nr-meta">({t('form.required')})</span>
            </label>
            <select
              id="programId"
              name="programId"
              required
              aria-describedby={describedBy('programId', problems)}
              aria-invalid={invalid('programId', problems)}
            >
              <option value="">{t('episodes.chooseProgram')}</option>
              {props.programs.map((p) => (
                <option value={String(p.id)} selected={String(p.id) === values.programId} safe>
                  {p.title}
                </option>
              ))}
            </select>
            <FieldProblem fieldId="programId" problems={problems} />
          </div>
        )}
        <TextField
          name="title"
          label={t('episodes.episodeTitle')}
          value={values.title}
          problems={problems}
          maxlength={EPISODE_LIMITS.title}
          required
          dir="auto"
        />
        <TextField
          name="slug"
          label={t('episodes.slug')}
          value={values.slug}
          problems={problems}
          hint={t('episodes.slugHint')}
          maxlength={EPISODE_LIMITS.slug}
          dir="auto"
        />
        <TextField
          name="description"
          label={t('episodes.description')}
          value={values.description}
          problems={problems}
          maxlength={EPISODE_LIMITS.description}
          multiline
          dir="auto"
        />
        <AudioFields values={values} problems={problems} current={episode} />
        <div class="nr-field">
          <label for="transcript">{t('episodes.transcript')}</label>
          <textarea
            id="transcript"
            name="transcript"
            rows="12"
            dir="auto"
            maxlength={String(EPISODE_LIMITS.transcript)}
            aria-describedby={describedBy('transcript', problems, 'transcript-hint')}
            aria-invalid={invalid('transcript', problems)}
            safe
          >
            {values.transcript}
          </textarea>
          <p class="nr-hint" id="transcript-hint">
            {t('episodes.transcriptHint')}
          </p>
          <FieldProblem fieldId="transcript" problems={problems} />
        </div>
        <ArtworkField
          value={values.featuredMediaId}
          edition={props.edition.code}
          problems={problems}
          legend={t('episodes.artwork')}
          isAllImages={props.isAllImages}
        />
        <TextField
          name="articleIds"
          label={t('episodes.articles')}
          value={values.articleIds}
          problems={problems}
          hint={t('episodes.articlesHint')}
          maxlength={200}
        />
        <LinkedArticles articles={props.articleTitles} edition={props.edition.code} />
        <TextField
          name="episodeNumber"
          label={t('episodes.number')}
          value={values.episodeNumber}
          problems={problems}
          hint={t('episodes.numberHint')}
          inputmode="numeric"
          maxlength={6}
        />
        <div class="nr-field nr-field-check">
          <input id="isExplicit" name="isExplicit" type="checkbox" checked={values.isExplicit} />
          <label for="isExplicit">{t('episodes.explicit')}</label>
        </div>
        <UploadProgress />
        <button type="submit" class="nr-button nr-button-primary">
          {episode ? t('episodes.save') : t('episodes.create')}
        </button>
      </form>
      {!!episode && (
        <p>
          <a class="nr-button nr-button-danger" href={`/newsroom/episodes/${episode.id}/delete`}>
            {t('episodes.delete')}
          </a>
        </p>
      )}
    </NewsroomLayout>
  );
}

/** Asks before deleting an episode (its audio file goes too). */
export function DeleteEpisodePage(props: { page: NewsroomPage; episode: Episode }): JSX.Element {
  const title = t('episodes.deleteTitle', { title: props.episode.title });
  return (
    <NewsroomLayout {...props.page} title={title}>
      <h1 safe>{title}</h1>
      <p>{t('episodes.deleteWarning')}</p>
      <form method="post" action={`/newsroom/episodes/${props.episode.id}/delete`} class="nr-inline-form">
        <CsrfField token={props.page.staff?.csrfToken ?? ''} />
        <button type="submit" class="nr-button nr-button-danger">
          {t('episodes.deleteConfirm')}
        </button>
      </form>
      <p>
        <a href={`/newsroom/episodes/${props.episode.id}`}>{t('episodes.deleteCancel')}</a>
      </p>
    </NewsroomLayout>
  );
}
