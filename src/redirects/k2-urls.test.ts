// The K2 address forms and the canonical form of old addresses, without a database.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseK2Address, type K2Site } from './k2-urls.ts';
import { candidatesOf, fromPathOf, ignoredParams, parseOldAddress } from './paths.ts';

const SITES: readonly K2Site[] = [
  { edition: 'id', basePath: '/indonesian' },
  { edition: 'en', basePath: '/en' },
  { edition: 'ar', basePath: '' },
];

function k2(target: string) {
  const address = parseOldAddress(target);
  assert.ok(address, target);
  const found = parseK2Address(address, SITES);
  return (
    found && { edition: found.edition, kind: found.kind, id: found.sourceId, start: found.start, feed: found.feed }
  );
}

describe('K2 addresses', () => {
  it('reads every item form, with and without index.php, under each prefix, ignoring the alias', () => {
    const item = (edition: string, id: string) => ({ edition, kind: 'item', id, start: 0, feed: undefined });
    for (const url of [
      '/indonesian/index.php/component/k2/item/5-judul-lama',
      '/indonesian/component/k2/item/5-judul-lama',
      '/indonesian/index.php/berita/ekonomi/item/5-judul-baru',
      '/indonesian/berita/item/5',
      '/indonesian/berita/item/5-judul.html',
      '/indonesian/berita/item/5:judul/',
      '/indonesian/index.php?option=com_k2&view=item&id=5:judul&Itemid=12',
      '/indonesian/?option=com_k2&view=item&id=5',
    ]) {
      assert.deepEqual(k2(url), item('id', '5'), url);
    }
    assert.deepEqual(k2('/en/index.php/component/k2/item/5-old'), item('en', '5'));
    // Under no known prefix: the site at the root.
    assert.deepEqual(k2('/english/news/item/0005-x'), item('ar', '5'));
  });

  it('reads categories, tags and authors, pages and feeds', () => {
    assert.deepEqual(k2('/indonesian/index.php/component/k2/itemlist/category/3-ekonomi?start=24&Itemid=4'), {
      edition: 'id',
      kind: 'category',
      id: '3',
      start: 24,
      feed: undefined,
    });
    assert.deepEqual(k2('/indonesian/component/k2/itemlist/tag/Ekonomi+Makro?format=feed&type=atom'), {
      edition: 'id',
      kind: 'tag',
      id: 'ekonomi makro',
      start: 0,
      feed: 'atom',
    });
    assert.equal(k2('/indonesian/component/k2/itemlist/tag/Ekonomi%20Makro')?.id, 'ekonomi makro');
    assert.equal(k2('/indonesian/component/k2/itemlist/tag/C%2B%2B')?.id, 'c++');
    assert.deepEqual(k2('/indonesian/index.php/component/k2/itemlist/user/9-budi-santoso?limitstart=10'), {
      edition: 'id',
      kind: 'user',
      id: '9',
      start: 10,
      feed: undefined,
    });
    assert.equal(k2('/indonesian/index.php/component/k2/itemlist/category/3-ekonomi.feed?type=rss')?.feed, 'rss');
    assert.equal(k2('/indonesian/index.php/component/k2/itemlist/category/3-ekonomi?format=feed')?.feed, 'rss');
    assert.equal(
      k2('/indonesian/index.php?option=com_k2&view=itemlist&task=tag&tag=Politik')?.id,
      'politik',
      'a tag in the query',
    );
    assert.equal(k2('/indonesian/index.php?option=com_k2&view=itemlist&task=category&id=3')?.kind, 'category');
  });

  it('refuses what is not a K2 address', () => {
    for (const url of [
      '/indonesian/index.php/component/k2/item/abc',
      '/indonesian/index.php/component/k2/item/0-zero',
      '/indonesian/item',
      '/indonesian/index.php/component/k2/itemlist/tag/',
      '/indonesian/index.php?option=com_content&view=article&id=5',
      '/indonesian/berita/index.php?option=com_k2&view=item&id=5',
      '/indonesian/index.php/component/k2/item/1234567890123-too-long',
    ]) {
      assert.equal(k2(url), undefined, url);
    }
    assert.equal(k2('/indonesian/index.php/component/k2/itemlist/category/3?start=99999999999')?.start, 0);
    const none = parseOldAddress('/x/item/5')!;
    assert.equal(parseK2Address(none, []), undefined, 'no imported site, no K2 address');
  });
});

describe('old addresses in canonical form', () => {
  it('keeps the parameters that matter, sorted, and drops the rest and the trailing slash', () => {
    const a = parseOldAddress('/2019/05/old-story/?utm_source=x&p=12&Itemid=4&fbclid=abc')!;
    assert.equal(fromPathOf(a), '/2019/05/old-story?p=12');
    assert.deepEqual(candidatesOf(a), ['/2019/05/old-story?p=12', '/2019/05/old-story']);
    assert.equal(fromPathOf(parseOldAddress('/?page_id=7&p=3')!), '/?p=3&page_id=7');
    assert.deepEqual(candidatesOf(parseOldAddress('/about-us')!), ['/about-us']);
  });

  it('encodes segments one way, whatever the client sent', () => {
    assert.equal(parseOldAddress('/berita/ekonomi%20dan%20bisnis')!.path, '/berita/ekonomi%20dan%20bisnis');
    assert.equal(parseOldAddress('/berita/ekonomi dan bisnis')!.path, '/berita/ekonomi%20dan%20bisnis');
    assert.equal(parseOldAddress('/kategori/%E7%BB%8F%E6%B5%8E')!.path, '/kategori/%E7%BB%8F%E6%B5%8E');
    assert.equal(parseOldAddress('/a%2Fb/c:d')!.path, '/a%2Fb/c:d', 'an encoded slash stays one segment');
  });

  it('refuses NUL, broken UTF-8, fragments, protocol-relative and overlong addresses', () => {
    for (const target of [
      '/a%00b',
      '/a%FFb',
      '/a%ED%A0%80',
      '/a?p=%FF',
      '/a?p=%00',
      '/a#top',
      '//evil.example/x',
      '/\\evil.example',
      'relative/path',
      '',
      `/${'a'.repeat(3000)}`,
    ]) {
      assert.equal(parseOldAddress(target), undefined, JSON.stringify(target.slice(0, 40)));
    }
  });

  it('names the parameters matching ignores', () => {
    assert.deepEqual(ignoredParams('/x?p=1&utm_source=a&Itemid=3'), ['utm_source', 'Itemid']);
    assert.deepEqual(ignoredParams('/x?start=10&format=feed'), []);
  });
});
