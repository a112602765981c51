/**
 * What the brand's console reads and sends: templates with their costs, the review queue,
 * listings, moderation, settings and analytics.
 */
import type { Acceptance, DesignRef, ListingState, Terms } from '@/types/listings';
import type { RatingSummary } from '@/types/ratings';
import type {
  Availability,
  Localized,
  Money,
  Nutrition,
  Template,
  TemplateOption,
} from '@/types/studio';

/** A retired template takes no new designs; the designs published from it stay as they are. */
export type TemplateStatus = 'active' | 'retired';

/** The brand's view of a template: the public one plus its own figures (cost, preparation). */
export interface BrandOption extends TemplateOption {
  cost: Money;
  prep_seconds: number;
}

export interface BrandTemplate extends Template<BrandOption> {
  status: TemplateStatus;
  base_cost: Money;
  base_prep_seconds: number;
}

/** One line of `GET /api/v1/brand/templates` (every template, retired ones too). */
export interface BrandTemplateSummary {
  id: string;
  slug: string;
  name: Localized;
  description: Localized;
  base_price: Money;
  /** Not sent today; read if a newer server adds it. */
  status?: TemplateStatus;
}

/** `PATCH /api/v1/brand/options/{id}`: any of these, amounts in the template's minor units. */
export interface OptionChange {
  availability?: Availability;
  price_delta?: number;
  cost?: number;
  prep_seconds?: number;
}

/** `PATCH /api/v1/brand/templates/{id}`: `max_prep_seconds: 0` removes the limit. */
export interface TemplateChange {
  base_price?: number;
  base_cost?: number;
  base_prep_seconds?: number;
  max_prep_seconds?: number;
  status?: TemplateStatus;
}

/** `POST /api/v1/templates`: a whole template with its groups and options. */
export interface NewTemplateBody {
  slug: string;
  name: Localized;
  description: Localized;
  base_price: Money;
  base_cost: number;
  base_prep_seconds: number;
  max_prep_seconds: number | null;
  base_layer_svg: string;
  groups: NewGroupBody[];
}

export interface NewGroupBody {
  name: Localized;
  min_choices: number;
  max_choices: number;
  max_quantity: number;
  options: NewOptionBody[];
}

export interface NewOptionBody {
  name: Localized;
  price_delta: number;
  cost: number;
  prep_seconds: number;
  nutrition: Nutrition;
  allergens: string[];
  dietary: string[];
  layer_svg: string;
  layer_z: number;
  availability: 'active' | 'out_of_stock';
}

// ---------------------------------------------------------------------------------------------
// The review queue

/** Someone on the brand's team, as the console names them. */
export interface TeamMember {
  id: string;
  display_name: string;
}

export type Decision = 'approved' | 'changes_requested' | 'rejected';

/**
 * The parts of the design view (`GET /designs/{id}`, brand fields included) the queue reads:
 * who made it, where it comes from, what the community and the kitchen make of it.
 */
export interface ReviewDesign {
  id: string;
  status: string;
  slug: string | null;
  url: string | null;
  name: string;
  template_name: Localized;
  creator: TeamMember;
  split: {
    co_creators: {
      account_id: string;
      display_name: string;
      share_bps: number;
      status: 'invited' | 'accepted' | 'declined';
    }[];
  };
  remix_of: { id: string; slug: string | null; name: string; creator_name: string } | null;
  revision_of: DesignRef | null;
  quote: { price: Money };
  ratings: RatingSummary;
  /** The brand's roles only: what it costs to make and how long it takes. */
  feasibility?: { cost: Money; margin: Money; prep_seconds: number };
}

/** One design in the brand's review queue (`GET /brand/reviews`). */
export interface ReviewItem {
  design: ReviewDesign;
  entered_at: number;
  due_at: number;
  /** Two days or less left. */
  due_soon: boolean;
  overdue: boolean;
  /** A curator holding it for an hour (they may claim again to extend it). */
  claim: { by: TeamMember; expires_at: number; mine: boolean } | null;
  /** Visible comments. */
  comments: number;
  open_reports: number;
  decision: {
    decision: Decision;
    reason: string | null;
    decided_at: number;
    decided_by: TeamMember | null;
  } | null;
}

export type ReviewQueueState = 'open' | 'decided';

/** The terms of an approval: price and royalty, and the day it goes on the menu. */
export interface NewTerms {
  price: Money;
  royalty_bps: number;
  royalty_fixed: Money | null;
}

/** `POST /brand/reviews/{design_id}/decision`. */
export type DecisionBody =
  | { decision: 'approved'; reason?: string; terms: NewTerms & { starts_at: number } }
  | { decision: 'changes_requested' | 'rejected'; reason: string };

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

// ---------------------------------------------------------------------------------------------
// Listings

/** A listing as the brand manages it (`GET /brand/listings`). */
export interface BrandListing {
  id: string;
  design: DesignRef;
  /** The template's name; the server may send it in both languages or in the reader's. */
  template_name: Localized | string;
  state: ListingState;
  starts_at: number;
  /** Why it was paused, retired or declined. */
  reason: string | null;
  /** In force now. */
  terms: Terms;
  /** Every version of the terms, oldest first (the future ones included). */
  history: Terms[];
  acceptances: Acceptance[];
  created_at: number;
}

/** `POST /brand/listings/{id}/terms`: new terms from a moment in the future. */
export interface TermsChange extends NewTerms {
  effective_from: number;
}

// ---------------------------------------------------------------------------------------------
// Moderation

export type ReportTargetType = 'design' | 'comment';

/** A reported design or comment with its open reports (`GET /brand/reports/targets`). */
export interface ReportTarget {
  target_type: ReportTargetType;
  target_id: string;
  /** The design's name, or the comment's text. */
  title: string;
  /** The design, or the one the comment is on. */
  design: DesignRef;
  reports: number;
  /** `spam`, `offensive`, `copyright`, `other`. */
  reasons: string[];
  first_at: number;
  hidden: boolean;
  /**
   * Not in the contract: who wrote it, if a server names them, so that the account can be
   * moderated without typing its id.
   */
  author?: TeamMember | null;
}

export type AccountAction = 'suspend' | 'ban' | 'reinstate';

/** A design rated in the last hour by many accounts younger than the minimum age. */
export interface BurstAlert {
  design_id: string;
  slug: string | null;
  name: string;
  young_ratings: number;
  since: number;
}

// ---------------------------------------------------------------------------------------------
// Settings

export interface BrandSettings {
  promotion: {
    min_ratings: number;
    min_lower_bound: number;
    /** Null: not required. */
    min_would_buy: number | null;
    min_account_age_days: number;
    require_verified_email: boolean;
  };
  /** The brand promises an answer this many days after a design reaches it. */
  review_days: number;
  /** Royalties are held this long before they can be paid. */
  holding_days: number;
  min_payout: Money;
  payout_schedule: 'weekly' | 'monthly';
  currency: string;
  vat_bps: number;
}

// ---------------------------------------------------------------------------------------------
// Analytics

export interface RatingsDay {
  /** A UTC day, "2026-11-01". */
  date: string;
  ratings: number;
  would_buy: number;
}

export interface OptionUsage {
  option_id: string;
  name: Localized | string;
  template_name: Localized | string;
  published_designs: number;
  units_sold: number;
}

/** Designs at or past each stage; `sold`: with at least one sale. */
export interface FunnelCounts {
  published: number;
  shortlisted: number;
  approved: number;
  listed: number;
  sold: number;
}

export interface ListingConversion {
  listing_id: string;
  design: DesignRef;
  ratings: number;
  lower_bound: number;
  would_buy: number;
  units_sold: number;
  /** Units sold per would-buy; null before anyone said they would buy it. */
  conversion: number | null;
}
