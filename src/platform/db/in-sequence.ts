/**
 * Awaits Drizzle queries one after another. Query builders only run when awaited, so handing them
 * over in an array starts none of them early. Inside a transaction there is one connection, which
 * runs one query at a time: sending several at once only queues them in the driver (deprecated in pg).
 */
export async function inSequence<T extends readonly unknown[]>(
  queries: readonly [...T],
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as { -readonly [K in keyof T]: Awaited<T[K]> };
}
