import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, HttpException, Logger, NotFoundException, type ExceptionFilter } from '@nestjs/common';
import {
  PROBLEM_STATUS,
  problemMessages,
  type FieldError,
  type Language,
  type ProblemCode,
  type ProblemDetails,
} from '@decidimos/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import i18next, { type TFunction } from 'i18next';
import { InvalidEventError } from '@decidimos/contracts';
import { ProjectionsBehindError } from '../projections/projection-runner';
import { RecordedButUnconfirmedError } from '../shared/command-handling';
import { DomainError } from '../shared/domain-error';
import { ValidationFailed } from './validation';

const i18n = i18next.createInstance();
void i18n.init({
  // Region-qualified, so amounts are written the way Mexico writes them (900,000).
  resources: { 'es-MX': { translation: problemMessages.es }, 'en-US': { translation: problemMessages.en } },
  lng: 'es-MX',
  fallbackLng: 'es-MX',
  initAsync: false,
  interpolation: { escapeValue: false },
});
const translators: Record<Language, TFunction> = { es: i18n.getFixedT('es-MX'), en: i18n.getFixedT('en-US') };

/** Spanish unless the caller prefers English. */
export function languageOf(request: Pick<FastifyRequest, 'headers'>): Language {
  const header = String(request.headers['accept-language'] ?? '');
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'es';
}

export function problemBody(
  code: ProblemCode,
  params: Record<string, string | number>,
  language: Language,
  errors?: FieldError[],
): ProblemDetails {
  const t = translators[language];
  const values = { ...params };
  if (typeof params['reasonKey'] === 'string') values['reason'] = t(`eligibility.${params['reasonKey']}`, params);
  const body: ProblemDetails = {
    type: `https://decidimos.monterrey.gob.mx/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: t(`problems.${code}.title`, values),
    status: PROBLEM_STATUS[code],
    detail: t(`problems.${code}.detail`, values),
    code,
  };
  if (errors) body.errors = errors;
  return body;
}

/** Nest's own HTTP errors and Fastify's (bad JSON, wrong content type, body too large), by status. */
function codeForStatus(status: number): ProblemCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'TOO_MANY_REQUESTS';
  if (status === 503) return 'UNAVAILABLE';
  if (status >= 400 && status < 500) return 'VALIDATION_FAILED';
  return 'INTERNAL';
}

const logger = new Logger('Problems');

/**
 * SQLITE_BUSY or SQLITE_LOCKED from node:sqlite, with any extended code (node:sqlite reports
 * those, e.g. 517 for a snapshot another process's commit overtook): the file's write lock
 * was not free in time.
 */
function isStoreBusy(error: unknown): boolean {
  const { code, errcode } = (error ?? {}) as { code?: unknown; errcode?: unknown };
  if (code !== 'ERR_SQLITE_ERROR' || typeof errcode !== 'number') return false;
  const primary = errcode & 0xff;
  return primary === 5 || primary === 6;
}

/** The one place where every error becomes an RFC 9457 problem response. */
export function toProblem(error: unknown, request: FastifyRequest): ProblemDetails {
  const language = languageOf(request);
  if (error instanceof ValidationFailed) return problemBody(error.code, error.params, language, error.errors);
  if (error instanceof DomainError) return problemBody(error.code, error.params, language);
  if (error instanceof RecordedButUnconfirmedError) {
    const reference = randomUUID();
    logger.error(
      `${reference} ${request.method} ${request.url.split('?', 1)[0]}: ${error.message}\n${(error.cause as Error)?.stack ?? ''}`,
    );
    return problemBody('RECORDED_BUT_UNCONFIRMED', { reference }, language);
  }
  if (error instanceof InvalidEventError) {
    return problemBody('VALIDATION_FAILED', { summary: error.issues.join('; ') }, language);
  }
  if (error instanceof ProjectionsBehindError) {
    // The event is in the log, but no instance has projected it in time (a projector stopped or far behind).
    logger.warn(`${request.method} ${request.url.split('?', 1)[0]}: ${error.message}`);
    return problemBody('UNAVAILABLE', {}, language);
  }
  if (isStoreBusy(error)) {
    // Another process held the embedded store's file past the busy timeout: the request
    // failed on it, and the same request may well succeed in a moment.
    logger.warn(`${request.method} ${request.url.split('?', 1)[0]}: the store was busy (${(error as Error).message})`);
    return problemBody('UNAVAILABLE', {}, language);
  }
  const status =
    error instanceof HttpException
      ? error.getStatus()
      : typeof (error as { statusCode?: unknown })?.statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : 500;
  const code = codeForStatus(status);
  if (code === 'INTERNAL') {
    const reference = randomUUID();
    // The path only: a query may hold secrets (the OIDC code and state at /auth/callback).
    const path = request.url.split('?', 1)[0];
    logger.error(`${reference} ${request.method} ${path}: ${(error as Error)?.stack ?? String(error)}`);
    return problemBody(code, { reference }, language);
  }
  if (code === 'NOT_FOUND')
    return problemBody(code, { what: language === 'es' ? 'ruta' : 'route', id: request.url }, language);
  const message = error instanceof Error ? error.message : String(error);
  return { ...problemBody(code, { summary: message, role: '' }, language), status };
}

export function sendProblem(reply: FastifyReply, body: ProblemDetails): void {
  void reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
}

const API_PREFIXES = ['/api/', '/auth/', '/health/', '/metrics'];

/** Every error of a route becomes a problem; an unknown non-API page gets the SPA, which has its own routes. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly spaIndex: string | null) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const isPage = request.method === 'GET' && !API_PREFIXES.some((prefix) => request.url.startsWith(prefix));
    if (this.spaIndex && isPage && error instanceof NotFoundException) {
      void reply.status(200).type('text/html; charset=utf-8').send(this.spaIndex);
      return;
    }
    sendProblem(reply, toProblem(error, request));
  }
}
