// /newsroom/radio/picks: an edition's current and upcoming picks (remove one), the form that adds
// a pick (program, optional episode, note, period in the site's zone), and the choice of the
// edition's highlight section.
import {
  ColumnHeads,
  CsrfField,
  EditionPicker,
  NewsroomLayout,
  Notice,
  PostButton,
  Problems,
  SiteTimeField,
  newsroomText as t,
  siteDateTime,
  type EditionChoice,
  type NewsroomPage,
} from '../../newsroom/index.ts';
import { MAX_NOTE_LENGTH, MAX_PICK_DAYS, type ListedPick } from './picks.ts';

/** The add form's fields as posted, shown again when something is wrong. */
export interface PickFormValues {
  readonly programId?: string;
  readonly episodeId?: string;
  readonly note?: string;
  readonly startsAt?: string;
  readonly endsAt?: string;
}

export interface PicksPageProps {
  readonly page: NewsroomPage;
  readonly editions: readonly EditionChoice[];
  readonly edition: EditionChoice;
  readonly picks: readonly ListedPick[];
  readonly programs: readonly { id: number; title: string; episodes: readonly { id: number; title: string }[] }[];
  readonly sections: readonly { id: number; name: string }[];
  readonly sectionId: number | undefined;
  readonly now: Date;
  readonly timeZone: string;
  /** "Asia/Jakarta (UTC+07:00)". */
  readonly zone: string;
  /** Default period of a new pick, as datetime-local values. */
  readonly defaults: { readonly startsAt: string; readonly endsAt: string };
  readonly values?: PickFormValues;
  readonly problems?: readonly string[];
  readonly notice?: string;
}

/** The picks page. */
export function PicksPage(props: PicksPageProps): JSX.Element {
  const title = t('picks.title');
  const code = props.edition.code;
  return (
    <NewsroomLayout {...props.page} title={title}>
      <h1>{title}</h1>
      <p>{t('picks.intro')}</p>
      <p class="nr-meta">
        <a href="/newsroom/radio">{t('picks.radio')}</a>
        {' · '}
        <a href={`/${code}/programs`}>{t('picks.public')}</a>
      </p>
      <EditionPicker action="/newsroom/radio/picks" editions={props.editions} current={code} />
      <Notice text={props.notice} />
      <Problems problems={props.problems ?? []} />
      <PickTable {...props} />
      <AddForm {...props} />
      <SectionForm {...props} />
    </NewsroomLayout>
  );
}

function PickTable(props: PicksPageProps): JSX.Element {
  return (
    <section class="nr-panel" aria-labelledby="picks-heading">
      <h2 id="picks-heading">{t('picks.listTitle')}</h2>
      <p class="nr-meta" safe>
        {t('picks.zone', { zone: props.zone })}
      </p>
      {props.picks.length === 0 ? (
        <p class="nr-meta">{t('picks.none')}</p>
      ) : (
        <table class="nr-table">
          <ColumnHeads
            labels={[t('picks.colPick'), t('picks.colPeriod'), t('picks.colStatus'), t('picks.colAction')]}
          />
          <tbody>
            {props.picks.map((p) => {
              const name = p.episodeTitle ? `${p.programTitle}: ${p.episodeTitle}` : p.programTitle;
              return (
                <tr>
                  <td>
                    <strong lang={props.edition.code} dir="auto" safe>
                      {name}
                    </strong>
                    {!!p.note && (
                      <>
                        <br />
                        <span class="nr-meta" lang={props.edition.code} dir="auto" safe>
                          {p.note}
                        </span>
                      </>
                    )}
                  </td>
                  <td safe>
                    {t('picks.period', {
                      from: siteDateTime(p.startsAt, props.timeZone),
                      until: siteDateTime(p.endsAt, props.timeZone),
                    })}
                  </td>
                  <td>{p.startsAt <= props.now ? t('picks.running') : t('picks.upcoming')}</td>
                  <td>
                    <PostButton
                      action={`/newsroom/radio/picks/${p.id}/remove`}
                      csrfToken={props.page.staff!.csrfToken}
                      text={t('picks.remove')}
                      ariaLabel={t('picks.removeLabel', { title: name })}
                      isDanger
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AddForm(props: PicksPageProps): JSX.Element {
  const v = props.values ?? {};
  const code = props.edition.code;
  if (props.programs.length === 0)
    return (
      <section class="nr-panel" aria-labelledby="add-heading">
        <h2 id="add-heading">{t('picks.addTitle')}</h2>
        <p>{t('picks.noPrograms')}</p>
      </section>
    );
  return (
    <section class="nr-panel" aria-labelledby="add-heading">
      <h2 id="add-heading">{t('picks.addTitle')}</h2>
      <form method="post" action="/newsroom/radio/picks" class="nr-form">
        <CsrfField token={props.page.staff!.csrfToken} />
        <input type="hidden" name="edition" value={code} />
        <div class="nr-field">
          <label for="pick-program">{t('picks.program')}</label>
          <select id="pick-program" name="programId">
            {props.programs.map((p) => (
              <option value={String(p.id)} selected={String(p.id) === v.programId} lang={code} safe>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for="pick-episode">{t('picks.episode')}</label>
          <select id="pick-episode" name="episodeId" aria-describedby="pick-episode-hint">
            <option value="">{t('picks.episodeNone')}</option>
            {props.programs
              .filter((p) => p.episodes.length > 0)
              .map((p) => (
                <optgroup label={p.title}>
                  {p.episodes.map((e) => (
                    <option value={String(e.id)} selected={String(e.id) === v.episodeId} lang={code} safe>
                      {e.title}
                    </option>
                  ))}
                </optgroup>
              ))}
          </select>
          <p class="nr-hint" id="pick-episode-hint">
            {t('picks.episodeHint')}
          </p>
        </div>
        <div class="nr-field">
          <label for="pick-note">{t('picks.note')}</label>
          <input
            id="pick-note"
            name="note"
            type="text"
            maxlength={String(MAX_NOTE_LENGTH)}
            value={v.note ?? ''}
            lang={code}
            dir="auto"
            aria-describedby="pick-note-hint"
          />
          <p class="nr-hint" id="pick-note-hint" safe>
            {t('picks.noteHint', { max: MAX_NOTE_LENGTH })}
          </p>
        </div>
        {/* Both ends share one hint, below the second. */}
        <SiteTimeField
          id="pick-starts"
          name="startsAt"
          label={t('picks.startsAt')}
          value={v.startsAt ?? props.defaults.startsAt}
          timeZone={props.timeZone}
          hintId="pick-period-hint"
          required
        />
        <SiteTimeField
          id="pick-ends"
          name="endsAt"
          label={t('picks.endsAt')}
          value={v.endsAt ?? props.defaults.endsAt}
          timeZone={props.timeZone}
          hintId="pick-period-hint"
          hint={t('picks.periodHint', { zone: props.zone, days: MAX_PICK_DAYS })}
          required
        />
        <div>
          <button type="submit" class="nr-button nr-button-primary">
            {t('picks.add')}
          </button>
        </div>
      </form>
    </section>
  );
}

function SectionForm(props: PicksPageProps): JSX.Element {
  const code = props.edition.code;
  return (
    <section class="nr-panel" aria-labelledby="section-heading">
      <h2 id="section-heading">{t('picks.sectionTitle')}</h2>
      <p class="nr-hint" id="pick-section-hint">
        {t('picks.sectionHint')}
      </p>
      <form method="post" action="/newsroom/radio/picks/section" class="nr-form">
        <CsrfField token={props.page.staff!.csrfToken} />
        <input type="hidden" name="edition" value={code} />
        <div class="nr-field">
          <label for="pick-section">{t('picks.section')}</label>
          <select id="pick-section" name="categoryId" aria-describedby="pick-section-hint">
            <option value="" selected={props.sectionId === undefined}>
              {t('picks.sectionNone')}
            </option>
            {props.sections.map((s) => (
              <option value={String(s.id)} selected={s.id === props.sectionId} lang={code} safe>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" class="nr-button">
            {t('picks.sectionSave')}
          </button>
        </div>
      </form>
    </section>
  );
}
