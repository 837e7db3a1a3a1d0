// The slot registry on its own: the order parts render in, one part per id, async parts, and
// slots that know nothing of each other. Pages built on it are tested in test/subtrees.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineSlot, SlotRegistry } from './slots.ts';

type Props = { page: 'home' | 'article'; name: string };
const MAIN = defineSlot<Props>('test.main');
const OTHER = defineSlot<Props>('test.other');
const home: Props = { page: 'home', name: 'Ana' };
const article: Props = { page: 'article', name: 'Ana' };

describe('SlotRegistry', () => {
  it('renders nothing for a slot no domain filled', async () => {
    const slots = new SlotRegistry();
    assert.equal(await slots.render(MAIN, home), '');
    assert.deepEqual(slots.idsOf(MAIN, home), []);
  });

  it('renders parts by their order number, whatever order they were added in', async () => {
    const slots = new SlotRegistry();
    slots.add(MAIN, { id: 'late', order: 30, render: () => '<i>late</i>' });
    slots.add(MAIN, { id: 'early', order: -5, render: () => '<i>early</i>' });
    slots.add(MAIN, { id: 'middle', order: 10, render: () => '<i>middle</i>' });
    assert.deepEqual(slots.idsOf(MAIN, home), ['early', 'middle', 'late']);
    assert.equal(await slots.render(MAIN, home), '<i>early</i><i>middle</i><i>late</i>');
  });

  it('keeps the order parts were added in when their numbers tie', () => {
    const slots = new SlotRegistry();
    for (const id of ['first', 'second', 'third']) slots.add(MAIN, { id, order: 10, render: () => id });
    assert.deepEqual(slots.idsOf(MAIN, home), ['first', 'second', 'third']);
  });

  it('lets a part choose its place from the props', async () => {
    const slots = new SlotRegistry();
    slots.add(MAIN, { id: 'box', order: 10, render: () => '[box]' });
    slots.add(MAIN, { id: 'card', order: ({ page }) => (page === 'home' ? 0 : 20), render: () => '[card]' });
    assert.deepEqual(slots.idsOf(MAIN, home), ['card', 'box']);
    assert.deepEqual(slots.idsOf(MAIN, article), ['box', 'card']);
    assert.equal(await slots.render(MAIN, article), '[box][card]');
  });

  it('refuses a second part with the same id in a slot, and names both', () => {
    const slots = new SlotRegistry();
    slots.add(MAIN, { id: 'ratings.widget', order: 10, render: () => 'a' });
    assert.throws(
      () => slots.add(MAIN, { id: 'ratings.widget', order: 20, render: () => 'b' }),
      /test\.main.*ratings\.widget/,
    );
    assert.deepEqual(slots.idsOf(MAIN, home), ['ratings.widget']);
    // The same id in another slot is another part.
    slots.add(OTHER, { id: 'ratings.widget', order: 10, render: () => 'c' });
    assert.deepEqual(slots.idsOf(OTHER, home), ['ratings.widget']);
  });

  it('awaits parts that load what they show, keeping their order, and passes them the props', async () => {
    const slots = new SlotRegistry();
    const seen: Props[] = [];
    slots.add(MAIN, {
      id: 'slow',
      order: 1,
      render: async (props) => {
        seen.push(props);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return `<p>slow for ${props.name}</p>`;
      },
    });
    slots.add(MAIN, { id: 'quick', order: 2, render: async ({ name }) => `<p>quick for ${name}</p>` });
    assert.equal(await slots.render(MAIN, home), '<p>slow for Ana</p><p>quick for Ana</p>');
    assert.deepEqual(seen, [home]);
  });

  it('keeps slots apart: a part added to one never renders in another', async () => {
    const slots = new SlotRegistry();
    slots.add(MAIN, { id: 'main-part', order: 0, render: () => 'main' });
    slots.add(OTHER, { id: 'other-part', order: 0, render: () => 'other' });
    assert.equal(await slots.render(MAIN, home), 'main');
    assert.equal(await slots.render(OTHER, home), 'other');
  });
});
