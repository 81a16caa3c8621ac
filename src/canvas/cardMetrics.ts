/** Geometry of a node card, shared by the card's CSS-in-JS, its handles and auto-layout's ports. */
export const HEADER_PX = 30;
export const PORT_ROW_PX = 19;
/** A card's width (app.css: .op-node). */
export const CARD_WIDTH_PX = 168;
/** A multi-output card's width (app.css: .op-node--multi), a layer macro's with a row per output. */
export const MULTI_CARD_WIDTH_PX = 210;

/** The op symbol's size in the zoomed-out overview: as large as fits the card. */
/**
 * What a card's block shows when zoomed far out: its op's symbol, or, for a part of an expanded
 * layer named in the lecture's notation (W1[1,2], b1[1], z1[1], a1[1]), that name, so the blocks
 * of a network stay identifiable.
 */
export const overviewText = (symbol: string, label: string) => (/^[Wbza]\d+\[\d+(,\d+)?\]$/.test(label) ? label : symbol);

export const overviewSymbolPx = (symbol: string) => (symbol.length <= 3 ? 44 : symbol.length <= 5 ? 34 : 22);

/** Vertical centre of input or output row `i`, from the card's top edge. */
export const rowCentre = (i: number) => HEADER_PX + i * PORT_ROW_PX + PORT_ROW_PX / 2 + 4;

/**
 * Where an edge meets a card, as React Flow measures it from the handles: the handle's outer side,
 * from the card's top-left corner. Handles are 10 px, centred on the inner side of the card's 1 px
 * border (3 px at the top).
 */
export function edgeAnchor(side: 'source' | 'target', row: number, cardWidth: number): { x: number; y: number } {
  return { x: side === 'source' ? cardWidth + 4 : -4, y: rowCentre(row) + 3 };
}

/** Tall enough for a handle per row. */
export const minCardHeight = (rows: number) => HEADER_PX + rows * PORT_ROW_PX + 14;

/*
 * The card's CSS in numbers (app.css, "node cards"), for a card whose content is not drawn: a bare
 * card in the overview of a large graph (viewDetail.ts). The line heights are set in the CSS, and
 * an e2e test compares these heights with full cards'.
 */
const BORDERS_PX = 4;
const BODY_PADDING_PX = 6 + 8;
const MULTI_BODY_PADDING_PX = 4 + 8;
const BODY_GAP_PX = 2;
const VALUE_PX = 20;
const GRAD_PX = 14;
const BADGE_PX = 16;

/** A full card's height: its rows of ports, or of outputs, or its value, gradient and badge. */
export function cardHeight(card: { rows: number; outputs: number; value: boolean; grad: boolean; badge: boolean }): number {
  const badge = card.badge ? BADGE_PX : 0;
  let body: number;
  if (card.outputs) body = MULTI_BODY_PADDING_PX + card.outputs * PORT_ROW_PX + badge;
  else {
    const parts = [card.value && VALUE_PX, card.grad && GRAD_PX, badge].filter((h): h is number => !!h);
    body = BODY_PADDING_PX + parts.reduce((sum, h) => sum + h, 0) + BODY_GAP_PX * Math.max(parts.length - 1, 0);
  }
  return Math.max(minCardHeight(card.rows), BORDERS_PX + HEADER_PX + body);
}
