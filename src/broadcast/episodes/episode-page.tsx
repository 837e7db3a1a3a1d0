// The episode page: what it is (program, date, length), the player with a download link, the
// description, the transcript (the text alternative WCAG asks for recorded audio), the stories
// it is about, and schema.org's PodcastEpisode for search engines.
import { articlePath } from '../../articles/index.ts';
import { Breadcrumbs } from '../../core/views/components.tsx';
import { Layout } from '../../core/views/layout.tsx';
import { absoluteUrl, type Site } from '../../core/views/site.ts';
import { isoInZone } from '../../i18n/index.ts';
import { Picture, imageUrl, largestWidth } from '../../media/index.ts';
import { breadcrumbJsonLd, logoShareImage, publisherJsonLd, shareMeta, type ShareImage } from '../../seo/index.ts';
import {
  audioSrc,
  episodePath,
  programPath,
  type Episode,
  type LinkedArticle,
  type PodcastProgram,
} from './queries.ts';

export interface EpisodePageProps {
  readonly site: Site;
  readonly program: PodcastProgram;
  readonly episode: Episode & { publishedAt: Date };
  readonly articles: readonly LinkedArticle[];
  /** The side column's slot (most read, the live card), rendered by the route. */
  readonly safeAside: string;
}

/** The parts of a duration: "1:02:05" → { hours: 1, minutes: 2, seconds: 5 }. */
function durationParts(total: number) {
  return { hours: Math.floor(total / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
}

/** "12 min 5 s" or "1 h 2 min" in the edition's words and digits. */
export function durationText(site: Site, total: number): string {
  const { hours, minutes, seconds } = durationParts(total);
  const n = site.f.number;
  if (hours > 0) return site.t('episodes.hoursMinutes', { hours: n(hours), minutes: n(minutes) });
  if (minutes > 0) return site.t('episodes.minutesSeconds', { minutes: n(minutes), seconds: n(seconds) });
  return site.t('episodes.seconds', { seconds: n(seconds) });
}

/** ISO 8601 duration (schema.org): PT1H2M5S. */
export function isoDuration(total: number): string {
  const { hours, minutes, seconds } = durationParts(total);
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || total === 0 ? `${seconds}S` : ''}`;
}

/** A file size in megabytes (one decimal under ten), in the edition's digits. */
function sizeText(site: Site, bytes: number): string {
  const mb = bytes / 1024 / 1024;
  const rounded = mb < 10 ? Math.max(0.1, Math.round(mb * 10) / 10) : Math.round(mb);
  return site.t('episodes.megabytes', { size: site.f.number(rounded) });
}

/** Transcript paragraphs: split at blank lines, single line breaks kept as spaces. */
export function transcriptParagraphs(transcript: string): string[] {
  return transcript
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

/** The path of an episode's plain-text transcript. */
export function transcriptPath(edition: string, programSlug: string, episodeSlug: string): string {
  return `${episodePath(edition, programSlug, episodeSlug)}/transcript.txt`;
}

/** The path of a program's podcast feed. */
export function podcastPath(edition: string, programSlug: string): string {
  return `${programPath(edition, programSlug)}/podcast.xml`;
}

function structuredData(props: EpisodePageProps): object {
  const { site, program, episode } = props;
  const code = site.edition.code;
  const url = absoluteUrl(site, episodePath(code, program.slug, episode.slug));
  const image = episode.artwork ?? program.artwork;
  return {
    '@context': 'https://schema.org',
    '@type': 'PodcastEpisode',
    '@id': `${url}#episode`,
    url,
    name: episode.title,
    ...(episode.description ? { description: episode.description } : {}),
    datePublished: isoInZone(episode.publishedAt, site.timezone),
    inLanguage: site.edition.locale,
    ...(episode.episodeNumber !== null ? { episodeNumber: episode.episodeNumber } : {}),
    ...(episode.durationSeconds ? { timeRequired: isoDuration(episode.durationSeconds) } : {}),
    ...(image ? { image: absoluteUrl(site, imageUrl(image.image, largestWidth(image.image))) } : {}),
    associatedMedia: {
      '@type': 'AudioObject',
      contentUrl: absoluteUrl(site, audioSrc(episode)),
      encodingFormat: episode.audioType,
      ...(episode.durationSeconds ? { duration: isoDuration(episode.durationSeconds) } : {}),
      ...(episode.audioBytes ? { contentSize: String(episode.audioBytes) } : {}),
      ...(episode.transcript ? { transcript: transcriptParagraphs(episode.transcript).join('\n\n') } : {}),
    },
    partOfSeries: {
      '@type': 'PodcastSeries',
      name: program.title,
      url: absoluteUrl(site, programPath(code, program.slug)),
      webFeed: absoluteUrl(site, podcastPath(code, program.slug)),
    },
    publisher: publisherJsonLd(site),
  };
}

function shareImage(site: Site, episode: Episode, program: PodcastProgram): ShareImage {
  const art = episode.artwork ?? program.artwork;
  if (!art) return logoShareImage(site);
  const width = largestWidth(art.image);
  return {
    url: absoluteUrl(site, imageUrl(art.image, width)),
    width,
    height: Math.round((art.image.height * width) / art.image.width),
    alt: art.alt,
    type: 'image/jpeg',
  };
}

/** The whole page. */
export function EpisodePage(props: EpisodePageProps): JSX.Element {
  const { site, program, episode, safeAside } = props;
  const { t } = site;
  const code = site.edition.code;
  const path = episodePath(code, program.slug, episode.slug);
  const trail = [
    { label: t('nav.home'), href: `/${code}` },
    { label: t('section.programs'), href: `/${code}/programs` },
    { label: program.title, href: programPath(code, program.slug) },
  ];
  const description = episode.description || t('episodes.defaultDescription', { program: program.title });
  const art = episode.artwork ?? program.artwork;
  const paragraphs = transcriptParagraphs(episode.transcript);
  const format = episode.audioType === 'audio/mpeg' ? 'MP3' : 'M4A';
  const src = audioSrc(episode);
  return (
    <Layout
      site={site}
      head={{
        title: `${episode.title} · ${program.title}`,
        description,
        path,
        meta: shareMeta({
          siteName: t('site.name'),
          title: episode.title,
          description,
          url: absoluteUrl(site, path),
          locale: site.edition.locale,
          image: shareImage(site, episode, program),
        }),
        links: [
          {
            rel: 'alternate',
            type: 'application/rss+xml',
            href: podcastPath(code, program.slug),
            title: t('episodes.feedTitle', { program: program.title }),
          },
        ],
        jsonLd: [structuredData(props), breadcrumbJsonLd(site, trail)],
      }}
    >
      <div class="wrap with-aside">
        <div class="main-column">
          <article class="episode">
            <Breadcrumbs site={site} trail={trail} />
            <header class="episode__header">
              <p class="episode__program">
                <a href={programPath(code, program.slug)} safe>
                  {program.title}
                </a>
                {episode.episodeNumber !== null && (
                  <span class="episode__number" safe>
                    {t('episodes.number', { number: site.f.number(episode.episodeNumber) })}
                  </span>
                )}
              </p>
              <h1 class="episode__title" safe>
                {episode.title}
              </h1>
              <p class="episode__meta">
                <time datetime={isoInZone(episode.publishedAt, site.timezone)} safe>
                  {site.f.dateTime(episode.publishedAt)}
                </time>
                {!!episode.durationSeconds && (
                  <span class="episode__duration" safe>
                    {t('episodes.duration', { duration: durationText(site, episode.durationSeconds) })}
                  </span>
                )}
                {(episode.isExplicit || program.isExplicit) && (
                  <span class="episode__explicit" safe>
                    {t('episodes.explicit')}
                  </span>
                )}
              </p>
            </header>
            <div class={art ? 'episode__listen episode__listen--art' : 'episode__listen'}>
              {!!art && (
                <figure class="episode__art">
                  <Picture image={art.image} alt={art.alt} sizes="(min-width: 760px) 12rem, 40vw" isPriority />
                </figure>
              )}
              <section class="episode__player" aria-labelledby="listen-title">
                <h2 id="listen-title" class="episode__player-title" safe>
                  {t('episodes.listen')}
                </h2>
                <audio class="episode__audio" controls="" preload="none">
                  <source src={src} type={episode.audioType} />
                  <a href={src} safe>
                    {t('episodes.noPlayer')}
                  </a>
                </audio>
                <ul class="episode__files">
                  <li>
                    <a href={src} download={episode.audioFile ?? undefined} type={episode.audioType} safe>
                      {episode.audioBytes
                        ? t('episodes.downloadSized', { format, size: sizeText(site, episode.audioBytes) })
                        : t('episodes.download', { format })}
                    </a>
                  </li>
                  <li>
                    <a href={podcastPath(code, program.slug)} type="application/rss+xml" safe>
                      {t('episodes.feed')}
                    </a>
                  </li>
                </ul>
              </section>
            </div>
            {!!episode.description && (
              <div class="episode__description">
                {episode.description
                  .split(/\n\s*\n/)
                  .map((p) => p.trim())
                  .filter(Boolean)
                  .map((p) => (
                    <p safe>{p}</p>
                  ))}
              </div>
            )}
            <section class="episode__transcript" aria-labelledby="transcript-title">
              <h2 id="transcript-title" class="section-title" safe>
                {t('episodes.transcript')}
              </h2>
              {paragraphs.length === 0 ? (
                <p class="episode__empty" safe>
                  {t('episodes.noTranscript')}
                </p>
              ) : (
                <details class="episode__transcript-text">
                  <summary safe>{t('episodes.readTranscript')}</summary>
                  {paragraphs.map((p) => (
                    <p safe>{p}</p>
                  ))}
                  <p class="episode__transcript-file">
                    <a href={transcriptPath(code, program.slug, episode.slug)} type="text/plain" safe>
                      {t('episodes.transcriptFile')}
                    </a>
                  </p>
                </details>
              )}
            </section>
            {props.articles.length > 0 && (
              <section class="episode__stories" aria-labelledby="stories-title">
                <h2 id="stories-title" class="section-title" safe>
                  {t('episodes.stories')}
                </h2>
                <ul class="episode__story-list">
                  {props.articles.map((a) => (
                    <li>
                      <a href={articlePath(a)} safe>
                        {a.title}
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </article>
        </div>
        <aside class="aside">{safeAside}</aside>
      </div>
    </Layout>
  );
}
