/** The brand's view of a template: the public one plus its own figures (cost, preparation). */
import type { Money, Template, TemplateOption } from '@/types/studio';

export interface BrandOption extends TemplateOption {
  cost: Money;
  prep_seconds: number;
}

export interface BrandTemplate extends Template<BrandOption> {
  base_cost: Money;
  base_prep_seconds: number;
}
