/** The drag payload of a palette entry: the op name under a private MIME type. */
export const PALETTE_MIME = 'application/x-graphgrad-op';
