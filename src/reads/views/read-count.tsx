// "Read N times" on the article page, and the beacon that reports the read: the page's script
// posts to data-read-url and writes the fresh count in; without JavaScript the image does the posting.
import type { Site } from '../../core/views/site.ts';

/** The beacon's address for an article (POST); the no-script image adds ".gif" (GET). */
export function readBeaconPath(articleId: number): string {
  return `/api/reads/${articleId}`;
}

/** The read count paragraph and the no-script beacon image. */
export function ReadCount(props: { site: Site; articleId: number; count: number }): JSX.Element {
  const path = readBeaconPath(props.articleId);
  return (
    <>
      <p class="story__hits" data-read-url={path} safe>
        {props.site.t('article.read', { count: props.count })}
      </p>
      <noscript>
        <img class="read-beacon" src={`${path}.gif`} alt="" width="1" height="1" />
      </noscript>
    </>
  );
}
