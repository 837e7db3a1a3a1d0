// The editions a newsroom page works in: those the user may do its action in, the one a list
// page shows (asked for, else the user's first), and the GET form that switches between them.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError } from '../core/http/errors.ts';
import { newsroomText as t } from './messages.ts';
import { requirePermission } from './page.ts';
import { can, type Action, type Staff } from './permissions.ts';

/** An edition the user may work in here. */
export interface EditionChoice {
  readonly code: string;
  readonly name: string;
}

/** The editions in which `staff` may do `action`, in the site's order. */
export function editionsFor(ctx: Pick<AppContext, 'editions'>, staff: Staff, action: Action): EditionChoice[] {
  return ctx.editions
    .all()
    .filter((e) => can(staff, action, { edition: e.code }))
    .map((e) => ({ code: e.code, name: e.name }));
}

/** The edition a page shows: the one asked for (which the user must be allowed), or their first. */
export function chosenEdition(
  ctx: Pick<AppContext, 'editions'>,
  request: FastifyRequest,
  action: Action,
  asked: string | undefined,
): EditionChoice {
  const staff = requirePermission(request, action);
  const code = asked || editionsFor(ctx, staff, action)[0]?.code;
  const edition = code ? ctx.editions.get(code) : undefined;
  if (!edition) throw new AppError('edition_not_found');
  requirePermission(request, action, { edition: edition.code });
  return { code: edition.code, name: edition.name };
}

/** An edition by code, with its name (the code when the edition is gone). */
export function editionChoice(ctx: Pick<AppContext, 'editions'>, code: string): EditionChoice {
  return { code, name: ctx.editions.get(code)?.name ?? code };
}

/** A GET form choosing the edition a page shows (only the user's editions; none for one). */
export function EditionPicker(props: {
  action: string;
  editions: readonly EditionChoice[];
  current: string;
}): JSX.Element {
  if (props.editions.length < 2) return <></>;
  return (
    <form method="get" action={props.action} class="nr-filters nr-edition-picker">
      <div class="nr-field">
        <label for="edition-picker">{t('manage.edition')}</label>
        <select id="edition-picker" name="edition">
          {props.editions.map((e) => (
            <option value={e.code} selected={e.code === props.current} safe>
              {e.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="nr-button">
        {t('manage.show')}
      </button>
    </form>
  );
}
