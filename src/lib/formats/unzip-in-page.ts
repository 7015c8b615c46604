/**
 * fflate for read-excel-file, with its asynchronous `unzip` done in the page. fflate inflates any file
 * over 512 KB of a zip (a workbook's sheet of a few thousand rows) in a Web Worker it builds from a
 * `blob:` URL; the app's Content-Security-Policy allows no `blob:` worker (src/lib/security/policy.js),
 * so that worker would be refused and the import would never finish. Here the same call inflates
 * with `unzipSync` and answers on the next task: the parser itself runs in the page anyway, and a
 * workbook is read once. vite.config.ts hands this module to read-excel-file in place of fflate.
 */
import { unzipSync, type AsyncTerminable, type AsyncUnzipOptions, type UnzipCallback, type UnzipFileFilter } from 'fflate';

export * from 'fflate';

export function unzip(data: Uint8Array, optsOrCb: AsyncUnzipOptions | UnzipCallback, maybeCb?: UnzipCallback): AsyncTerminable {
  const cb = (typeof optsOrCb === 'function' ? optsOrCb : maybeCb)!;
  const filter: UnzipFileFilter | undefined = typeof optsOrCb === 'function' ? undefined : optsOrCb.filter;
  let terminated = false;
  const timer = setTimeout(() => {
    let files: ReturnType<typeof unzipSync>;
    try {
      files = unzipSync(data, filter ? { filter } : {});
    } catch (error) {
      if (!terminated) cb(error as Parameters<UnzipCallback>[0], null as unknown as Parameters<UnzipCallback>[1]);
      return;
    }
    if (!terminated) cb(null, files);
  });
  return () => {
    terminated = true;
    clearTimeout(timer);
  };
}
