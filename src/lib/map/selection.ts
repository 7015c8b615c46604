/** What a click on the map selects: a plan (or imported) feature by id, a district by code, or nothing. */
export type Selection = { type: 'district'; code: string } | { type: 'feature'; id: string } | null;

/** A part that draws its own things (deck.gl columns) answers for a screen point before the map's layers. */
export type Picker = (x: number, y: number) => Selection;
