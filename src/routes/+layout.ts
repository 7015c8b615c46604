// Every page is prerendered to static HTML; the map is drawn on the client.
export const prerender = true;
export const trailingSlash = 'never';
