/** Designs as the studio API (/api/v1/designs) sends them. */
import type { Acceptance, DesignRef, ListingState, Terms } from '@/types/listings';
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

/**
 * Shortlisted: published, and in the brand's review queue. Then the brand's decision:
 * approved, changes_requested or rejected; listed while its listing is on the menu.
 */
export type DesignStatus =
  | 'draft'
  | 'published'
  | 'withdrawn'
  | 'shortlisted'
  | 'approved'
  | 'changes_requested'
  | 'rejected'
  | 'listed';

export type ReviewState = 'waiting' | 'in_review' | 'approved' | 'changes_requested' | 'rejected';

/** The brand's review of a design that reached it: public, like its answer. */
export interface Review {
  state: ReviewState;
  /** Unix milliseconds: when it reached the brand. */
  entered_at: number;
  /** The brand promises an answer by then. */
  due_at: number;
  overdue: boolean;
  decided_at: number | null;
  /** Always there for changes_requested and rejected. */
  reason: string | null;
  decided_by: { id: string; display_name: string } | null;
}

/**
 * The design's listing as its page shows it. Terms and acceptances are for its creators and
 * the brand only (null for everyone else).
 */
export interface Listing {
  id: string;
  state: ListingState;
  starts_at: number;
  /** In force now. */
  price: Money;
  /** Why it was paused, retired or declined. */
  reason: string | null;
  terms: Terms | null;
  /** Changes already scheduled, soonest first. */
  upcoming_terms: Terms[];
  acceptances: Acceptance[] | null;
  /** True for a creator who has not accepted yet while the listing is offered. */
  my_acceptance_needed: boolean;
}

/** A design the brand hid (moderation): shown to its creators and the brand only. */
export interface Hidden {
  at: number;
  reason: string;
}

/** What the design costs the brand to make: the brand's roles only. */
export interface Feasibility {
  cost: Money;
  margin: Money;
  prep_seconds: number;
}

/** What the brand asks of a design before it reviews it (brand settings). */
export interface PromotionThresholds {
  min_ratings: number;
  /** The cautious estimate of the average (the Top sort's key) to reach. */
  min_lower_bound: number;
  /** Null: not required. */
  min_would_buy: number | null;
  /** Ratings from younger accounts do not count until they are this old. */
  min_account_age_days: number;
  /** Ratings from accounts with an unverified email do not count until it is verified. */
  require_verified_email: boolean;
}

export type PromotionKey = 'ratings' | 'lower_bound' | 'would_buy';

/** One threshold: how far along the design is. */
export interface PromotionProgress {
  key: PromotionKey;
  current: number;
  target: number;
  met: boolean;
}

export interface Promotion {
  thresholds: PromotionThresholds;
  /** One per threshold: ratings, lower_bound, then would_buy when it is required. */
  progress: PromotionProgress[];
  /** Every threshold is met: the brand reviews it. */
  met: boolean;
}

/** Where it stands in the Top feed (1 = first) among `of` published designs. */
export interface Standing {
  top_position: number;
  of: number;
}

/** Ratings recorded that do not count yet, by why (never whose). */
export interface PendingRatings {
  too_young: number;
  unverified: number;
}

/** How visitors came to buy it: for its creators and the brand. */
export interface Funnel {
  views: number;
  share_clicks: number;
  ratings: number;
  would_buy: number;
  orders: number;
}

/** Why a rating is kept but does not count yet. */
export type NotCountedReason = 'account_too_young' | 'email_unverified';

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
  /** Unix milliseconds, UTC; null unless shortlisted. */
  shortlisted_at: number | null;
  /** Published and shortlisted designs only. */
  promotion: Promotion | null;
  /** Null for drafts. */
  standing: Standing | null;
  /** Only for its creator and co-creators. */
  pending_ratings: PendingRatings | null;
  /** Only for its creator, co-creators and the brand. */
  funnel: Funnel | null;
  /** Null until it reaches the brand. */
  review: Review | null;
  /** The version this one answers (after the brand asked for changes). */
  revision_of: DesignRef | null;
  /** The newer version that answers the brand's request for changes. */
  revised_by: DesignRef | null;
  listing: Listing | null;
  /** Creators and the brand only. */
  hidden: Hidden | null;
  /** The brand's roles only; left out for everyone else. */
  feasibility?: Feasibility;
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
  /** False while the rater's account does not qualify yet (see `not_counted_because`). */
  counted: boolean;
  not_counted_because: NotCountedReason | null;
  design: RatingSummary;
  /** A rating can be the one that gets the design shortlisted. */
  status: DesignStatus;
}

/** A comment on a design (`GET /designs/{id}/comments`). */
export interface Comment {
  id: string;
  design_id: string;
  /** The top-level comment this one answers; null for a top-level comment. */
  parent_id: string | null;
  author: { id: string; display_name: string };
  /** Written by the brand's team. */
  brand: boolean;
  /** Empty once deleted. */
  body: string;
  deleted: boolean;
  created_at: number;
  edited_at: number | null;
  /** Unix milliseconds: its author may edit it until then (15 minutes). */
  editable_until: number;
  /** Top-level comments only, oldest first; replies cannot be answered. */
  replies?: Comment[];
}

export interface CommentPage {
  items: Comment[];
  next_cursor: string | null;
}

export type ReportTargetType = 'design' | 'comment';
export type ReportReason = 'spam' | 'offensive' | 'copyright' | 'other';

export interface ReportInput {
  target_type: ReportTargetType;
  target_id: string;
  reason: ReportReason;
  note?: string;
}
