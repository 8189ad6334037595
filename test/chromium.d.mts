/** Types for test/chromium.mjs (plain JS so web-test-runner's config can import it too). */
export function chromiumPath(): string;
export const chromiumArgs: string[];
