import { KurrentDBClient } from '@kurrent/kurrentdb-client';

/** The setting the connection string comes from; every start-up error names it. */
export const SETTING = 'EVENTSTORE_URL';

const SCHEMES = ['kurrentdb', 'kurrent', 'esdb'].flatMap((scheme) => [`${scheme}://`, `${scheme}+discover://`]);

const EXAMPLE = 'kurrentdb://admin:changeit@localhost:2113?tls=false';

/** Raised when EVENTSTORE_URL is malformed or its server cannot be read from. */
export class EventStoreUrlError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(`${SETTING}: ${message}`, options);
    this.name = 'EventStoreUrlError';
  }
}

/**
 * Builds a client for a KurrentDB/EventStoreDB connection string, or explains in terms of
 * EVENTSTORE_URL why it cannot. The client connects lazily, so this checks the form only.
 */
export function clientFor(connectionString: string): KurrentDBClient {
  const trimmed = connectionString.trim();
  if (!SCHEMES.some((scheme) => trimmed.startsWith(scheme))) {
    throw new EventStoreUrlError(
      `"${redact(trimmed)}" is not a KurrentDB connection string; it must start with ${SCHEMES.join(', ')} (e.g. ${EXAMPLE})`,
    );
  }
  try {
    return KurrentDBClient.connectionString(trimmed);
  } catch (error) {
    throw new EventStoreUrlError(`"${redact(trimmed)}" is malformed: ${redact(messageOf(error), trimmed)}`, {
      cause: error,
    });
  }
}

/**
 * Hides the password of a connection string: in the string itself, or wherever it shows
 * up in `text` (the client's parse errors quote parts of the string).
 */
export function redact(text: string, connectionString = text): string {
  const password = /^[^:]+:\/\/[^:@/]+:([^@]+)@/.exec(connectionString)?.[1];
  return password ? text.split(password).join('***') : text;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
