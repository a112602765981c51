/** Designs as the studio API (/api/v1/designs) sends them. */
import type { MyRating, RatingSummary } from '@/types/ratings';
import type { Localized, Money, Nutrition } from '@/types/studio';

export interface Choice {
  option_id: string;
  quantity: number;
}

/** A rule the selection does not meet yet (`groups.<id>`, `choices`), worded by the server. */
export interface Unfinished {
  field: string;
  code: string;
  message: string;
}

/** What a selection comes to, from `POST /designs/quote`. */
export interface Quote {
  price: Money;
  nutrition: Nutrition;
  allergens: string[];
  dietary: string[];
  /** Chosen option ids, bottom layer first. */
  layers: string[];
  ready_to_publish: boolean;
  unfinished: Unfinished[];
}

export type DesignStatus = 'draft' | 'published' | 'withdrawn';

export interface DesignCredit {
  slug: string;
  name: string;
  creator_name: string;
}

export interface Design {
  id: string;
  status: DesignStatus;
  slug: string | null;
  /** `/d/{slug}` once published. */
  url: string | null;
  template_id: string;
  template_name: Localized;
  name: string;
  story: string;
  tags: string[];
  choices: Choice[];
  quote: Quote;
  creator: { id: string; display_name: string };
  remix_of: (DesignCredit & { id: string }) | null;
  /** Who shares the royalties: the creator keeps what the co-creators' shares leave. */
  split: Split;
  created_at: number;
  updated_at: number;
  /** Unix milliseconds, UTC. */
  published_at: number | null;
  ratings: RatingSummary;
  /** The signed-in visitor's rating; null when signed out or not rated. */
  my_rating: MyRating | null;
}

export type CoCreatorStatus = 'invited' | 'accepted' | 'declined';

export interface CoCreator {
  account_id: string;
  display_name: string;
  /** Basis points of the royalties (10,000 = all). */
  share_bps: number;
  status: CoCreatorStatus;
}

export interface Split {
  creator_share_bps: number;
  co_creators: CoCreator[];
  /** Every co-creator accepted the split as it stands. */
  agreed: boolean;
}

/**
 * One person's share in `PUT /designs/{id}/co-creators`: someone already in the split by
 * account id (the split never shows emails), someone new by email; never both (422 `ambiguous`).
 */
export type ShareInput =
  { account_id: string; share_bps: number } | { email: string; share_bps: number };

/** The body of `PUT /designs/{id}/co-creators`: the whole list each time (`[]` removes everyone). */
export interface SplitInput {
  co_creators: ShareInput[];
}

/** A design the signed-in account is invited to share, from `GET /me/invitations`. */
export interface Invitation {
  design_id: string;
  design_name: string;
  creator_name: string;
  share_bps: number;
  status: CoCreatorStatus;
  /** Unix milliseconds, UTC. */
  invited_at: number;
}

/** A published (or withdrawn) design as anyone sees it: the snapshot taken at publication. */
export interface PublicDesign extends Design {
  picture: { base_layer_svg: string; layers: { svg: string; z: number }[] };
  chosen: { name: Localized; quantity: number }[];
  remixes: DesignCredit[];
  /** The design this one remixes, that one's original, and so on: nearest first. */
  ancestry: DesignCredit[];
}

/** What a creator edits: the body of `PUT /designs/{id}`. */
export interface DesignDraft {
  choices: Choice[];
  name: string;
  story: string;
  tags: string[];
}

/** The body of `PUT /designs/{id}/rating`. */
export type RatingInput = MyRating;

/** The answer of `PUT /designs/{id}/rating`: the rating kept and the design's new summary. */
export interface RatingResult extends MyRating {
  design: RatingSummary;
}
