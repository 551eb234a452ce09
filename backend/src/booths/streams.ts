/** One voting booth (mesa) and its shifts. */
export const boothStream = (boothId: string) => `booth-${boothId}`;
