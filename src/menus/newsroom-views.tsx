// /newsroom/menus: an edition's menus, and one menu's items. Reordering works without a script
// (each item's Move up / Move down buttons post, and its position number places it); the
// newsroom's script adds a drag handle (pointer and arrow keys) and says each move aloud.
import {
  CsrfField,
  NewsroomLayout,
  Notice,
  Problems,
  newsroomText as t,
  type NewsroomPage,
  type EditionChoice,
} from '../newsroom/index.ts';
import { LABEL_MAX } from './commands.ts';
import { POSITION_MAX, type PostedItem } from './form.ts';

/** A menu's name as the newsroom shows it ("Main menu"; others by their name). */
export function menuTitle(name: string): string {
  return name === 'main' ? t('menus.main') : name;
}

function itemsText(count: number): string {
  return t(count === 1 ? 'count.items.one' : 'count.items.other', { count });
}

export interface MenusPageProps {
  readonly page: NewsroomPage;
  readonly editions: readonly EditionChoice[];
  readonly edition: EditionChoice;
  readonly menus: readonly { readonly name: string; readonly items: number }[];
}

/** The menus of an edition. */
export function MenusPage(props: MenusPageProps): JSX.Element {
  const title = t('menus.heading', { edition: props.edition.name });
  return (
    <NewsroomLayout {...props.page} title={title}>
      <h1 safe>{title}</h1>
      {props.editions.length > 1 && (
        <form method="get" action="/newsroom/menus" class="nr-filters nr-edition-picker">
          <div class="nr-field">
            <label for="edition-picker">{t('manage.edition')}</label>
            <select id="edition-picker" name="edition">
              {props.editions.map((e) => (
                <option value={e.code} selected={e.code === props.edition.code} safe>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="nr-button">
            {t('manage.show')}
          </button>
        </form>
      )}
      <p>{t('menus.intro')}</p>
      <ul class="nr-list nr-panel">
        {props.menus.map((m) => (
          <li>
            <a href={`/newsroom/menus/${encodeURIComponent(props.edition.code)}/${encodeURIComponent(m.name)}`} safe>
              {menuTitle(m.name)}
            </a>{' '}
            <span class="nr-meta" safe>
              {itemsText(m.items)}
            </span>
          </li>
        ))}
      </ul>
    </NewsroomLayout>
  );
}

export interface MenuEditorProps {
  readonly page: NewsroomPage;
  readonly edition: EditionChoice;
  readonly name: string;
  /** The items in the order shown. */
  readonly items: readonly PostedItem[];
  /** The new item's fields, when a post with problems is shown again. */
  readonly added?: PostedItem;
  readonly problems?: readonly string[];
  readonly notice?: string;
  /** The id of the button to give the focus back to after a move (the script does). */
  readonly focusId?: string;
}

function ItemFields(props: { item: PostedItem; number: number }): JSX.Element {
  const { item, number } = props;
  const i = String(item.index);
  const label = item.label.trim() || t('menus.item', { number });
  return (
    <li class="nr-menu-item" id={`item-${number}`} data-menu-item>
      <fieldset class="nr-menu-fields">
        <legend safe>{t('menus.item', { number })}</legend>
        <div class="nr-field">
          <label for={`label-${i}`}>{t('menus.label')}</label>
          <input
            id={`label-${i}`}
            name={`label-${i}`}
            type="text"
            required
            maxlength={String(LABEL_MAX)}
            value={item.label}
            data-item-label
          />
        </div>
        <div class="nr-field">
          <label for={`href-${i}`}>{t('menus.href')}</label>
          <input
            id={`href-${i}`}
            name={`href-${i}`}
            type="text"
            inputmode="url"
            autocomplete="off"
            required
            maxlength="500"
            value={item.href}
            aria-describedby="menu-href-hint"
          />
        </div>
        <div class="nr-field nr-menu-position">
          <label for={`position-${i}`}>{t('menus.position')}</label>
          <input
            id={`position-${i}`}
            name={`position-${i}`}
            type="number"
            inputmode="numeric"
            min="1"
            max={String(POSITION_MAX)}
            value={item.position}
            data-item-position
          />
        </div>
        <div class="nr-actions nr-menu-buttons">
          <button
            type="submit"
            name="action"
            value={`up-${i}`}
            id={`move-up-${number}`}
            class="nr-button"
            formnovalidate
          >
            <span>{t('menus.moveUp')}</span>
            <span class="visually-hidden" safe>{`: ${label}`}</span>
          </button>
          <button
            type="submit"
            name="action"
            value={`down-${i}`}
            id={`move-down-${number}`}
            class="nr-button"
            formnovalidate
          >
            <span>{t('menus.moveDown')}</span>
            <span class="visually-hidden" safe>{`: ${label}`}</span>
          </button>
          <button type="submit" name="action" value={`remove-${i}`} class="nr-button nr-button-danger" formnovalidate>
            <span>{t('menus.remove')}</span>
            <span class="visually-hidden" safe>{`: ${label}`}</span>
          </button>
        </div>
      </fieldset>
    </li>
  );
}

/** One menu's items, with the form that saves, reorders, adds and removes them. */
export function MenuEditorPage(props: MenuEditorProps): JSX.Element {
  const title = t('menus.editTitle', { menu: menuTitle(props.name), edition: props.edition.name });
  const added = props.added ?? { index: 'new', label: '', href: '', position: '' };
  const action = `/newsroom/menus/${encodeURIComponent(props.edition.code)}/${encodeURIComponent(props.name)}`;
  return (
    <NewsroomLayout {...props.page} title={title}>
      <p>
        <a href={`/newsroom/menus?edition=${encodeURIComponent(props.edition.code)}`} safe>
          {t('menus.back', { edition: props.edition.name })}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <p>{t('menus.editIntro')}</p>
      <Notice text={props.notice} />
      <Problems problems={props.problems ?? []} />
      <form method="post" action={action} class="nr-form">
        <CsrfField token={props.page.staff!.csrfToken} />
        <input type="hidden" name="count" value={String(props.items.length)} />
        {/* First in the form, so Enter in a field saves (rather than moving the first item). */}
        <div class="nr-actions">
          <button type="submit" name="action" value="save" class="nr-button nr-button-primary">
            {t('menus.save')}
          </button>
        </div>
        <p class="nr-hint" id="menu-href-hint">
          {t('menus.hrefHint')}
        </p>
        <p class="nr-hint" id="menu-order-help" hidden>
          {t('menus.orderHelp')}
        </p>
        {props.items.length === 0 ? (
          <p>{t('menus.empty')}</p>
        ) : (
          <ol
            class="nr-menu-items"
            aria-label={t('menus.itemsLabel')}
            data-menu-order
            data-handle-label={t('menus.handle')}
            data-item-legend={t('menus.item')}
            data-moved={t('menus.announceMoved')}
            data-focus={props.focusId}
          >
            {props.items.map((item, k) => (
              <ItemFields item={item} number={k + 1} />
            ))}
          </ol>
        )}
        <p class="nr-menu-status" id="menu-order-status" role="status" aria-live="polite"></p>
        <fieldset class="nr-fieldset">
          <legend>{t('menus.add')}</legend>
          <p class="nr-hint">{t('menus.addHint')}</p>
          <div class="nr-field">
            <label for="label-new">{t('menus.label')}</label>
            <input id="label-new" name="label-new" type="text" maxlength={String(LABEL_MAX)} value={added.label} />
          </div>
          <div class="nr-field">
            <label for="href-new">{t('menus.href')}</label>
            <input
              id="href-new"
              name="href-new"
              type="text"
              inputmode="url"
              autocomplete="off"
              maxlength="500"
              value={added.href}
              aria-describedby="menu-href-hint"
            />
          </div>
          <div class="nr-field nr-menu-position">
            <label for="position-new">{t('menus.position')}</label>
            <input
              id="position-new"
              name="position-new"
              type="number"
              inputmode="numeric"
              min="1"
              max={String(POSITION_MAX)}
              value={added.position}
            />
          </div>
        </fieldset>
        <div class="nr-actions">
          <button type="submit" name="action" value="save" class="nr-button nr-button-primary">
            {t('menus.save')}
          </button>
        </div>
      </form>
    </NewsroomLayout>
  );
}
