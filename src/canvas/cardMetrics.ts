/** Geometry of a node card, shared by the card's CSS-in-JS, its handles and auto-layout's ports. */
export const HEADER_PX = 30;
export const PORT_ROW_PX = 19;

/** Vertical centre of input or output row `i`, from the card's top edge. */
export const rowCentre = (i: number) => HEADER_PX + i * PORT_ROW_PX + PORT_ROW_PX / 2 + 4;
