// The programs pages: Program Highlight (picks beside the highlight posts, the programs), the
// weekly schedule with today's list, and a program's own page.
import { ArticleCard, type ArticleSummary } from '../../../articles/index.ts';
import { Breadcrumbs } from '../../../core/views/components.tsx';
import { Layout } from '../../../core/views/layout.tsx';
import { absoluteUrl, type Site } from '../../../core/views/site.ts';
import { collectionHeadTags, feedPath, webPageJsonLd } from '../../../seo/index.ts';
import type { ChannelInfo, EpisodeItem, ProgramInfo, RunningPick } from '../queries.ts';
import type { ListedAiring, ScheduleDay } from '../schedule-view.ts';
import { dayHeading } from '../time-text.ts';
import {
  AiringItem,
  AirsText,
  Artwork,
  HostLinks,
  PickList,
  ProgramCard,
  ZoneNote,
  episodePath,
  programPath,
  programsPath,
  scheduleData,
  schedulePath,
} from './parts.tsx';

/** The highlight section and its newest posts. */
export interface HighlightPosts {
  readonly section: { readonly name: string; readonly path: string };
  readonly articles: readonly ArticleSummary[];
}

export interface ProgramsPageProps {
  readonly site: Site;
  readonly picks: readonly RunningPick[];
  readonly posts: HighlightPosts | undefined;
  readonly programs: readonly ProgramInfo[];
  readonly alternates: readonly { lang: string; path: string }[];
}

/** /{edition}/programs: Program Highlight. */
export function ProgramsPage(props: ProgramsPageProps): JSX.Element {
  const { site, posts } = props;
  const { t } = site;
  const code = site.edition.code;
  const title = t('section.programs');
  const path = programsPath(code);
  const trail = [
    { label: t('nav.home'), href: `/${code}` },
    { label: title, href: path },
  ];
  return (
    <Layout
      site={site}
      head={{
        title,
        description: t('programs.intro'),
        path,
        alternates: props.alternates,
        ...collectionHeadTags(site, {
          title,
          description: t('programs.intro'),
          path,
          trail,
          feedPath: posts?.section.path,
        }),
      }}
    >
      <div class="wrap programs">
        <Breadcrumbs site={site} trail={trail} />
        <header class="list__header">
          <h1 safe>{title}</h1>
          <p class="list__intro" safe>
            {t('programs.intro')}
          </p>
          <ul class="programs__links">
            <li>
              <a class="button" href={schedulePath(code)} safe>
                {t('programs.scheduleLink')}
              </a>
            </li>
            <li>
              <a class="button button--live" href={`/${code}/live`} safe>
                {t('nav.listenLive')}
              </a>
            </li>
          </ul>
        </header>
        <div class="with-aside">
          <aside class="aside programs__picks" aria-label={t('programs.picksTitle')}>
            <section class="box picks-box" aria-labelledby="picks-title">
              <h2 id="picks-title" class="box__title" safe>
                {t('programs.picksTitle')}
              </h2>
              {props.picks.length === 0 ? (
                <p class="picks__empty" safe>
                  {t('programs.picksEmpty')}
                </p>
              ) : (
                <PickList site={site} picks={props.picks} />
              )}
            </section>
          </aside>
          <section class="programs__posts" aria-labelledby="posts-title">
            <h2 id="posts-title" class="section-title" safe>
              {t('programs.postsTitle')}
            </h2>
            {!posts || posts.articles.length === 0 ? (
              <p class="empty" safe>
                {t('programs.postsEmpty')}
              </p>
            ) : (
              <>
                <div class="stack">
                  {posts.articles.map((a, i) => (
                    <ArticleCard site={site} article={a} headingLevel={3} showSection={false} isPriority={i === 0} />
                  ))}
                </div>
                <p class="programs__more">
                  <a href={posts.section.path} safe>
                    {t('programs.postsMore', { section: posts.section.name })}
                  </a>
                  {' · '}
                  <a href={feedPath(posts.section.path, 'rss')} type="application/rss+xml" safe>
                    {t('programs.postsFeed')}
                  </a>
                </p>
              </>
            )}
          </section>
        </div>
        <section class="programs__list" aria-labelledby="programs-title">
          <h2 id="programs-title" class="section-title" safe>
            {t('programs.listTitle')}
          </h2>
          {props.programs.length === 0 ? (
            <p class="empty" safe>
              {t('programs.listEmpty')}
            </p>
          ) : (
            <div class="program-grid">
              {props.programs.map((p) => (
                <ProgramCard site={site} program={p} />
              ))}
            </div>
          )}
        </section>
      </div>
    </Layout>
  );
}

/** One channel's week on the schedule page. */
export interface ChannelWeek {
  readonly channel: ChannelInfo;
  readonly days: readonly ScheduleDay[];
  /** Today's airings, including a show still running from the night before. */
  readonly today: readonly ListedAiring[];
}

export interface SchedulePageProps {
  readonly site: Site;
  readonly weeks: readonly ChannelWeek[];
  readonly programs: ReadonlyMap<number, { slug: string; title: string }>;
  readonly alternates: readonly { lang: string; path: string }[];
}

/**
 * The schedule page's list of airings (today's, or one day's of the week), each under its
 * program's name; with none, the paragraph `none` says so.
 */
function ScheduleSlots(props: {
  site: Site;
  airings: readonly ListedAiring[];
  timeZone: string;
  programs: SchedulePageProps['programs'];
  none: { class: string; text: string };
  isToday?: boolean;
}): JSX.Element {
  if (props.airings.length === 0)
    return (
      <p class={props.none.class} safe>
        {props.none.text}
      </p>
    );
  return (
    <ol class={props.isToday ? 'slots slots--today' : 'slots'}>
      {props.airings.map((a) => (
        <AiringItem
          site={props.site}
          airing={a}
          timeZone={props.timeZone}
          program={a.programId === null ? undefined : props.programs.get(a.programId)}
        />
      ))}
    </ol>
  );
}

/** /{edition}/programs/schedule: today's list and the week, per channel. */
export function SchedulePage(props: SchedulePageProps): JSX.Element {
  const { site } = props;
  const { t } = site;
  const code = site.edition.code;
  const title = t('programs.scheduleTitle');
  const path = schedulePath(code);
  const trail = [
    { label: t('nav.home'), href: `/${code}` },
    { label: t('section.programs'), href: programsPath(code) },
    { label: title, href: path },
  ];
  const many = props.weeks.length > 1;
  return (
    <Layout
      site={site}
      head={{
        title,
        description: t('programs.scheduleIntro'),
        path,
        alternates: props.alternates,
        jsonLd: webPageJsonLd(site, { type: 'WebPage', title, description: t('programs.scheduleIntro'), path, trail }),
      }}
    >
      <div class="wrap">
        <Breadcrumbs site={site} trail={trail} />
        <header class="list__header">
          <h1 safe>{title}</h1>
          <p class="list__intro" safe>
            {t('programs.scheduleIntro')}
          </p>
        </header>
        {props.weeks.length === 0 && (
          <p class="empty" safe>
            {t('programs.noChannels')}
          </p>
        )}
        {props.weeks.map((week, n) => {
          const id = `channel-${week.channel.slug}`;
          const timeZone = week.channel.timeZone;
          // With several channels each one's name heads its part, and "Today" and "This week"
          // go a level down under it, so the outline reads channel by channel.
          const Part = many ? 'h3' : 'h2';
          const Day = many ? 'h4' : 'h3';
          return (
            <section class="schedule" aria-labelledby={many ? id : undefined} {...scheduleData(site, timeZone)}>
              {many && (
                <h2 id={id} class="schedule__channel" safe>
                  {week.channel.name}
                </h2>
              )}
              <ZoneNote site={site} timeZone={timeZone} />
              <section class="schedule__today" aria-labelledby={`today-${n}`}>
                <Part id={`today-${n}`} class="section-title" safe>
                  {`${t('programs.today')} · ${dayHeading(week.days[0]!.date, site.edition.locale)}`}
                </Part>
                <ScheduleSlots
                  site={site}
                  airings={week.today}
                  timeZone={timeZone}
                  programs={props.programs}
                  none={{ class: 'empty', text: t('programs.nothingToday') }}
                  isToday
                />
              </section>
              <section class="schedule__week" aria-labelledby={`week-${n}`}>
                <Part id={`week-${n}`} class="section-title" safe>
                  {t('programs.week')}
                </Part>
                <div class="week">
                  {week.days.map((day, i) => (
                    <section class="week__day" aria-labelledby={`day-${n}-${i}`}>
                      <Day id={`day-${n}-${i}`} class="week__heading">
                        <time datetime={day.date} safe>
                          {dayHeading(day.date, site.edition.locale)}
                        </time>
                      </Day>
                      <ScheduleSlots
                        site={site}
                        airings={day.airings}
                        timeZone={timeZone}
                        programs={props.programs}
                        none={{ class: 'week__empty', text: t('programs.nothingDay') }}
                      />
                    </section>
                  ))}
                </div>
              </section>
            </section>
          );
        })}
      </div>
    </Layout>
  );
}

export interface ProgramPageProps {
  readonly site: Site;
  readonly program: ProgramInfo;
  readonly upcoming: readonly ListedAiring[];
  readonly episodes: readonly EpisodeItem[];
  readonly related: readonly ArticleSummary[];
}

/** /{edition}/programs/{slug}: a program. */
export function ProgramPage(props: ProgramPageProps): JSX.Element {
  const { site, program } = props;
  const { t } = site;
  const code = site.edition.code;
  const path = programPath(code, program.slug);
  const podcast = `${path}/podcast.xml`;
  const calendar = `${path}.ics`;
  const description = program.description || program.title;
  const trail = [
    { label: t('nav.home'), href: `/${code}` },
    { label: t('section.programs'), href: programsPath(code) },
    { label: program.title, href: path },
  ];
  const timeZone = program.channel.timeZone;
  return (
    <Layout
      site={site}
      head={{
        title: program.title,
        description: summaryOf(description),
        path,
        links:
          props.episodes.length > 0
            ? [
                {
                  rel: 'alternate',
                  type: 'application/rss+xml',
                  href: podcast,
                  title: t('programs.podcastTitle', { program: program.title }),
                },
              ]
            : [],
        jsonLd: [
          ...webPageJsonLd(site, { type: 'WebPage', title: program.title, description, path, trail }),
          radioSeriesJsonLd(site, props),
        ],
      }}
    >
      <div class="wrap program">
        <Breadcrumbs site={site} trail={trail} />
        <header class="program__header">
          <Artwork program={program} sizes="(min-width: 40rem) 12rem, 8rem" />
          <div class="program__intro">
            <h1 safe>{program.title}</h1>
            {program.hosts.length > 0 && (
              <p class="program__hosts">
                <span safe>{t('programs.hosts')}</span> <HostLinks site={site} hosts={program.hosts} />
              </p>
            )}
            <p class="program__channel">
              <span safe>{t('programs.channel')}</span>{' '}
              <a href={`/${code}/live`} safe>
                {program.channel.name}
              </a>
            </p>
            <AirsText site={site} program={program} />
          </div>
        </header>
        {!!program.description && (
          <div class="program__description">
            {program.description.split(/\n\s*\n/).map((p) => (
              <p safe>{p}</p>
            ))}
          </div>
        )}
        <div class="with-aside">
          <div class="program__main">
            <section aria-labelledby="episodes-title">
              <h2 id="episodes-title" class="section-title" safe>
                {t('programs.episodes')}
              </h2>
              {props.episodes.length === 0 ? (
                <p class="empty" safe>
                  {t('programs.noEpisodes')}
                </p>
              ) : (
                <>
                  <ol class="episode-list">
                    {props.episodes.map((e) => (
                      <li class="episode-item">
                        <h3 class="episode-item__title">
                          <a href={episodePath(code, program.slug, e.slug)} safe>
                            {e.title}
                          </a>
                        </h3>
                        <p class="episode-item__meta">
                          <time datetime={e.publishedAt.toISOString()} safe>
                            {site.f.date(e.publishedAt)}
                          </time>
                          {e.durationSeconds !== null && (
                            <span safe>
                              {` · ${t('programs.minutes', { count: Math.max(1, Math.round(e.durationSeconds / 60)) })}`}
                            </span>
                          )}
                        </p>
                        {!!e.description && (
                          <p class="episode-item__text" safe>
                            {summaryOf(e.description)}
                          </p>
                        )}
                      </li>
                    ))}
                  </ol>
                  <p class="program__podcast">
                    <a href={podcast} type="application/rss+xml" safe>
                      {t('programs.podcast')}
                    </a>
                  </p>
                </>
              )}
            </section>
            {props.related.length > 0 && (
              <section class="related" aria-labelledby="related-title">
                <h2 id="related-title" class="section-title" safe>
                  {t('programs.related')}
                </h2>
                <div class="grid">
                  {props.related.map((a) => (
                    <ArticleCard site={site} article={a} headingLevel={3} variant="compact" />
                  ))}
                </div>
              </section>
            )}
          </div>
          <aside class="aside">
            <section
              class="box schedule schedule--compact"
              aria-labelledby="upcoming-title"
              {...scheduleData(site, timeZone)}
            >
              <h2 id="upcoming-title" class="box__title" safe>
                {t('programs.upcoming')}
              </h2>
              <ZoneNote site={site} timeZone={timeZone} />
              {props.upcoming.length === 0 ? (
                <p safe>{t('programs.noUpcoming')}</p>
              ) : (
                <ol class="slots">
                  {props.upcoming.map((a) => (
                    <AiringItem
                      site={site}
                      airing={a}
                      timeZone={timeZone}
                      program={{ slug: program.slug, title: program.title }}
                      showDate
                      hideTitle
                    />
                  ))}
                </ol>
              )}
              <p class="program__calendar">
                <a href={calendar} type="text/calendar" download={`${program.slug}.ics`} safe>
                  {t('programs.calendar')}
                </a>
              </p>
              <p>
                <a href={schedulePath(code)} safe>
                  {t('programs.scheduleLink')}
                </a>
              </p>
            </section>
          </aside>
        </div>
      </div>
    </Layout>
  );
}

/** The first 200 characters of a text, cut at a word. */
function summaryOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 200) return flat;
  const cut = flat.slice(0, 200);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 150))}…`;
}

/** schema.org RadioSeries: the program, its hosts (actors), its published episodes. */
function radioSeriesJsonLd(site: Site, props: ProgramPageProps): object {
  const { program } = props;
  const code = site.edition.code;
  const url = absoluteUrl(site, programPath(code, program.slug));
  return {
    '@context': 'https://schema.org',
    '@type': 'RadioSeries',
    '@id': `${url}#series`,
    url,
    name: program.title,
    description: program.description || program.title,
    inLanguage: site.edition.locale,
    actor: program.hosts.map((h) => ({
      '@type': 'Person',
      name: h.name,
      url: absoluteUrl(site, `/${code}/author/${encodeURIComponent(h.slug)}`),
    })),
    episode: props.episodes.map((e) => ({
      '@type': 'RadioEpisode',
      name: e.title,
      url: absoluteUrl(site, episodePath(code, program.slug, e.slug)),
      datePublished: e.publishedAt.toISOString(),
    })),
  };
}
