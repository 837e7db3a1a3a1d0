// Page slots: places on a page where domains add their parts (the rating widget on an article,
// the most-read box beside a list, later the radio's mini player in the layout). A page renders
// what its slots hold and knows nothing of who filled them: removing a domain removes its parts.
import type { Site } from './site.ts';

/** A named place on a page whose contributions all take props of type P. */
export interface Slot<P> {
  readonly name: string;
  /** Type marker only; never set. */
  readonly props?: P;
}

/** Declares a slot; the owner of the page exports it (from its index.ts) for others to fill. */
export function defineSlot<P>(name: string): Slot<P> {
  return { name };
}

/** One domain's part of a slot. `render` may load what it shows (one small query at most). */
export interface SlotContribution<P> {
  /** Names the part in errors and tests, e.g. 'ratings.widget'. */
  readonly id: string;
  /** Lower comes first; a number, or one that depends on the props (the page kind, say). */
  readonly order: number | ((props: P) => number);
  render(props: P): JSX.Element | Promise<JSX.Element>;
}

/** The slots of one app: filled while the domains register, read while pages render. */
export class SlotRegistry {
  private readonly parts = new Map<string, SlotContribution<any>[]>();

  /** Adds a contribution to a slot. */
  add<P>(slot: Slot<P>, contribution: SlotContribution<P>): void {
    const list = this.parts.get(slot.name) ?? [];
    if (list.some((c) => c.id === contribution.id)) throw new Error(`slot ${slot.name} has ${contribution.id} already`);
    this.parts.set(slot.name, [...list, contribution]);
  }

  /** The ids of a slot's contributions, in the order they render for these props. */
  idsOf<P>(slot: Slot<P>, props: P): string[] {
    return this.ordered(slot, props).map((c) => c.id);
  }

  /** Renders a slot's contributions for these props, in order, into one HTML string. */
  async render<P>(slot: Slot<P>, props: P): Promise<string> {
    const parts = await Promise.all(this.ordered(slot, props).map((c) => c.render(props)));
    return parts.join('');
  }

  private ordered<P>(slot: Slot<P>, props: P): SlotContribution<P>[] {
    const orderOf = (c: SlotContribution<P>) => (typeof c.order === 'function' ? c.order(props) : c.order);
    return [...(this.parts.get(slot.name) ?? [])].sort((a, b) => orderOf(a) - orderOf(b));
  }
}

/** Which kind of page an aside belongs to, so a part can choose its place (or stay away). */
export type PageKind = 'home' | 'article' | 'list' | 'most-read' | 'search' | 'page';

/** The column beside a page's main content: most read, the live radio card… */
export const ASIDE_SLOT = defineSlot<{ site: Site; page: PageKind }>('layout.aside');

/**
 * Under the masthead of every reader page, above its main content: what must reach every reader
 * at once (breaking news). Rendered per request beside the cached shell, never into it; a part
 * should answer from memory, as every page pays for it.
 */
export const BANNER_SLOT = defineSlot<{ site: Site }>('layout.banner');

/**
 * At the end of the top bar of every reader page: the radio's "Listen live" link, which says
 * whether the station is on air. Rendered per request into the cached shell's gap for it, so a
 * part should answer from memory.
 */
export const TOPBAR_SLOT = defineSlot<{ site: Site }>('layout.topbar');
