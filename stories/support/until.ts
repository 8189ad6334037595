/** Resolves once `condition()` holds (checked every 100 ms); rejects after `timeoutMs`. For play functions. */
export async function until(condition: () => unknown, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
