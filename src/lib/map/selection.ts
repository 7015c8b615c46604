/** What a click on the map selects: a plan (or imported) feature by id, a district by code, or nothing. */
export type Selection = { type: 'district'; code: string } | { type: 'feature'; id: string } | null;

/** A part's own thing under the pointer that a click acts on itself (a cluster zooms in, a point shows its popup) instead of selecting. */
export interface PickAction {
  act: () => void;
}

/** A part that draws its own things (deck.gl columns, the enterprise layer) answers for a screen point before the map's layers. */
export type Picker = (x: number, y: number) => Selection | PickAction;
