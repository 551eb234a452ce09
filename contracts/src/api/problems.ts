/**
 * Stable machine codes of problem responses (RFC 9457), their HTTP status, and their
 * messages in Spanish (the default) and English as i18next resources. Deciders raise a
 * code with parameters; the backend renders it in the caller's language; the SPA can
 * show the same words.
 */
import { problemsEn } from './problems/en';
import { problemsEs } from './problems/es';

export const PROBLEM_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_ELIGIBLE: 403,
  NOT_AUTHOR: 403,
  NOT_ON_SHIFT: 403,
  NOT_FOUND: 404,
  PHASE_CLOSED: 409,
  INVALID_PHASE_TRANSITION: 409,
  ALREADY_VOTED: 409,
  WITHDRAWN: 409,
  RESULTS_NOT_PUBLISHED: 409,
  BALLOTS_SEALED: 409,
  CONCURRENT_UPDATE: 409,
  DISTRICT_MISMATCH: 409,
  WOULD_REPLACE: 409,
  ALREADY_REPORTED: 409,
  PROPOSAL_HIDDEN: 409,
  ALREADY_HIDDEN: 409,
  NOT_HIDDEN: 409,
  HIDE_ON_BALLOT: 409,
  NOTHING_TO_REDACT: 409,
  NO_OPEN_REPORTS: 409,
  RULES_FROZEN: 409,
  DETAILS_FROZEN: 409,
  DISTRICT_HAS_PROPOSALS: 409,
  WORK_CLOSED: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  UNKNOWN_DISTRICT: 422,
  WRONG_DISTRICT: 422,
  COST_OUT_OF_RANGE: 422,
  ASSESSED_COST_OUT_OF_RANGE: 422,
  PROPOSAL_LIMIT_REACHED: 422,
  SUPPORT_LIMIT_REACHED: 422,
  NOT_FEASIBLE: 422,
  NOT_ON_BALLOT: 422,
  DUPLICATE_SELECTION: 422,
  OVER_BUDGET: 422,
  TOO_MANY: 422,
  TOO_FEW: 422,
  UNDER_MINIMUM_SPEND: 422,
  RESIDENCE_PROOF_REQUIRED: 422,
  NOT_POLL_OFFICER: 422,
  SHIFT_OUTSIDE_HOURS: 422,
  CALENDAR_IN_PAST: 422,
  REASON_REQUIRED: 422,
  CANCEL_NEEDS_REASON: 422,
  PROGRESS_DECREASE_NEEDS_REASON: 422,
  FINISHED_NEEDS_FULL_PROGRESS: 422,
  OVERSPEND_NEEDS_REASON: 422,
  LOGIN_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
  RECORDED_BUT_UNCONFIRMED: 500,
  INTERNAL: 500,
} as const;
export type ProblemCode = keyof typeof PROBLEM_STATUS;

/** A language's problem messages, every code with its title and detail (i18next interpolation). */
export type Messages = Record<ProblemCode, { title: string; detail: string }>;

export type IneligibilityReason = keyof typeof problemsEs.eligibility;

/**
 * Both languages, for the backend. The SPA imports each language's module on its own
 * (problems/es.ts with the first page, problems/en.ts when someone picks English), so the
 * voting page never downloads the language it does not show.
 */
export const problemMessages = {
  es: problemsEs,
  en: problemsEn,
} as const;
export { LANGUAGES, type Language } from './languages';
