// Route schemas compiled when a route is first asked, not when the server starts. Fastify
// compiles a validator (Ajv) for each part of each route's input and a serializer
// (fast-json-stringify) for each described answer as it starts: a quarter of a cold start's
// work, spent before the first reader is served, on routes a process may never answer.
import { AjvCompiler as ValidatorSelector } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type ValidatorFactory = ReturnType<typeof ValidatorSelector>;
type SerializerFactory = ReturnType<typeof SerializerSelector>;
type Validator = ReturnType<ReturnType<ValidatorFactory>>;

/** Fastify's own compilers, each schema compiled on first use, and a way to compile them all now. */
export interface LazySchemas {
  /** For Fastify's `schemaController.compilersFactory`. */
  readonly buildValidator: ValidatorFactory;
  readonly buildSerializer: SerializerFactory;
  /**
   * Compiles each schema not compiled yet; returns how many there are. Throws, naming the
   * route, for a schema its compiler refuses (a test runs it over the whole app).
   */
  compileAll(): number;
}

/**
 * The compilers Fastify uses by default (the same Ajv and fast-json-stringify settings), each
 * behind a function that compiles on its first call. A schema that cannot compile is refused
 * then, as a 500 for that request, rather than at start.
 *
 * Fastify hands header schemas to a compiler of its own making unchanged (it lowercases their
 * property names for its default one): name headers in lowercase, as Node gives them.
 */
export function lazySchemas(): LazySchemas {
  const validators = ValidatorSelector();
  const serializers = SerializerSelector();
  const compilers: (() => unknown)[] = [];
  const later = <T>(what: string, compile: () => T): (() => T) => {
    let compiled: T | undefined;
    const get = () => (compiled ??= named(what, compile));
    compilers.push(get);
    return get;
  };
  return {
    buildValidator: (externalSchemas, options) => {
      // Making the Ajv instance compiles its meta-schema and checks the shared schemas against it
      // (a twentieth of a cold start): on the first compile too.
      let compiler: ReturnType<ValidatorFactory> | undefined;
      const compile: ReturnType<ValidatorFactory> = (route) =>
        (compiler ??= validators(externalSchemas, options))(route);
      return (route) => {
        const get = later(`the ${route.httpPart} schema of ${route.method} ${route.url}`, () => compile(route));
        // Fastify reads `schemaEnv` (to let Ajv coerce a root value) and `errors` off the function.
        const validate = ((data: unknown, context?: unknown) => get()(data, context as never)) as Validator;
        Object.defineProperties(validate, {
          schemaEnv: { get: () => get().schemaEnv },
          errors: { get: () => get().errors },
        });
        return validate;
      };
    },
    buildSerializer: (externalSchemas, options) => {
      let compiler: ReturnType<SerializerFactory> | undefined;
      const compile: ReturnType<SerializerFactory> = (route) =>
        (compiler ??= serializers(externalSchemas, options))(route);
      return (route) => {
        const get = later(`the ${route.httpStatus} response schema of ${route.method} ${route.url}`, () =>
          compile(route),
        );
        return (doc) => get()(doc);
      };
    },
    compileAll() {
      for (const get of compilers) get();
      return compilers.length;
    },
  };
}

function named<T>(what: string, compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    throw new Error(`${what}: ${String(error)}`, { cause: error });
  }
}
