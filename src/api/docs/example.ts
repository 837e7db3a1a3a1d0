// Examples made from the document itself: a request with each required parameter's example, and
// an answer built from the response schema's examples. So the reference page cannot show a shape
// the API does not have (the tests validate these examples against the same schemas).
import type { JsonSchema, OpenApiDocument, OpenApiOperation } from '../openapi.ts';

const COMPONENT = '#/components/schemas/';

/** An example value for a schema, following `$ref`s into the document's components. */
export function exampleOf(doc: OpenApiDocument, schema: JsonSchema, depth = 0): unknown {
  if (depth > 12) return null;
  if (Array.isArray(schema.type)) {
    // ['integer', 'null'] and the like: an example of the first type that is not null.
    const types = schema.type as string[];
    return exampleOf(doc, { ...schema, type: types.find((type) => type !== 'null') ?? 'null' }, depth + 1);
  }
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith(COMPONENT)) {
    const target = doc.components.schemas[schema.$ref.slice(COMPONENT.length)];
    return target ? exampleOf(doc, target, depth + 1) : null;
  }
  const examples = schema.examples;
  const isObject = schema.type === 'object' || schema.properties !== undefined;
  if (Array.isArray(examples) && examples.length > 0 && !isObject) return examples[0];
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.anyOf)) {
    const members = schema.anyOf as JsonSchema[];
    const first = members.find((m) => m.type !== 'null') ?? members[0];
    return first ? exampleOf(doc, first, depth + 1) : null;
  }
  if (isObject) {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    return Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, exampleOf(doc, s, depth + 1)]));
  }
  if (schema.type === 'array') return [exampleOf(doc, (schema.items ?? {}) as JsonSchema, depth + 1)];
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.type === 'integer' || schema.type === 'number') return (schema.minimum as number | undefined) ?? 1;
  if (schema.type === 'boolean') return false;
  if (schema.type === 'null') return null;
  if (schema.format === 'date-time') return '2026-12-02T13:05:00+07:00';
  if (schema.format === 'uri') return 'https://warta.example/';
  return 'text';
}

/** The example request's URL: path parameters and required query parameters by their examples. */
export function exampleUrl(serverUrl: string, path: string, operation: OpenApiOperation): string {
  const params = operation.parameters ?? [];
  const filled = path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const param = params.find((p) => p.in === 'path' && p.name === name);
    return encodeURIComponent(String((param && exampleParam(param)) ?? 1));
  });
  const query = new URLSearchParams();
  for (const p of params) {
    if (p.in !== 'query') continue;
    const value = p.required ? exampleParam(p) : p.name === 'limit' ? 2 : undefined;
    if (value !== undefined) query.set(p.name, String(value));
  }
  const text = query.toString();
  return `${serverUrl}${filled}${text ? `?${text}` : ''}`;
}

/** A parameter's example: the generator moves a single example from the schema to the parameter. */
function exampleParam(param: { example?: unknown; schema: JsonSchema }): unknown {
  if (param.example !== undefined) return param.example;
  const { schema } = param;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.type === 'integer') return schema.minimum ?? 1;
  return undefined;
}

/**
 * The example request as a curl command: a read is the URL alone; a write adds its method, the key
 * (when the operation names a security scheme) and its body: JSON from the body schema's
 * examples, or one `-F` per form field (a file field as `@file`).
 */
export function exampleCurl(doc: OpenApiDocument, method: string, url: string, operation: OpenApiOperation): string {
  if (method === 'GET') return `curl -i '${url}'`;
  const lines = [`curl -i -X ${method} '${url}'`];
  if (operation.security?.length) lines.push(`-H 'Authorization: Bearer wk_…'`);
  const [type, media] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
  if (type === 'application/json' && media) {
    lines.push(`-H 'Content-Type: application/json'`);
    lines.push(`--data '${JSON.stringify(exampleOf(doc, media.schema), null, 2).replaceAll("'", "'\\''")}'`);
  } else if (type === 'multipart/form-data' && media) {
    const properties = (media.schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const [name, schema] of Object.entries(properties)) {
      const isFile = schema.format === 'binary' || schema.contentMediaType !== undefined;
      lines.push(`-F '${name}=${isFile ? '@picture.jpg' : String(exampleOf(doc, schema))}'`);
    }
  }
  return lines.join(' \\\n  ');
}
