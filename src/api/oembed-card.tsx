// The story card an oEmbed answer carries: plain HTML a partner's page or chat app can show as it
// is (a quotation with a link; no script, no style, no frame), its text escaped.

export interface StoryCardProps {
  readonly url: string;
  readonly title: string;
  readonly summary: string;
  readonly byline: string;
  readonly siteName: string;
  readonly siteUrl: string;
  /** The date as readers of the edition read it, and its machine form. */
  readonly dateText: string;
  readonly dateTime: string;
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  readonly thumbnail?: { readonly url: string; readonly width: number; readonly height: number; readonly alt: string };
}

/** The card's HTML. */
export function StoryCard(props: StoryCardProps): JSX.Element {
  return (
    <blockquote class="warta-embed" cite={props.url} lang={props.lang} dir={props.dir}>
      {props.thumbnail ? (
        <img
          src={props.thumbnail.url}
          width={String(props.thumbnail.width)}
          height={String(props.thumbnail.height)}
          alt={props.thumbnail.alt}
          loading="lazy"
        />
      ) : (
        ''
      )}
      <p>
        <a href={props.url}>
          <strong safe>{props.title}</strong>
        </a>
      </p>
      {props.summary ? <p safe>{props.summary}</p> : ''}
      <p>
        {props.byline ? <span safe>{`${props.byline} · `}</span> : ''}
        <time datetime={props.dateTime} safe>
          {props.dateText}
        </time>
        {' · '}
        <a href={props.siteUrl} safe>
          {props.siteName}
        </a>
      </p>
    </blockquote>
  );
}
