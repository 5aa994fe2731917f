export type DemoCredentials = unknown;
export async function seedDemo(): Promise<void> {}
