// Hand-made requests the schema-driven fuzzing does not produce, sent to every
// state-changing operation of the OpenAPI document (issue 9): JSON nested 5,000 levels
// deep, with and without an Idempotency-Key, and bodies carrying a lone UTF-16 surrogate
// or a control character in a string. For the routes given a valid example body, each
// string of the example in turn gets one (inside otherwise valid text, so length rules
// do not hide it); the other routes get a body built from their schema with every string
// hostile. None may get a 5xx, deep nesting must be a 400 problem, and the service must
// still be ready afterwards.

const DEPTH = 5000;
const deepJson = `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`;

// JSON.stringify writes each lone surrogate as a \uXXXX escape, as a hostile client would.
const HOSTILE_STRINGS = ['\ud800', '\udfff', '\udc00\ud800', '\ud83d', '\u0000', '\u2028', '\u202e', '\u007f'];

/** Paths (lists of keys) to every string inside `value`. */
function stringPaths(value, path = []) {
  if (typeof value === 'string') return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => stringPaths(child, [...path, key]));
}

/** A copy of `body` with `hostile` inserted in the middle of the string at `path`. */
function withHostileAt(body, path, hostile) {
  const copy = structuredClone(body);
  const parent = path.slice(0, -1).reduce((node, key) => node[key], copy);
  const key = path.at(-1);
  const middle = Math.floor(parent[key].length / 2);
  parent[key] = `${parent[key].slice(0, middle)}${hostile}${parent[key].slice(middle)}`;
  return copy;
}

/** A value for `schema` whose strings are hostile (cycling through the list) and the rest minimal. */
function hostileValue(schema, next) {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return hostileValue(options.find((option) => option.type !== 'null') ?? options[0], next);
  if (schema.enum) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, property]) => [name, hostileValue(property, next)]),
      );
    case 'array':
      return schema.items ? [hostileValue(schema.items, next)] : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? schema.exclusiveMinimum ?? 1000;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return next();
  }
}

/**
 * Sends the hostile requests; `who` is a list of [name, headers] (anonymous, a session),
 * `pathParam(name, path)` fills a path parameter, `examples` maps "METHOD /path/{template}"
 * to a valid body. Returns how many were sent and the failures, one line each.
 */
export async function sendHostileBodies(baseUrl, document, who, pathParam, examples = {}) {
  const failures = [];
  let sent = 0;
  let cycle = 0;
  const nextString = () => HOSTILE_STRINGS[cycle++ % HOSTILE_STRINGS.length];
  for (const [template, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method) || template === '/auth/logout') continue;
      const path = template.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(pathParam(name, template)));
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      const example = examples[`${method.toUpperCase()} ${template}`];
      const hostile = example
        ? stringPaths(example).map((at) => [`"${at.join('.')}" hostile`, withHostileAt(example, at, nextString())])
        : schema
          ? [['every string hostile', hostileValue(schema, nextString)]]
          : [];
      const requests = [
        ['deep nesting', deepJson, {}, 400],
        ['deep nesting with Idempotency-Key', deepJson, { 'idempotency-key': `deep-${sent}` }, 400],
        ...hostile.map(([kind, body]) => [kind, JSON.stringify(body), {}, null]),
      ];
      for (const [name, headers] of who) {
        for (const [kind, body, extra, expected] of requests) {
          sent += 1;
          const request = `${method.toUpperCase()} ${path} (${kind}, ${name})`;
          try {
            const response = await fetch(`${baseUrl}${path}`, {
              method: method.toUpperCase(),
              headers: { accept: 'application/json', 'content-type': 'application/json', ...headers, ...extra },
              body,
            });
            const text = await response.text();
            const wrong = response.status >= 500 || (expected !== null && response.status !== expected);
            if (wrong) failures.push(`${request}: ${response.status} ${text}`);
          } catch (error) {
            failures.push(`${request}: no answer (${error.cause?.code ?? error.message})`);
          }
        }
      }
    }
  }
  const ready = await fetch(`${baseUrl}/health/ready`);
  if (ready.status !== 200) failures.push(`/health/ready answered ${ready.status}: ${await ready.text()}`);
  return { sent, failures };
}
