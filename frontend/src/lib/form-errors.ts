import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from './api-client';

/** Field messages from a failed client-side check, in the UI language (zod's own are English). */
export function zodFieldErrors(error: z.ZodError, t: TFunction): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    fields[field] ??= issueMessage(issue, t);
  }
  return fields;
}

function issueMessage(issue: z.core.$ZodIssue, t: TFunction): string {
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

/** Field messages the server sent with a VALIDATION_FAILED problem, if that is what `error` is. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors() : {};
}
