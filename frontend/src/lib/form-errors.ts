import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { z } from 'zod';
import { ApiError } from './api-client';

type Issue = z.core.$ZodIssue;

/** How a form is checked: what it sends, against which contract schema, with which words of its own. */
export interface FormCheck<Values, Request, Output> {
  /** The contract's schema of the request the form sends. */
  schema: z.ZodType<Output>;
  /** What was typed, as the request body (text to numbers, blanks to null). */
  toRequest: (values: Values) => Request;
  /** This form's own words for an issue of the contract's, or undefined for the usual ones. */
  reword?: (issue: Issue) => string | undefined;
  /** Checks only this form can make (the edition's cost range); each wins over a contract issue on its field. */
  extra?: (request: Request) => { path: PropertyKey[]; message: string }[];
}

/**
 * A react-hook-form resolver that checks a form with the contract's zod schema
 * (zodResolver), every message in the UI language. zod lets a schema's own message (the
 * contracts' are English, for API clients) outrank any per-parse error map, so the issues
 * are reworded here from their code and figures.
 */
export function contractResolver<Values extends FieldValues, Request, Output>(
  { schema, toRequest, reword, extra }: FormCheck<Values, Request, Output>,
  t: TFunction,
): Resolver<Values, unknown, Output> {
  const checked = z.custom<Values>().transform((values, ctx) => {
    const request = toRequest(values);
    // First per field wins in react-hook-form: the form's own checks go first.
    for (const { path, message } of extra?.(request) ?? []) ctx.addIssue({ code: 'custom', path, message });
    const parsed = schema.safeParse(request);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: reword?.(issue) ?? issueMessage(issue, t) });
    }
    return z.NEVER;
  });
  return zodResolver(checked) as Resolver<Values, unknown, Output>;
}

function issueMessage(issue: Issue, t: TFunction): string {
  if (issue.code === 'too_small') {
    if (issue.origin === 'string')
      return Number(issue.minimum) <= 1
        ? t('validation.required')
        : t('validation.minLength', { count: Number(issue.minimum) });
    return t('validation.minValue', { value: Number(issue.minimum) });
  }
  if (issue.code === 'too_big') {
    if (issue.origin === 'string') return t('validation.maxLength', { count: Number(issue.maximum) });
    return t('validation.maxValue', { value: Number(issue.maximum) });
  }
  if (issue.code === 'invalid_type') return t('validation.required');
  if (issue.code === 'invalid_format') return t('validation.format');
  return t('validation.invalid');
}

/** Each field's message from react-hook-form's nested errors, by request path ('districts.0.id', 'districts'). */
export function formErrorMessages(errors: FieldErrors): Record<string, string> {
  const messages: Record<string, string> = {};
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object') return;
    const { type, message } = node as { type?: unknown; message?: unknown };
    if (type !== undefined && typeof message === 'string') {
      // A field array's own error sits under `root`.
      const key = (path.at(-1) === 'root' ? path.slice(0, -1) : path).join('.');
      messages[key] ??= message;
      return;
    }
    for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(errors, []);
  return messages;
}

/** Field messages the server sent with a VALIDATION_FAILED problem, if that is what `error` is. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors() : {};
}
