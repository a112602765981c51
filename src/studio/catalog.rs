//! The brand's building blocks as the rules see them, and the pure functions that check a
//! selection against its template and price it. No I/O: storage loads a [`Catalog`], handlers
//! call [`quote`].
//!
//! Two kinds of rule. A selection that breaks a *hard* rule (an unknown or unavailable option,
//! the same option twice, a quantity out of range, more choices than a group allows) can never
//! become a design: it is refused. A selection that is merely *unfinished* (a group with fewer
//! choices than its minimum, more preparation time than the template allows) is priced and may
//! be kept as a draft, but cannot be published; its [`Quote::unfinished`] says why.

use std::collections::HashSet;

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::FieldError;
use crate::money::Currency;

/// The 14 allergens EU regulation 1169/2011 requires to be declared, in its order.
pub const ALLERGENS: [&str; 14] = [
    "gluten",
    "crustaceans",
    "eggs",
    "fish",
    "peanuts",
    "soybeans",
    "milk",
    "nuts",
    "celery",
    "mustard",
    "sesame",
    "sulphites",
    "lupin",
    "molluscs",
];

/// Dietary tags an option may carry; a design carries a tag only when every option does.
pub const DIETARY_TAGS: [&str; 5] = ["vegetarian", "vegan", "gluten_free", "dairy_free", "halal"];

/// A set of names from a fixed list, as a bit mask (bit i = list[i]); stored as an integer so
/// a feed can filter with `&` in SQL.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Flags(pub i64);

impl Flags {
    pub fn from_names(list: &[&str], names: &[String]) -> Result<Flags, String> {
        let mut bits = 0i64;
        for n in names {
            let i = list.iter().position(|l| l == n).ok_or_else(|| n.clone())?;
            bits |= 1 << i;
        }
        Ok(Flags(bits))
    }

    pub fn names(self, list: &[&'static str]) -> Vec<&'static str> {
        list.iter().enumerate().filter(|(i, _)| self.0 & (1 << i) != 0).map(|(_, n)| *n).collect()
    }

    pub fn all(list: &[&str]) -> Flags {
        Flags((1i64 << list.len()) - 1)
    }
}

/// Nutrition per portion, in whole units: kilocalories and milligrams (never floats).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize, ToSchema)]
pub struct Nutrition {
    pub kcal: i64,
    pub protein_mg: i64,
    pub carbohydrate_mg: i64,
    pub fat_mg: i64,
    pub salt_mg: i64,
}

impl Nutrition {
    fn add_times(&mut self, other: &Nutrition, times: i64) {
        self.kcal += other.kcal * times;
        self.protein_mg += other.protein_mg * times;
        self.carbohydrate_mg += other.carbohydrate_mg * times;
        self.fat_mg += other.fat_mg * times;
        self.salt_mg += other.salt_mg * times;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Availability {
    Active,
    OutOfStock,
    Retired,
}

impl Availability {
    pub fn as_str(self) -> &'static str {
        match self {
            Availability::Active => "active",
            Availability::OutOfStock => "out_of_stock",
            Availability::Retired => "retired",
        }
    }

    pub fn parse(s: &str) -> Option<Availability> {
        [Availability::Active, Availability::OutOfStock, Availability::Retired].into_iter().find(|a| a.as_str() == s)
    }
}

/// The language people read messages in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// From an `Accept-Language` header: French when French comes first, English otherwise.
    pub fn from_accept_language(header: Option<&str>) -> Lang {
        match header.and_then(|h| h.split(',').next()).map(|t| t.trim().to_ascii_lowercase()) {
            Some(t) if t.starts_with("fr") => Lang::Fr,
            _ => Lang::En,
        }
    }

    pub fn pick<'a>(self, en: &'a str, fr: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }
}

#[derive(Debug, Clone)]
pub struct OptionSpec {
    pub id: Uuid,
    pub name_en: String,
    pub name_fr: String,
    pub price_delta: i64,
    pub cost: i64,
    pub prep_seconds: i64,
    pub nutrition: Nutrition,
    pub allergens: Flags,
    pub dietary: Flags,
    pub availability: Availability,
    pub layer_z: i64,
}

#[derive(Debug, Clone)]
pub struct GroupSpec {
    pub id: Uuid,
    pub name_en: String,
    pub name_fr: String,
    pub min_choices: i64,
    pub max_choices: i64,
    pub max_quantity: i64,
    pub options: Vec<OptionSpec>,
}

/// A template with its groups and options, as the rules need them.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub template_id: Uuid,
    pub currency: Currency,
    pub base_price: i64,
    pub base_cost: i64,
    pub base_prep_seconds: i64,
    /// The most preparation time a design of this template may need (the counter's limit).
    pub max_prep_seconds: Option<i64>,
    pub groups: Vec<GroupSpec>,
}

/// One chosen option and how many portions of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub option_id: Uuid,
    pub quantity: i64,
}

/// What a selection comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub currency: Currency,
    /// Base price plus every option's price delta times its quantity.
    pub price: i64,
    pub nutrition: Nutrition,
    pub allergens: Flags,
    pub dietary: Flags,
    /// The brand's own figures: never shown to customers.
    pub cost: i64,
    pub prep_seconds: i64,
    /// The chosen options from the bottom layer up (the picture's stacking order).
    pub layers: Vec<Uuid>,
    /// Why the selection cannot be published yet; empty when it can.
    pub unfinished: Vec<FieldError>,
}

impl Quote {
    pub fn margin(&self) -> i64 {
        self.price - self.cost
    }
}

/// Checks `choices` against the catalog and prices them. `Err` lists every hard rule broken,
/// each naming the choice or the group, worded in `lang`.
pub fn quote(catalog: &Catalog, choices: &[Choice], lang: Lang) -> Result<Quote, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    let mut found: Vec<(&GroupSpec, &OptionSpec, i64)> = Vec::new();
    for (i, choice) in choices.iter().enumerate() {
        let field = format!("choices[{i}]");
        let located =
            catalog.groups.iter().find_map(|g| g.options.iter().find(|o| o.id == choice.option_id).map(|o| (g, o)));
        let Some((group, option)) = located else {
            errors.push(FieldError::new(
                field,
                "unknown_option",
                msg(lang, "This option is not part of this template.", "Cette option ne fait pas partie de ce modèle."),
            ));
            continue;
        };
        let name = lang.pick(&option.name_en, &option.name_fr);
        if !seen.insert(choice.option_id) {
            errors.push(FieldError::new(
                field,
                "duplicate_option",
                match lang {
                    Lang::En => format!("{name} is chosen twice; change its quantity instead."),
                    Lang::Fr => format!("{name} est choisi deux fois ; changez plutôt sa quantité."),
                },
            ));
            continue;
        }
        if choice.quantity < 1 || choice.quantity > group.max_quantity {
            errors.push(FieldError::new(
                field.clone(),
                "quantity_out_of_range",
                match lang {
                    Lang::En => format!("{name}: the quantity is between 1 and {}.", group.max_quantity),
                    Lang::Fr => format!("{name} : la quantité va de 1 à {}.", group.max_quantity),
                },
            ));
        }
        if option.availability != Availability::Active {
            errors.push(FieldError::new(
                field,
                "unavailable",
                match lang {
                    Lang::En => format!("{name} is not available at the moment."),
                    Lang::Fr => format!("{name} n'est pas disponible pour le moment."),
                },
            ));
        }
        found.push((group, option, choice.quantity));
    }

    let mut unfinished = Vec::new();
    for group in &catalog.groups {
        let chosen = found.iter().filter(|(g, _, _)| g.id == group.id).count() as i64;
        let field = format!("groups.{}", group.id);
        let name = lang.pick(&group.name_en, &group.name_fr);
        if chosen > group.max_choices {
            errors.push(FieldError::new(
                field,
                "too_many_choices",
                match lang {
                    Lang::En => format!("{name}: choose at most {}.", group.max_choices),
                    Lang::Fr => format!("{name} : choisissez-en {} au plus.", group.max_choices),
                },
            ));
        } else if chosen < group.min_choices {
            unfinished.push(FieldError::new(
                field,
                "too_few_choices",
                match lang {
                    Lang::En => format!("{name}: choose at least {}.", group.min_choices),
                    Lang::Fr => format!("{name} : choisissez-en au moins {}.", group.min_choices),
                },
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut q = Quote {
        currency: catalog.currency,
        price: catalog.base_price,
        nutrition: Nutrition::default(),
        allergens: Flags::default(),
        dietary: Flags::all(&DIETARY_TAGS),
        cost: catalog.base_cost,
        prep_seconds: catalog.base_prep_seconds,
        layers: Vec::new(),
        unfinished,
    };
    for (_, option, quantity) in &found {
        q.price += option.price_delta * quantity;
        q.cost += option.cost * quantity;
        q.prep_seconds += option.prep_seconds * quantity;
        q.nutrition.add_times(&option.nutrition, *quantity);
        q.allergens.0 |= option.allergens.0;
        q.dietary.0 &= option.dietary.0;
    }
    if found.is_empty() {
        q.dietary = Flags::default(); // nothing chosen is nothing to vouch for
    }
    let mut layered: Vec<&OptionSpec> = found.iter().map(|(_, o, _)| *o).collect();
    layered.sort_by_key(|o| o.layer_z);
    q.layers = layered.iter().map(|o| o.id).collect();
    if let Some(max) = catalog.max_prep_seconds
        && q.prep_seconds > max
    {
        q.unfinished.push(FieldError::new("choices", "too_long_to_prepare", match lang {
            Lang::En => format!(
                "This takes {} to prepare; the counter can serve {} at most. Choose fewer or simpler options.",
                minutes(q.prep_seconds),
                minutes(max)
            ),
            Lang::Fr => format!(
                "Sa préparation prend {} ; le comptoir ne peut pas dépasser {}. Choisissez moins d'options ou des options plus simples.",
                minutes(q.prep_seconds),
                minutes(max)
            ),
        }));
    }
    Ok(q)
}

fn msg(lang: Lang, en: &str, fr: &str) -> String {
    lang.pick(en, fr).to_string()
}

fn minutes(seconds: i64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn option(price_delta: i64, availability: Availability, z: i64) -> OptionSpec {
        OptionSpec {
            id: Uuid::new_v4(),
            name_en: format!("Option {z}"),
            name_fr: format!("Option {z}"),
            price_delta,
            cost: price_delta / 3,
            prep_seconds: 30,
            nutrition: Nutrition { kcal: 100 + z, protein_mg: 1000, carbohydrate_mg: 2000, fat_mg: 300, salt_mg: 50 },
            allergens: Flags(1 << (z % 14)),
            dietary: Flags(if z % 2 == 0 { 0b11 } else { 0b01 }),
            availability,
            layer_z: z,
        }
    }

    fn burger() -> Catalog {
        Catalog {
            template_id: Uuid::new_v4(),
            currency: Currency::EUR,
            base_price: 500,
            base_cost: 100,
            base_prep_seconds: 60,
            max_prep_seconds: Some(300),
            groups: vec![
                GroupSpec {
                    id: Uuid::new_v4(),
                    name_en: "Bun".into(),
                    name_fr: "Pain".into(),
                    min_choices: 1,
                    max_choices: 1,
                    max_quantity: 1,
                    options: vec![option(0, Availability::Active, 0), option(50, Availability::OutOfStock, 1)],
                },
                GroupSpec {
                    id: Uuid::new_v4(),
                    name_en: "Sauces".into(),
                    name_fr: "Sauces".into(),
                    min_choices: 0,
                    max_choices: 2,
                    max_quantity: 3,
                    options: vec![
                        option(20, Availability::Active, 5),
                        option(30, Availability::Active, 4),
                        option(10, Availability::Active, 6),
                    ],
                },
            ],
        }
    }

    #[test]
    fn a_burger_is_priced_and_stacked() {
        let c = burger();
        let bun = c.groups[0].options[0].id;
        let (s1, s2) = (c.groups[1].options[0].id, c.groups[1].options[1].id);
        let q = quote(
            &c,
            &[
                Choice { option_id: s1, quantity: 2 },
                Choice { option_id: bun, quantity: 1 },
                Choice { option_id: s2, quantity: 1 },
            ],
            Lang::En,
        )
        .unwrap();
        assert_eq!(q.price, 500 + 2 * 20 + 30);
        assert_eq!(q.nutrition.kcal, 100 + 2 * 105 + 104);
        assert_eq!(q.layers, vec![bun, s2, s1], "stacked by layer_z");
        assert!(q.unfinished.is_empty());
        assert_eq!(q.allergens.names(&ALLERGENS), ["gluten", "peanuts", "soybeans"]);
        assert_eq!(q.dietary.names(&DIETARY_TAGS), ["vegetarian"], "a tag holds only when every option has it");
    }

    #[test]
    fn breaking_rules_names_the_group_and_the_choice_in_french_too() {
        let c = burger();
        let (bun, soldout) = (c.groups[0].options[0].id, c.groups[0].options[1].id);
        let errors = quote(
            &c,
            &[
                Choice { option_id: bun, quantity: 1 },
                Choice { option_id: soldout, quantity: 1 },
                Choice { option_id: Uuid::new_v4(), quantity: 1 },
            ],
            Lang::Fr,
        )
        .unwrap_err();
        let codes: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert!(codes.contains(&("choices[1]", "unavailable")), "{codes:?}");
        assert!(codes.contains(&("choices[2]", "unknown_option")), "{codes:?}");
        let group = format!("groups.{}", c.groups[0].id);
        assert!(codes.contains(&(group.as_str(), "too_many_choices")), "{codes:?}");
        let too_many = errors.iter().find(|e| e.code == "too_many_choices").unwrap();
        assert_eq!(too_many.message, "Pain : choisissez-en 1 au plus.");
    }

    #[test]
    fn an_unfinished_burger_is_priced_but_says_what_is_missing() {
        let c = burger();
        let sauce = c.groups[1].options[0].id;
        let q = quote(&c, &[Choice { option_id: sauce, quantity: 3 }], Lang::En).unwrap();
        assert_eq!(q.price, 560);
        assert_eq!(q.unfinished.len(), 1);
        assert_eq!(q.unfinished[0].message, "Bun: choose at least 1.");
        let long = quote(
            &c,
            &[
                Choice { option_id: c.groups[0].options[0].id, quantity: 1 },
                Choice { option_id: sauce, quantity: 3 },
                Choice { option_id: c.groups[1].options[1].id, quantity: 3 },
            ],
            Lang::En,
        )
        .unwrap();
        assert_eq!(long.prep_seconds, 60 + 30 * 7);
        assert!(long.unfinished.is_empty(), "270 s is within the 300 s cap");
    }

    fn catalog_strategy() -> impl Strategy<Value = Catalog> {
        let group =
            (0i64..3, 1i64..4, 1i64..4, prop::collection::vec((-100i64..500, 0u8..10, 0i64..40, 0i64..200), 1..6));
        (prop::collection::vec(group, 1..5), 0i64..2000, prop::option::of(60i64..900)).prop_map(
            |(groups, base, cap)| Catalog {
                template_id: Uuid::new_v4(),
                currency: Currency::EUR,
                base_price: base,
                base_cost: base / 4,
                base_prep_seconds: 30,
                max_prep_seconds: cap,
                groups: groups
                    .into_iter()
                    .enumerate()
                    .map(|(gi, (min, extra, maxq, opts))| GroupSpec {
                        id: Uuid::new_v4(),
                        name_en: format!("G{gi}"),
                        name_fr: format!("G{gi}"),
                        min_choices: min,
                        max_choices: min + extra,
                        max_quantity: maxq,
                        options: opts
                            .into_iter()
                            .map(|(delta, avail, z, prep)| OptionSpec {
                                prep_seconds: prep,
                                ..option(
                                    delta,
                                    if avail == 0 {
                                        Availability::OutOfStock
                                    } else if avail == 1 {
                                        Availability::Retired
                                    } else {
                                        Availability::Active
                                    },
                                    z,
                                )
                            })
                            .collect(),
                    })
                    .collect(),
            },
        )
    }

    /// A catalog and a selection from it: mostly real options, sometimes unknown ones, repeated
    /// ones and quantities out of range.
    fn case() -> impl Strategy<Value = (Catalog, Vec<Choice>)> {
        catalog_strategy().prop_flat_map(|c| {
            let ids: Vec<Uuid> = c.groups.iter().flat_map(|g| g.options.iter().map(|o| o.id)).collect();
            let pick = (0..ids.len() + 1, -1i64..5).prop_map(move |(i, q)| Choice {
                option_id: ids.get(i).copied().unwrap_or_else(Uuid::new_v4),
                quantity: q,
            });
            (Just(c), prop::collection::vec(pick, 0..8))
        })
    }

    proptest! {
        #[test]
        fn a_valid_selection_costs_the_sum_of_its_parts_and_an_invalid_one_is_refused((c, choices) in case()) {
            let options: Vec<(&GroupSpec, &OptionSpec)> = c.groups.iter().flat_map(|g| g.options.iter().map(move |o| (g, o))).collect();
            let find = |id: Uuid| options.iter().find(|(_, o)| o.id == id).copied();
            let ids: Vec<Uuid> = choices.iter().map(|ch| ch.option_id).collect();
            let duplicate = ids.iter().enumerate().any(|(i, id)| ids[..i].contains(id));
            let broken = duplicate
                || choices.iter().any(|ch| match find(ch.option_id) {
                    None => true,
                    Some((g, o)) => ch.quantity < 1 || ch.quantity > g.max_quantity || o.availability != Availability::Active,
                })
                || c.groups.iter().any(|g| choices.iter().filter(|ch| find(ch.option_id).is_some_and(|(og, _)| og.id == g.id)).count() as i64 > g.max_choices);

            match quote(&c, &choices, Lang::En) {
                Err(errors) => prop_assert!(broken && !errors.is_empty(), "refused a valid selection: {errors:?}"),
                Ok(q) => {
                    prop_assert!(!broken, "accepted a selection that breaks a rule");
                    let parts: i64 = choices.iter().map(|ch| find(ch.option_id).unwrap().1.price_delta * ch.quantity).sum();
                    prop_assert_eq!(q.price, c.base_price + parts);
                    let kcal: i64 = choices.iter().map(|ch| find(ch.option_id).unwrap().1.nutrition.kcal * ch.quantity).sum();
                    prop_assert_eq!(q.nutrition.kcal, kcal);
                    let allergens = choices.iter().fold(0, |acc, ch| acc | find(ch.option_id).unwrap().1.allergens.0);
                    prop_assert_eq!(q.allergens.0, allergens);
                    let prep: i64 = c.base_prep_seconds + choices.iter().map(|ch| find(ch.option_id).unwrap().1.prep_seconds * ch.quantity).sum::<i64>();
                    let under_min = c.groups.iter().any(|g| (choices.iter().filter(|ch| find(ch.option_id).unwrap().0.id == g.id).count() as i64) < g.min_choices);
                    let too_long = c.max_prep_seconds.is_some_and(|m| prep > m);
                    prop_assert_eq!(q.unfinished.is_empty(), !under_min && !too_long);
                    prop_assert_eq!(q.layers.len(), choices.len());
                }
            }
        }
    }
}
