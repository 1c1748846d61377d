export const APPS: string[];
export function buildApps(options?: { force?: boolean }): void;
