import { type Db, MongoClient } from 'mongodb';

/** The setting the connection string comes from; every start-up error names it. */
export const SETTING = 'MONGODB_URL';

const EXAMPLE = 'mongodb://127.0.0.1:27017/decidimos';

/** Raised when MONGODB_URL is malformed, names no database, or its server does not answer. */
export class MongoDbUrlError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(`${SETTING}: ${message}`, options);
    this.name = 'MongoDbUrlError';
  }
}

/**
 * Connects and pings the server, so a wrong or unreachable MONGODB_URL stops the start-up
 * with a message naming it instead of surfacing as errors on the first requests.
 */
export async function connectMongoDb(
  connectionString: string,
  timeoutMs: number,
): Promise<{ client: MongoClient; db: Db }> {
  const trimmed = connectionString.trim();
  const shown = redact(trimmed);
  const client = clientFor(trimmed, shown, timeoutMs);
  const database = databaseOf(trimmed);
  if (!database) {
    throw new MongoDbUrlError(`"${shown}" names no database; add it as the path (e.g. ${EXAMPLE})`);
  }
  try {
    await client.connect();
    const db = client.db(database);
    await db.command({ ping: 1 });
    return { client, db };
  } catch (error) {
    await client.close().catch(() => undefined);
    throw new MongoDbUrlError(`cannot reach the read-model database at ${shown} (${redact(messageOf(error))})`, {
      cause: error,
    });
  }
}

function clientFor(connectionString: string, shown: string, timeoutMs: number): MongoClient {
  if (!/^mongodb(\+srv)?:\/\//.test(connectionString)) {
    throw new MongoDbUrlError(
      `"${shown}" is not a MongoDB connection string; it must start with mongodb:// (e.g. ${EXAMPLE})`,
    );
  }
  try {
    return new MongoClient(connectionString, {
      // Documents are JSON: an undefined field is left out, as JSON.stringify does.
      ignoreUndefined: true,
      serverSelectionTimeoutMS: timeoutMs,
      connectTimeoutMS: timeoutMs,
      appName: 'decidimos',
    });
  } catch (error) {
    // The constructor only parses (the driver's own parse errors and its URL parser's).
    throw new MongoDbUrlError(`"${shown}" is malformed: ${redact(messageOf(error))}`, { cause: error });
  }
}

function databaseOf(connectionString: string): string | null {
  const path = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]*)/.exec(connectionString)?.[1];
  return path ? decodeURIComponent(path) : null;
}

/** Hides the password of a connection string wherever it shows up in `text`. */
export function redact(text: string): string {
  return text.replace(/(mongodb(?:\+srv)?:\/\/[^:@/]+:)[^@]+@/g, '$1***@');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
