import type { UpgradeHint } from '@agentstack/sdk/catalog';
import type { Problem } from '@agentstack/sdk/schemas';

/** The problem+json body carried by an SDK error, if it is one. */
export function problemOf(error: unknown): Partial<Problem> | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as { problem?: Partial<Problem>; code?: string; status?: number; message?: string };
  if (e.problem && typeof e.problem === 'object') return e.problem;
  if (typeof e.code === 'string') return { code: e.code, status: e.status, detail: e.message };
  return null;
}

/** The upgrade details of a `tier_limit_reached` / `feature_not_in_plan` error, else `null`. */
export function planErrorOf(error: unknown): {
  upgrade: UpgradeHint | null;
  feature?: string;
  limit?: { key: string; limit: number | null; used: number };
} | null {
  const problem = problemOf(error);
  if (!problem || (problem.code !== 'tier_limit_reached' && problem.code !== 'feature_not_in_plan'))
    return null;
  const e = error as { upgrade?: UpgradeHint };
  return {
    upgrade: problem.upgrade ?? e.upgrade ?? null,
    ...(problem.feature ? { feature: problem.feature } : {}),
    ...(problem.limit ? { limit: problem.limit } : {}),
  };
}

/**
 * The API's message for one request field when that field is the one at fault (`param`): the
 * matching `errors[].message`, else the problem's `detail`; `undefined` for any other error.
 * @example const emailError = fieldErrorOf(create.error, 'email');
 */
export function fieldErrorOf(error: unknown, param: string): string | undefined {
  const problem = problemOf(error);
  if (problem?.param !== param) return undefined;
  return problem.errors?.find((e) => e.param === param)?.message ?? problem.detail;
}

/** The API's word on each field of a failed write, from {@link fieldErrors}. */
export interface FieldErrors {
  /**
   * The first message for `field` or a part of it (`amount` holds `amount.currency`, `countries`
   * holds `countries.1`), else `null`.
   */
  at: (field: string) => string | null;
  /** Every failing param (`countries.1`…) with its message, in the order the API gave them. */
  all: ReadonlyArray<{ param: string; message: string }>;
  /** The error is not (only) about the given fields: show it as a whole too. */
  other: boolean;
}

/**
 * Every server error of a failed write at its field: the problem's `errors[]` (each `param` a
 * dotted path into the body), or, without them, its `param` with its `detail` (a `409 conflict`
 * on `code`). `fields` are the fields the form shows; anything else makes `other` true, as does
 * an error naming no field.
 *
 * @example
 * const errors = fieldErrors(create.error, ['name', 'countries', 'taxRateBps']);
 * <Field error={errors.at('name')} …/>  {errors.other ? <ActionError error={create.error} /> : null}
 */
export function fieldErrors(error: unknown, fields: readonly string[]): FieldErrors {
  const problem = problemOf(error);
  const all = problem?.errors?.length
    ? problem.errors.map((e) => ({ param: e.param, message: e.message }))
    : problem?.param
      ? [{ param: problem.param, message: problem.detail ?? '' }]
      : [];
  const under = (param: string, field: string) => param === field || param.startsWith(`${field}.`);
  return {
    at: (field) => all.find((e) => under(e.param, field))?.message ?? null,
    all,
    other: Boolean(error) && (all.length === 0 || all.some((e) => !fields.some((f) => under(e.param, f)))),
  };
}
