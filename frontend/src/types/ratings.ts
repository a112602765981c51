/** Ratings as the community API sends them (designs and the feed share these shapes). */

export interface RatingSummary {
  count: number;
  /** Mean stars, or null while nobody has rated. */
  average: number | null;
  /** The lower bound the Top sort ranks by. */
  lower_bound: number;
  /** How many ratings gave 1, 2, 3, 4 and 5 stars. */
  histogram: [number, number, number, number, number];
  would_buy_count: number;
}

/** The signed-in visitor's own rating of a design. */
export interface MyRating {
  stars: number;
  would_buy: boolean;
}
