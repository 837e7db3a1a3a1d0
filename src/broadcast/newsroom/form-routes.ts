// The routes the radio's channels and programs share, registered from a description: an edition's
// list, the new form and its post, an existing one's form and its post. A row button shows the
// form again rearranged and unsaved; Save checks everything, runs the command and goes to the
// saved page; the command's own refusals show beside their fields and save nothing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { writerAs } from '../../accounts/index.ts';
import type { AppContext } from '../../context.ts';
import type { WriteContext } from '../../core/events/index.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';
import {
  chosenEdition,
  doneNotice,
  editionChoice,
  newsroomText as t,
  requirePermission,
  seeOther,
  type EditionChoice,
  type NewsroomKey,
  type Staff,
} from '../../newsroom/index.ts';
import { commandProblems, idOf, type FieldProblems } from './form-fields.ts';

type Query = Record<string, unknown>;
type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** A query parameter given once, else undefined. */
export function queryText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The thing a request's `:id` names, which the user must manage in its edition (404 for none). */
export async function loadManaged<Thing extends { edition: string }>(
  request: IdRequest,
  missing: string,
  find: (id: number) => Promise<Thing | undefined>,
): Promise<{ thing: Thing; staff: Staff }> {
  const id = idOf(request.params.id);
  const thing = id ? await find(id) : undefined;
  if (!thing) throw new AppError('not_found', missing);
  const staff = requirePermission(request, 'broadcast.manage', { edition: thing.edition });
  return { thing, staff };
}

/** What a form page shows: the values, whose they are (none for a new one) and what happened. */
export interface FormState<Thing, Values> {
  readonly staff: Staff;
  readonly edition: EditionChoice;
  readonly values: Values;
  readonly thing?: Thing;
  readonly problems?: FieldProblems;
  readonly notice?: string;
}

/** A form's check: the command's input, or every problem by field. */
type Checked<Input> = { input: Input; problems?: undefined } | { input?: undefined; problems: FieldProblems };

/** One kind of radio thing as its routes see it (`RowAction`: its buttons other than Save). */
export interface RadioForm<
  Thing extends { id: number; edition: string },
  Values,
  RowAction extends { kind: string },
  Input,
> {
  /** Where its pages are, under /newsroom ('/radio/channels'): the list, `/new` and `/:id`. */
  readonly path: string;
  /** The notices a `?done=` names, on the list and on one thing's form. */
  readonly done: Readonly<Record<string, NewsroomKey>>;
  /** The thing of a request's `:id` with its manager (see loadManaged). */
  load(request: IdRequest): Promise<{ thing: Thing; staff: Staff }>;
  /** An edition's list page. */
  renderList(
    request: FastifyRequest<{ Querystring: Query }>,
    reply: FastifyReply,
    list: { staff: Staff; edition: EditionChoice; notice?: string },
  ): Promise<FastifyReply>;
  /** The form page. */
  renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState<Thing, Values>,
    status?: number,
  ): Promise<FastifyReply>;
  /** A new thing's form as first shown in an edition. */
  blank(request: FastifyRequest<{ Querystring: Query }>, edition: EditionChoice): Promise<Values>;
  valuesOf(thing: Thing): Values;
  read(body: unknown): { values: Values; action: { kind: 'save' } | RowAction };
  /** The edition a new thing's post asks for (checked by the route). */
  postedEdition(request: FastifyRequest<{ Querystring: Query }>, values: Values): string;
  /** What a post for an existing thing may not change, put back (`values` when nothing). */
  keep(values: Values, thing: Thing): Values;
  rearrange(values: Values, action: RowAction): Values;
  check(values: Values, edition: EditionChoice, thing: Thing | undefined): Checked<Input> | Promise<Checked<Input>>;
  save(writer: WriteContext, input: Input, id: number | undefined): Promise<number>;
  /** The field of a command problem's path (see commandProblems). */
  fieldOf(path: string): string | undefined;
}

function isSave(action: { kind: string }): action is { kind: 'save' } {
  return action.kind === 'save';
}

/** Registers a radio thing's list, new and edit routes; every one checks `broadcast.manage`. */
export function radioFormRoutes<
  Thing extends { id: number; edition: string },
  Values,
  RowAction extends { kind: string },
  Input,
>(app: FastifyInstance, ctx: AppContext, form: RadioForm<Thing, Values, RowAction, Input>): void {
  const notice = (query: Query) => doneNotice(form.done, query.done);

  /** The edition a list or a blank form asks for (`?edition=`, else the user's first). */
  const askedEdition = (request: FastifyRequest<{ Querystring: Query }>) => {
    const staff = requirePermission(request, 'broadcast.manage');
    const edition = chosenEdition(ctx, request, 'broadcast.manage', queryText(request.query.edition));
    return { staff, edition };
  };

  /** Save, or a row button: the shared part of the new and edit posts. */
  const post = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: { staff: Staff; edition: EditionChoice; thing?: Thing },
    posted: { values: Values; action: { kind: 'save' } | RowAction },
  ) => {
    const { values, action } = posted;
    if (!isSave(action))
      return form.renderForm(request, reply, {
        ...state,
        values: form.rearrange(values, action),
        notice: t('radio.notSavedYet'),
      });
    const checked = await form.check(values, state.edition, state.thing);
    if (!checked.input) return form.renderForm(request, reply, { ...state, values, problems: checked.problems }, 400);
    try {
      const id = await form.save(writerAs(ctx, state.staff.id), checked.input, state.thing?.id);
      return seeOther(reply, `/newsroom${form.path}/${id}?done=${state.thing ? 'saved' : 'created'}`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const problems = commandProblems(error.problems, form.fieldOf);
      return form.renderForm(request, reply, { ...state, values, problems }, 400);
    }
  };

  app.get<{ Querystring: Query }>(form.path, async (request, reply) =>
    form.renderList(request, reply, { ...askedEdition(request), notice: notice(request.query) }),
  );

  app.get<{ Querystring: Query }>(`${form.path}/new`, async (request, reply) => {
    const { staff, edition } = askedEdition(request);
    return form.renderForm(request, reply, { staff, edition, values: await form.blank(request, edition) });
  });

  app.post<{ Querystring: Query }>(`${form.path}/new`, async (request, reply) => {
    const posted = form.read(request.body);
    const code = form.postedEdition(request, posted.values);
    if (!ctx.editions.get(code)) throw new AppError('edition_not_found');
    // Another edition's editor is refused outright.
    const staff = requirePermission(request, 'broadcast.manage', { edition: code });
    return post(request, reply, { staff, edition: editionChoice(ctx, code) }, posted);
  });

  app.get<{ Params: { id: string }; Querystring: Query }>(`${form.path}/:id`, async (request, reply) => {
    const { thing, staff } = await form.load(request);
    return form.renderForm(request, reply, {
      staff,
      edition: editionChoice(ctx, thing.edition),
      values: form.valuesOf(thing),
      thing,
      notice: notice(request.query),
    });
  });

  app.post<{ Params: { id: string } }>(`${form.path}/:id`, async (request, reply) => {
    const { thing, staff } = await form.load(request);
    const { values, action } = form.read(request.body);
    return post(
      request,
      reply,
      { staff, edition: editionChoice(ctx, thing.edition), thing },
      { values: form.keep(values, thing), action },
    );
  });
}
