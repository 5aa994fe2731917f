/** The dated API version this SDK was written against, sent as `AgentStack-Version`. */
export const API_VERSION = '2026-11-01';

/** The default `baseUrl`: a server started locally with `npm start`. */
export const DEFAULT_BASE_URL = 'http://localhost:4000';
