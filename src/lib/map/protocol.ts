/**
 * The `pmtiles://` protocol, registered once for the page however many maps it shows, and removed
 * when the last of them is gone (as svelte-maplibre-gl's PMTilesProtocol does, counted here because
 * maps come and go independently: a profile's mini-map, the explorer, the finder).
 */
type MapLibreModule = typeof import('maplibre-gl');
type PMTilesModule = typeof import('pmtiles');

let users = 0;
let protocol: InstanceType<PMTilesModule['Protocol']> | null = null;
const archives = new Map<string, InstanceType<PMTilesModule['PMTiles']>>();

/** Registers the protocol (first user) and the archives; returns the release function and the archives. */
export function acquirePmtiles(
  maplibre: MapLibreModule,
  pmtiles: PMTilesModule,
  urls: readonly string[],
): { release: () => void; archives: InstanceType<PMTilesModule['PMTiles']>[] } {
  if (users === 0 || !protocol) {
    protocol = new pmtiles.Protocol();
    maplibre.addProtocol('pmtiles', protocol.tile);
  }
  users++;
  const used = urls.map((url) => {
    let archive = archives.get(url);
    if (!archive) {
      archive = new pmtiles.PMTiles(url);
      archives.set(url, archive);
      protocol!.add(archive);
    }
    return archive;
  });
  let released = false;
  return {
    archives: used,
    release() {
      if (released) return;
      released = true;
      users--;
      if (users === 0) {
        maplibre.removeProtocol('pmtiles');
        protocol = null;
        archives.clear();
      }
    },
  };
}

/** How many maps hold the protocol now (for tests). */
export function pmtilesUsers(): number {
  return users;
}
