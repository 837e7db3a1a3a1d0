// People: authors and staff accounts.
export { findAuthorBySlug, findUserByEmail, insertUser, authorPath, type NewUser } from './queries.ts';
export { createUser, hashPassword, UserInputError, ROLES, type CreateUserInput } from './create-user.ts';
