// People: authors and staff accounts.
export { findAuthorBySlug, findUserByEmail, insertUser, authorPath, type NewUser } from './queries.ts';
export { createUser, hashPassword, UserInputError, ROLES, type CreateUserInput } from './create-user.ts';
export { addUser, updateAuthor } from './commands.ts';
export { AUTHOR_EVENTS } from './events.ts';
