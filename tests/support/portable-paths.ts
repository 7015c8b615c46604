/**
 * Recognises absolute filesystem paths that belong to one machine: a home or work folder, a temp
 * folder, a Windows drive. System locations every Debian machine has (/usr, /etc, /dev, /proc) are
 * not machine-specific and are allowed; so are URL paths, which start with a single route segment.
 */
const MACHINE_ROOTS = ['home', 'root', 'work', 'tmp', 'var/tmp', 'mnt', 'media', 'opt', 'srv', 'Users', 'private'];
const UNIX = new RegExp(`(?<![\\w.:/\\]}$])/(?:${MACHINE_ROOTS.join('|')})/[^\\s'"\`)\\]},;]+`, 'g');
const WINDOWS = /\b[A-Za-z]:\\\\?[^\s'"`),;]+/g;

export function absolutePathsIn(line: string): string[] {
  return [...(line.match(UNIX) ?? []), ...(line.match(WINDOWS) ?? [])];
}
