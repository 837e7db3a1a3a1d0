// /newsroom/banner: each of the user's editions with its live banner (and "End now"), the form
// that raises a banner, and the recent banners. Times are shown in the site time zone, named.
import {
  CsrfField,
  NewsroomLayout,
  Notice,
  PostButton,
  Problems,
  SiteTime,
  SiteTimeField,
  newsroomText as t,
  siteDateTime,
  type NewsroomPage,
} from '../../newsroom/index.ts';
import { DURATIONS, EXPIRY_CHOICES, type ExpiryChoice } from '../commands.ts';
import { MAX_TEXT_LENGTH, isLive, type Banner } from '../model.ts';
import type { ListedBanner } from '../queries.ts';

/** An edition the user manages banners in, with its live banner. */
export interface EditionBanner {
  readonly code: string;
  readonly name: string;
  readonly live: Banner | undefined;
}

/** The form's fields as posted, shown again when something is wrong. */
export interface BannerFormValues {
  readonly edition?: string;
  readonly text?: string;
  readonly link?: string;
  readonly expires?: string;
  readonly until?: string;
}

export interface BannerPageProps {
  readonly page: NewsroomPage;
  readonly editions: readonly EditionBanner[];
  readonly recent: readonly ListedBanner[];
  readonly now: Date;
  readonly timeZone: string;
  /** "Asia/Jakarta (UTC+07:00)". */
  readonly zone: string;
  /** The earliest and latest minute the expiry field takes, as datetime-local values. */
  readonly untilRange: { readonly min: string; readonly max: string };
  readonly values?: BannerFormValues;
  readonly problems?: readonly string[];
  readonly notice?: string;
}

function choiceLabel(choice: ExpiryChoice): string {
  if (choice === 'at') return t('banner.atTime');
  if (choice === '30m') return t('banner.in30m');
  if (choice === '1h') return t('banner.in1h');
  return t('banner.inHours', { hours: DURATIONS[choice] / 60 });
}

/** The banner page. */
export function BannerPage(props: BannerPageProps): JSX.Element {
  const title = t('banner.title');
  return (
    <NewsroomLayout {...props.page} title={title}>
      <h1>{title}</h1>
      <p>{t('banner.intro')}</p>
      <p class="nr-meta" safe>
        {t('banner.zone', { zone: props.zone })}
      </p>
      <Notice text={props.notice} />
      {props.editions.length === 0 ? (
        <p>{t('banner.noEditions')}</p>
      ) : (
        <>
          <LiveBanners {...props} />
          <RaiseForm {...props} />
        </>
      )}
      <RecentBanners {...props} />
    </NewsroomLayout>
  );
}

function LiveBanners(props: BannerPageProps): JSX.Element {
  return (
    <section class="nr-panel" aria-labelledby="live-heading">
      <h2 id="live-heading">{t('banner.live')}</h2>
      <ul class="nr-list">
        {props.editions.map((e) => (
          <li>
            <h3 lang={e.code} safe>
              {e.name}
            </h3>
            {e.live ? (
              <>
                <p>
                  <strong lang={e.code} dir="auto" safe>
                    {e.live.text}
                  </strong>
                  {e.live.link === null ? (
                    ''
                  ) : (
                    <>
                      {' · '}
                      <a href={e.live.link} safe>
                        {e.live.link}
                      </a>
                    </>
                  )}
                </p>
                <p class="nr-meta">
                  <LiveUntil date={e.live.expiresAt} timeZone={props.timeZone} />
                </p>
                <PostButton
                  action={`/newsroom/banner/${e.live.id}/end`}
                  csrfToken={props.page.staff!.csrfToken}
                  text={t('banner.end')}
                  isDanger
                />
              </>
            ) : (
              <p class="nr-meta">{t('banner.noneLive')}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RaiseForm(props: BannerPageProps): JSX.Element {
  const v = props.values ?? {};
  const expires = v.expires ?? '1h';
  return (
    <section class="nr-panel" aria-labelledby="raise-heading">
      <h2 id="raise-heading">{t('banner.raise')}</h2>
      <Problems problems={props.problems ?? []} />
      <form method="post" action="/newsroom/banner" class="nr-form">
        <CsrfField token={props.page.staff!.csrfToken} />
        <div class="nr-field">
          <label for="banner-edition">{t('banner.edition')}</label>
          <select id="banner-edition" name="edition">
            {props.editions.map((e) => (
              <option value={e.code} lang={e.code} selected={e.code === v.edition} safe>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for="banner-text">{t('banner.text')}</label>
          <input
            id="banner-text"
            name="text"
            type="text"
            required
            maxlength={String(MAX_TEXT_LENGTH)}
            value={v.text ?? ''}
            aria-describedby="banner-text-hint"
          />
          <p class="nr-hint" id="banner-text-hint" safe>
            {t('banner.textHint', { max: MAX_TEXT_LENGTH })}
          </p>
        </div>
        <div class="nr-field">
          <label for="banner-link">{t('banner.link')}</label>
          <input
            id="banner-link"
            name="link"
            type="text"
            inputmode="url"
            autocomplete="off"
            value={v.link ?? ''}
            aria-describedby="banner-link-hint"
          />
          <p class="nr-hint" id="banner-link-hint">
            {t('banner.linkHint')}
          </p>
        </div>
        <div class="nr-field">
          <label for="banner-expires">{t('banner.expires')}</label>
          <select id="banner-expires" name="expires">
            {EXPIRY_CHOICES.map((choice) => (
              <option value={choice} selected={choice === expires} safe>
                {choiceLabel(choice)}
              </option>
            ))}
          </select>
        </div>
        <SiteTimeField
          id="banner-until"
          name="until"
          label={t('banner.until')}
          value={v.until ?? ''}
          timeZone={props.timeZone}
          hintId="banner-until-hint"
          hint={t('banner.untilHint', { zone: props.zone })}
          min={props.untilRange.min}
          max={props.untilRange.max}
        />
        <div>
          <button type="submit" class="nr-button nr-button-primary">
            {t('banner.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** "Until 1 Dec 2026, 10:30": when a banner stops being shown. */
function LiveUntil(props: { date: Date; timeZone: string }): JSX.Element {
  return (
    <SiteTime
      date={props.date}
      timeZone={props.timeZone}
      text={t('banner.liveUntil', { time: siteDateTime(props.date, props.timeZone) })}
    />
  );
}

function statusOf(banner: Banner, now: Date, timeZone: string): string {
  if (banner.endedAt) return t('banner.statusEnded', { time: siteDateTime(banner.endedAt, timeZone) });
  return isLive(banner, now) ? t('banner.statusLive') : t('banner.statusExpired');
}

function RecentBanners(props: BannerPageProps): JSX.Element {
  const names = new Map(props.editions.map((e) => [e.code, e.name]));
  return (
    <section class="nr-panel" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('banner.recent')}</h2>
      {props.recent.length === 0 ? (
        <p class="nr-meta">{t('banner.noneRecent')}</p>
      ) : (
        <ul class="nr-list">
          {props.recent.map((b) => (
            <li>
              <strong lang={b.edition} dir="auto" safe>
                {b.text}
              </strong>
              <br />
              <span class="nr-meta">
                <span safe>
                  {[
                    names.get(b.edition) ?? b.edition,
                    t('banner.raisedBy', {
                      time: siteDateTime(b.createdAt, props.timeZone),
                      name: b.createdByName ?? '—',
                    }),
                  ].join(' · ')}
                </span>
                {' · '}
                <LiveUntil date={b.expiresAt} timeZone={props.timeZone} />
                {' · '}
                <span safe>{statusOf(b, props.now, props.timeZone)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
