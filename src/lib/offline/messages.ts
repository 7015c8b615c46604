/** What the service worker tells the pages, and the record of the stored copy it keeps. */

/** A stored copy: which build, how many bytes and files, when. */
export interface OfflineCopy {
  version: string;
  bytes: number;
  files: number;
  stored: string;
}

export type OfflineMessage =
  { type: 'offline-ready'; copy: OfflineCopy } | { type: 'offline-failed'; reason: 'quota' | 'network' | 'broken'; path: string };

/** Where the copy's record is kept in the cache (not a file the server has). */
export const OFFLINE_COPY_PATH = '/offline-copy.json';
