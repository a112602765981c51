/** The brand's menu as `GET /api/v1/menu` sends it: live listings grouped by template. */
import type { Money } from '@/types/studio';

export interface MenuItem {
  listing_id: string;
  design: { id: string; slug: string; name: string; url: string };
  /** `/d/{slug}/preview.png`. */
  picture_url: string;
  price: Money;
  /** Allergen names as the studio lists them; a newer server may send one we do not know. */
  allergens: string[];
  dietary: string[];
  kcal: number;
  /** The creator first, then the co-creators. */
  creators: string[];
  ratings: { count: number; mean: number | null; lower_bound: number };
}

export interface MenuSection {
  /** Named in the language asked for (`?lang=`). */
  template: { id: string; name: string };
  items: MenuItem[];
}

export interface Menu {
  sections: MenuSection[];
}
