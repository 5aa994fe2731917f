// No zod here: `ProblemError` (and with it the catalogue the React kit reads) builds problems from
// this module without pulling the schemas in.

/** The members every problem has. */
export interface ProblemBase {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
}

/** The `title` of a problem names its HTTP status; `code` and `detail` say what happened. */
export const PROBLEM_TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The base of a problem body: `type` from the code, `title` from the status. */
export function problemBase(status: number, code: string, detail: string): ProblemBase {
  return {
    type: `https://agentstack.dev/errors/${code}`,
    title: PROBLEM_TITLES[status] ?? 'Error',
    status,
    code,
    detail,
  };
}
