// The error for people's input that cannot be saved.
import { InputError } from '../core/validation.ts';

/** Thrown for input that cannot become a user; lists every problem (a 400 for the error handler). */
export class UserInputError extends InputError {
  constructor(problems: readonly string[]) {
    super(problems);
    this.name = 'UserInputError';
  }
}
