// /newsroom/users: the people admin (administrators only). Everyone with an account; adding a
// person (who sets their own password through a one-time link); one person's role, editions and
// access. Bad input or a refused change re-renders the form with every problem and changes nothing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DomainRoutes } from '../context.ts';
import { AppError } from '../core/http/errors.ts';
import { InputError } from '../core/validation.ts';
import {
  doneKey,
  newsroomPage,
  newsroomText as t,
  requirePermission,
  seeOther,
  sendHtml,
  type NewsroomKey,
} from '../newsroom/index.ts';
import { AdminRuleError, ROLES } from '../users/index.ts';
import {
  addPerson,
  findPerson,
  issueSetPasswordLink,
  listPersons,
  setPersonActive,
  updatePersonAccess,
  type Person,
  type SetPasswordLink,
} from './people-commands.ts';
import { AddPersonPage, PeopleListPage, PersonPage, type AccessValues, type PeopleContext } from './people-views.tsx';
import { field } from './routes.tsx';

type PersonRequest = FastifyRequest<{ Params: { id: string }; Querystring: { done?: string } }>;

/** Every ticked checkbox of a name (one is a string, several an array). */
function checked(body: unknown, name: string): string[] {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string');
}

function accessOf(body: unknown): AccessValues {
  return { role: field(body, 'role'), editions: checked(body, 'editions') };
}

const DONE: Readonly<Record<string, NewsroomKey>> = {
  saved: 'people.saved',
  deactivated: 'people.deactivated',
  reactivated: 'people.reactivated',
};

export const peopleRoutes: DomainRoutes = async (app, { ctx }) => {
  const people = (): PeopleContext => ({
    roles: ROLES,
    editions: ctx.editions.all().map((e) => ({ code: e.code, name: e.name, locale: e.locale, direction: e.direction })),
    formatTime: (date) =>
      date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: ctx.settings.timezone }),
  });

  // Every route of this plugin, GET and POST alike, is for administrators only.
  app.addHook('preHandler', async (request) => {
    requirePermission(request, 'users.manage');
  });

  const personOf = async (request: PersonRequest): Promise<Person> => {
    const id = /^[1-9]\d{0,9}$/.test(request.params.id) ? Number(request.params.id) : 0;
    const person = id ? await findPerson(ctx.db, id) : undefined;
    if (!person) throw new AppError('not_found', 'No such person.');
    return person;
  };

  const renderPerson = async (
    request: FastifyRequest,
    reply: FastifyReply,
    person: Person,
    props: { values?: AccessValues; problems?: readonly string[]; notice?: string; link?: SetPasswordLink },
    status = 200,
  ) =>
    sendHtml(
      reply,
      <PersonPage page={await newsroomPage(ctx, request)} people={people()} person={person} {...props} />,
      status,
    );

  /** A refused change as the problem the form shows: input problems (400) or an admin rule (409). */
  const problemsOf = (error: unknown): { problems: readonly string[]; status: number } | undefined => {
    if (error instanceof InputError) return { problems: error.problems, status: 400 };
    if (error instanceof AdminRuleError) return { problems: [t(`people.rule.${error.rule}`)], status: 409 };
    return undefined;
  };

  app.get('/users', async (request, reply) => {
    const persons = await listPersons(ctx.db);
    return sendHtml(
      reply,
      <PeopleListPage page={await newsroomPage(ctx, request)} people={people()} persons={persons} />,
    );
  });

  app.get('/users/new', async (request, reply) =>
    sendHtml(reply, <AddPersonPage page={await newsroomPage(ctx, request)} people={people()} />),
  );

  app.post('/users', async (request, reply) => {
    const staff = requirePermission(request, 'users.manage');
    const values = {
      name: field(request.body, 'name'),
      email: field(request.body, 'email').trim(),
      ...accessOf(request.body),
    };
    try {
      const { user, link } = await addPerson(ctx, staff.id, values);
      const person = (await findPerson(ctx.db, user.id))!;
      return await renderPerson(request, reply, person, { notice: t('people.added', { name: person.name }), link });
    } catch (error) {
      const refused = problemsOf(error);
      if (!refused) throw error;
      const page = (
        <AddPersonPage
          page={await newsroomPage(ctx, request)}
          people={people()}
          values={values}
          problems={refused.problems}
        />
      );
      return sendHtml(reply, page, refused.status);
    }
  });

  app.get('/users/:id', async (request: PersonRequest, reply) => {
    const person = await personOf(request);
    const done = doneKey(DONE, request.query.done);
    return renderPerson(request, reply, person, { notice: done ? t(done, { name: person.name }) : undefined });
  });

  app.post('/users/:id', async (request: PersonRequest, reply) => {
    const staff = requirePermission(request, 'users.manage');
    const person = await personOf(request);
    const values = accessOf(request.body);
    try {
      await updatePersonAccess(ctx, staff.id, person.id, values);
    } catch (error) {
      const refused = problemsOf(error);
      if (!refused) throw error;
      return renderPerson(request, reply, person, { values, problems: refused.problems }, refused.status);
    }
    return seeOther(reply, `/newsroom/users/${person.id}?done=saved`);
  });

  for (const [action, isActive] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(`/users/:id/${action}`, async (request: PersonRequest, reply) => {
      const staff = requirePermission(request, 'users.manage');
      const person = await personOf(request);
      try {
        await setPersonActive(ctx, staff.id, person.id, isActive);
      } catch (error) {
        const refused = problemsOf(error);
        if (!refused) throw error;
        return renderPerson(request, reply, person, { problems: refused.problems }, refused.status);
      }
      return seeOther(reply, `/newsroom/users/${person.id}?done=${action}d`);
    });
  }

  app.post('/users/:id/link', async (request: PersonRequest, reply) => {
    const person = await personOf(request);
    if (!person.isActive) throw new AppError('conflict', 'A deactivated person cannot set a password.');
    const link = await issueSetPasswordLink(ctx, person.id);
    return renderPerson(request, reply, person, { link });
  });
};

/** The people section's path (the nav shows it to administrators). */
export const PEOPLE_PATH = '/newsroom/users';
