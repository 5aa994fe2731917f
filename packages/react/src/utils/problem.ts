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
