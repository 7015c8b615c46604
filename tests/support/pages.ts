/** Pages for the browser tests (vitest only: the benchmark drives its own pages). */
import type { BrowserContext, Page } from 'playwright-core';
import { onTestFinished } from 'vitest';

/**
 * A new page in `context`, closed when the running test ends, whether it passed or failed (the
 * test's `finally`, which no test can forget). Call it inside a test.
 */
export async function openPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  onTestFinished(async () => {
    if (!page.isClosed()) await page.close();
  });
  return page;
}
