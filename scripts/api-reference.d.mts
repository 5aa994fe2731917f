/** Replaces each generated block of docs/api.md with its rendering from the contract. */
export function renderApiDoc(text: string): Promise<string>;
/** The path of docs/api.md. */
export const API_DOC: string;
