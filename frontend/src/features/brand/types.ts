/** The brand's view of a template: the public one plus its own figures (cost, preparation). */
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
