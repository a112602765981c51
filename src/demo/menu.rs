//! The demo menu: a burger with 27 options in 5 groups and a bowl, each option with its own
//! picture layer, and about fifty published designs by a dozen creators, remixes included.

use uuid::Uuid;

use super::art;
use crate::db::{Db, Ex, Tx, now_ms};
use crate::error::Result;
use crate::http::Input;
use crate::money::{Currency, Money};
use crate::on_db;
use crate::studio::catalog::{Choice, Lang, Nutrition};
use crate::studio::designs::{self, DraftSpec};
use crate::studio::input::Localized;
use crate::studio::templates::{self, NewGroupBody, NewOptionBody, NewTemplate, NewTemplateBody};

fn l(en: &str, fr: &str) -> Option<Localized> {
    Some(Localized { en: en.into(), fr: fr.into() })
}

/// (en, fr, price delta, cost, prep seconds, kcal, protein g, carbs g, fat g, salt mg, allergens, dietary, layer)
type Row<'a> = (&'a str, &'a str, i64, i64, i64, i64, i64, i64, i64, i64, &'a [&'a str], &'a [&'a str], String);

fn options(rows: Vec<Row<'_>>, z: i64) -> Vec<NewOptionBody> {
    rows.into_iter()
        .map(|(en, fr, price, cost, prep, kcal, protein, carbs, fat, salt, allergens, dietary, layer)| NewOptionBody {
            name: l(en, fr),
            price_delta: price,
            cost,
            prep_seconds: prep,
            nutrition: Some(Nutrition {
                kcal,
                protein_mg: protein * 1000,
                carbohydrate_mg: carbs * 1000,
                fat_mg: fat * 1000,
                salt_mg: salt,
            }),
            allergens: allergens.iter().map(|s| s.to_string()).collect(),
            dietary: dietary.iter().map(|s| s.to_string()).collect(),
            layer_svg: Some(layer),
            layer_z: z,
            availability: None,
        })
        .collect()
}

fn group(en: &str, fr: &str, min: i64, max: i64, max_quantity: i64, options: Vec<NewOptionBody>) -> NewGroupBody {
    NewGroupBody { name: l(en, fr), min_choices: min, max_choices: Some(max), max_quantity, options }
}

const VEG: &[&str] = &["vegetarian"];
const VEGAN: &[&str] = &["vegetarian", "vegan", "dairy_free"];
const VEGAN_GF: &[&str] = &["vegetarian", "vegan", "dairy_free", "gluten_free"];
const NONE: &[&str] = &[];

#[rustfmt::skip] // a table reads best as a table
pub fn burger() -> NewTemplateBody {
    let bun = group("Bun", "Pain", 1, 1, 1, options(vec![
        ("Brioche", "Brioche", 0, 35, 20, 260, 8, 44, 6, 450, &["gluten", "eggs", "milk"], VEG, art::bun("#e9a94f", "#b8772a", None)),
        ("Sesame", "Sésame", 20, 30, 20, 240, 8, 42, 4, 420, &["gluten", "sesame"], VEGAN, art::bun("#e4b36a", "#b98a3e", Some("#fff6dc"))),
        ("Whole wheat", "Complet", 20, 32, 20, 230, 9, 38, 3, 400, &["gluten"], VEGAN, art::bun("#9c6b3c", "#6e4622", Some("#c9a77c"))),
        ("Gluten-free", "Sans gluten", 60, 55, 25, 220, 4, 40, 5, 380, &["eggs"], &["vegetarian", "gluten_free"], art::bun("#f0d59a", "#c8a866", None)),
        ("Pretzel", "Bretzel", 50, 45, 25, 280, 9, 52, 3, 900, &["gluten"], VEGAN, art::bun("#8a4b1c", "#5c2e0c", Some("#ffffff"))),
    ], 90));
    let patty = group("Patty", "Steak", 1, 2, 2, options(vec![
        ("Beef", "Bœuf", 250, 110, 180, 290, 22, 0, 22, 150, NONE, &["gluten_free", "dairy_free", "halal"], art::patty("#6b3a1f", "#3d1f0e")),
        ("Crispy chicken", "Poulet croustillant", 220, 90, 200, 310, 20, 14, 18, 520, &["gluten", "eggs"], &["dairy_free", "halal"], art::patty("#d49a4a", "#a0692a")),
        ("Falafel", "Falafel", 180, 60, 150, 270, 10, 26, 14, 480, &["sesame"], VEGAN_GF, art::patty("#8a6d3b", "#5e4722")),
        ("Plant-based", "Végétal", 280, 120, 180, 260, 19, 6, 18, 420, &["soybeans"], VEGAN_GF, art::patty("#7a2e1f", "#4a170c")),
        ("Portobello", "Portobello", 200, 70, 160, 60, 5, 6, 2, 20, NONE, VEGAN_GF, art::patty("#5a4636", "#3a2c20")),
    ], 20));
    let cheese = group("Cheese", "Fromage", 0, 2, 1, options(vec![
        ("Cheddar", "Cheddar", 80, 25, 15, 110, 7, 0, 9, 180, &["milk"], &["vegetarian", "gluten_free"], art::cheese("#f2a81d")),
        ("Emmental", "Emmental", 80, 28, 15, 100, 8, 0, 8, 60, &["milk"], &["vegetarian", "gluten_free"], art::cheese("#f7e08a")),
        ("Blue cheese", "Bleu", 110, 40, 15, 100, 6, 1, 8, 400, &["milk"], &["vegetarian", "gluten_free"], art::cheese("#dfe3d8")),
        ("Goat cheese", "Chèvre", 110, 42, 15, 90, 6, 0, 7, 200, &["milk"], &["vegetarian", "gluten_free"], art::cheese("#fbf8ef")),
        ("Vegan cheese", "Fromage végétal", 100, 38, 15, 90, 0, 6, 7, 300, NONE, VEGAN_GF, art::cheese("#f5c94c")),
    ], 30));
    let toppings = group("Toppings", "Garnitures", 0, 4, 2, options(vec![
        ("Lettuce", "Salade", 0, 5, 10, 3, 0, 1, 0, 5, NONE, VEGAN_GF, art::lettuce()),
        ("Tomato", "Tomate", 20, 8, 15, 6, 0, 1, 0, 2, NONE, VEGAN_GF, art::tomato()),
        ("Red onion", "Oignon rouge", 20, 5, 15, 8, 0, 2, 0, 1, NONE, VEGAN_GF, art::onion()),
        ("Pickles", "Cornichons", 30, 8, 10, 4, 0, 1, 0, 300, &["mustard"], VEGAN_GF, art::pickles()),
        ("Bacon", "Bacon", 150, 55, 60, 90, 6, 0, 7, 400, NONE, &["gluten_free", "dairy_free"], art::bacon()),
        ("Avocado", "Avocat", 120, 50, 30, 80, 1, 4, 7, 5, NONE, VEGAN_GF, art::avocado()),
        ("Jalapeños", "Jalapeños", 40, 10, 10, 4, 0, 1, 0, 200, NONE, VEGAN_GF, art::jalapenos()),
    ], 40));
    let sauces = group("Sauces", "Sauces", 0, 2, 1, options(vec![
        ("Ketchup", "Ketchup", 0, 4, 5, 20, 0, 5, 0, 180, NONE, VEGAN_GF, art::sauce("#c0392b")),
        ("Mustard", "Moutarde", 0, 4, 5, 10, 1, 1, 1, 280, &["mustard"], VEGAN_GF, art::sauce("#e1b12c")),
        ("Mayonnaise", "Mayonnaise", 20, 6, 5, 95, 0, 0, 10, 90, &["eggs", "mustard"], &["vegetarian", "gluten_free", "dairy_free"], art::sauce("#fbf3d5")),
        ("Smoky BBQ", "Barbecue fumé", 30, 8, 5, 35, 0, 8, 0, 300, &["mustard", "celery"], VEGAN_GF, art::sauce("#5b2a16")),
        ("Sriracha mayo", "Mayo sriracha", 40, 9, 5, 80, 0, 2, 8, 250, &["eggs"], &["vegetarian", "gluten_free", "dairy_free"], art::sauce("#e8663d")),
    ], 60));
    NewTemplateBody {
        slug: Some("burger".into()),
        name: l("Burger", "Burger"),
        description: l(
            "Pick a bun, a patty, cheese, toppings and sauces: your burger, your way.",
            "Choisissez le pain, le steak, le fromage, les garnitures et les sauces : votre burger, à votre façon.",
        ),
        base_price: Some(Money::new(690, Currency::EUR)),
        base_cost: 60,
        base_prep_seconds: 90,
        max_prep_seconds: Some(480),
        base_layer_svg: Some(art::plate()),
        groups: vec![bun, patty, cheese, toppings, sauces],
    }
}

#[rustfmt::skip] // a table reads best as a table
pub fn bowl() -> NewTemplateBody {
    let base = group("Base", "Base", 1, 2, 1, options(vec![
        ("Jasmine rice", "Riz jasmin", 0, 25, 20, 200, 4, 44, 0, 5, NONE, VEGAN_GF, art::bowl_base("#f7f3e8", "#e3dccb")),
        ("Quinoa", "Quinoa", 50, 40, 20, 180, 7, 32, 3, 5, NONE, VEGAN_GF, art::bowl_base("#e6d3a8", "#c9b07a")),
        ("Greens", "Jeunes pousses", 30, 30, 15, 20, 2, 3, 0, 40, NONE, VEGAN_GF, art::bowl_base("#6ab04c", "#3f7f2a")),
    ], 10));
    let protein = group("Protein", "Protéine", 1, 1, 2, options(vec![
        ("Grilled chicken", "Poulet grillé", 300, 120, 120, 220, 35, 0, 8, 400, NONE, &["gluten_free", "dairy_free", "halal"], art::bowl_protein("#e0b070", "#a87432")),
        ("Marinated tofu", "Tofu mariné", 250, 80, 90, 180, 18, 4, 10, 600, &["soybeans", "sesame"], VEGAN, art::bowl_protein("#f3e2b8", "#c9a86a")),
        ("Salmon", "Saumon", 400, 180, 120, 240, 24, 0, 15, 120, &["fish"], &["gluten_free", "dairy_free"], art::bowl_protein("#f08a5d", "#c0603a")),
    ], 20));
    let toppings = group("Toppings", "Garnitures", 0, 4, 1, options(vec![
        ("Edamame", "Edamame", 80, 25, 15, 60, 6, 4, 3, 5, &["soybeans"], VEGAN_GF, art::bowl_topping("#7bc043", 0)),
        ("Sweet corn", "Maïs", 50, 15, 10, 45, 1, 9, 1, 5, NONE, VEGAN_GF, art::bowl_topping("#f9d423", 1)),
        ("Cucumber", "Concombre", 40, 10, 15, 8, 0, 2, 0, 2, NONE, VEGAN_GF, art::bowl_topping("#b8e994", 2)),
        ("Carrot", "Carotte", 40, 10, 15, 20, 0, 4, 0, 30, NONE, VEGAN_GF, art::bowl_topping("#f39c12", 3)),
    ], 30));
    let dressing = group("Dressing", "Sauce", 0, 1, 1, options(vec![
        ("Sesame soy", "Soja sésame", 0, 10, 5, 60, 1, 4, 5, 700, &["soybeans", "sesame", "gluten"], VEGAN, art::drizzle("#6d4c41")),
        ("Lime yogurt", "Yaourt citron vert", 30, 12, 5, 50, 2, 3, 3, 100, &["milk"], &["vegetarian", "gluten_free"], art::drizzle("#f5f5f0")),
        ("Peanut", "Cacahuète", 40, 14, 5, 90, 3, 4, 7, 300, &["peanuts"], VEGAN_GF, art::drizzle("#b07d48")),
    ], 40));
    NewTemplateBody {
        slug: Some("bowl".into()),
        name: l("Bowl", "Bowl"),
        description: l("A base, a protein, toppings and a dressing.", "Une base, une protéine, des garnitures et une sauce."),
        base_price: Some(Money::new(850, Currency::EUR)),
        base_cost: 50,
        base_prep_seconds: 60,
        max_prep_seconds: Some(420),
        base_layer_svg: Some(art::bowl()),
        groups: vec![base, protein, toppings, dressing],
    }
}

/// Names the demo designs draw from.
const NAMES: &[&str] = &[
    "The Smoky Stack",
    "Green Giant",
    "Midnight Crunch",
    "Le Classique",
    "Fire Starter",
    "Garden Party",
    "Double Trouble",
    "Blue Monday",
    "Sunday Brunch",
    "Chèvre Chaud",
    "Veggie Supreme",
    "The Lumberjack",
    "Little Italy",
    "Hot Honey",
    "Bistro Burger",
    "Crispy Cloud",
    "Avocado Dream",
    "The Farmhouse",
    "Pickle Rick",
    "Jalapeño Business",
    "Pretzel Logic",
    "BBQ Boss",
    "Plant Power",
    "The Minimalist",
    "Cheese Lovers",
    "Morning Glory",
    "Tokyo Nights",
    "Seoul Bowl",
    "Salmon Sunrise",
    "Tofu Temple",
    "Zen Garden",
    "Lunch Break",
    "Protein Pack",
    "Rainbow Bowl",
    "Golden Hour",
    "Street Food Hero",
    "The Parisian",
    "Texas Two-Step",
    "Mountain High",
    "Coastal Crunch",
    "Falafel Fiesta",
    "Portobello Road",
];

const STORIES: &[&str] = &[
    "Built after a long ride home, when only something big would do.",
    "My grandmother's favourite flavours, stacked the way she'd like them.",
    "Simple, honest, and gone in five bites.",
    "Inspired by a food truck I found in Lyon last summer.\nStill thinking about it.",
    "For the friends who always order \"the spicy one\".",
    "",
];

/// A deterministic choice per design: pick `want` options of `group` (round robin from `seed`).
fn pick(loaded: &templates::Loaded, seed: usize) -> Vec<Choice> {
    let catalog = loaded.catalog();
    let mut choices = Vec::new();
    for (gi, g) in catalog.groups.iter().enumerate() {
        let span = (g.max_choices - g.min_choices + 1) as usize;
        let want = (g.min_choices as usize + (seed / (gi + 1)) % span).min(g.options.len()).min(3);
        for k in 0..want {
            let o = &g.options[(seed * 7 + gi * 3 + k * 2) % g.options.len()];
            if choices.iter().any(|c: &Choice| c.option_id == o.id) {
                continue;
            }
            let quantity = if g.max_quantity > 1 && (seed + k).is_multiple_of(5) { 2 } else { 1 };
            choices.push(Choice { option_id: o.id, quantity });
        }
    }
    fits(&catalog, choices)
}

/// Drops optional choices from the end until the selection can be published (the kitchen's
/// time limit may be passed by a generous pick).
fn fits(catalog: &crate::studio::catalog::Catalog, mut choices: Vec<Choice>) -> Vec<Choice> {
    use crate::studio::catalog::quote;
    let group_of = |id: Uuid| catalog.groups.iter().find(|g| g.options.iter().any(|o| o.id == id));
    while !quote(catalog, &choices, Lang::En).is_ok_and(|q| q.unfinished.is_empty()) {
        let removable = choices.iter().rposition(|c| {
            let g = group_of(c.option_id).expect("picked from the catalog");
            let in_group = choices.iter().filter(|x| group_of(x.option_id).is_some_and(|xg| xg.id == g.id)).count();
            in_group as i64 > g.min_choices || c.quantity > 1
        });
        match removable {
            Some(i) if choices[i].quantity > 1 => choices[i].quantity = 1,
            Some(i) => {
                choices.remove(i);
            }
            None => break,
        }
    }
    choices
}

async fn template_id(ex: Ex<'_>, slug: &str) -> Result<Option<Uuid>> {
    let sql = "SELECT id FROM templates WHERE slug = $1";
    Ok(on_db!(ex, |c| sqlx::query_scalar(sql).bind(slug).fetch_optional(&mut *c).await)?)
}

/// Loads the menu and the designs once: when the burger template exists, nothing changes.
/// Seeds the menu's templates and the community's designs, ratings and comments, once; returns
/// the crowd favourite when it did.
pub async fn seed(db: &Db, creators: &[Uuid], brand_voice: Option<Uuid>) -> anyhow::Result<Option<Uuid>> {
    {
        let mut conn = db.reader().await?;
        if template_id(conn.ex(), "burger").await?.is_some() {
            return Ok(None);
        }
    }
    let now = now_ms();
    let mut tx = db.begin().await?;
    let mut loaded = Vec::new();
    for body in [burger(), bowl()] {
        let t = NewTemplate::parse(body).map_err(|e| anyhow::anyhow!("demo template is invalid: {e:?}"))?;
        let id = templates::insert(tx.ex(), &t, now).await?;
        loaded.push(templates::load(tx.ex(), id).await?.ok_or_else(|| anyhow::anyhow!("template vanished"))?);
    }
    let mut published: Vec<(Uuid, Uuid)> = Vec::new(); // (design, template)
    for i in 0..48usize {
        let template = &loaded[if i % 4 == 3 { 1 } else { 0 }];
        let creator = creators[i % creators.len()];
        // A few designs are remixes of earlier ones, by someone else.
        let remix_of = (i >= 12 && i % 6 == 0).then(|| published[i / 3]).filter(|(_, t)| *t == template.template.id);
        let choices = match remix_of {
            Some(_) => {
                let mut c = pick(template, i / 3);
                c.truncate(c.len().saturating_sub(1).max(2));
                let extra = pick(template, i + 11);
                let fresh = extra.into_iter().find(|e| !c.iter().any(|x| x.option_id == e.option_id));
                c.extend(fresh);
                fits(&template.catalog(), c)
            }
            None => pick(template, i),
        };
        let name = NAMES[i % NAMES.len()];
        let name = if i >= NAMES.len() { format!("{name} II") } else { name.to_string() };
        let tags: Vec<String> =
            [["spicy", "classic", "green", "big", "light", "smoky"][i % 6]].iter().map(|s| s.to_string()).collect();
        let spec = DraftSpec {
            creator,
            template_id: template.template.id,
            choices: &choices,
            name: &name,
            story: STORIES[i % STORIES.len()],
            tags: &tags,
            remix_of: remix_of.map(|(d, _)| d),
        };
        // Spread publication over the last month, oldest first.
        let at = now - (48 - i as i64) * 14 * 3600 * 1000;
        let id = match designs::create_draft_in(&mut tx, spec, Lang::En, at).await {
            Ok(id) => id,
            Err(e) => anyhow::bail!("demo design {i} ({name}) is invalid: {e}"),
        };
        if let Err(e) = designs::publish_in(&mut tx, id, Lang::En, at).await {
            anyhow::bail!("demo design {i} ({name}) cannot be published: {e}");
        }
        if i == 2 {
            // Made by three friends: the creator keeps half, the others share the rest.
            let friends = [creators[(i + 1) % creators.len()], creators[(i + 2) % creators.len()]];
            for (friend, bps) in friends.into_iter().zip([3000, 2000]) {
                crate::studio::co_creators::insert_accepted(tx.ex(), id, friend, bps, at).await?;
            }
        }
        published.push((id, template.template.id));
    }
    // The community has rated most designs: a few voters each, more for the early ones, so the
    // feeds and their order mean something at first start.
    for (i, (design, _)) in published.iter().enumerate() {
        let voters = 2 + (i * 7) % 9;
        for v in 0..voters {
            let voter = creators[(i + v + 1) % creators.len()];
            let stars = [5, 4, 5, 3, 4, 5, 2, 4, 5][(i + v * 3) % 9];
            let at = now - ((48 - i as i64) * 14 - v as i64) * 3600 * 1000;
            rate(&mut tx, *design, voter, stars, (i + v) % 3 == 0, at).await?;
        }
    }
    // A crowd favourite: everyone loves it and would buy it, so it is shortlisted for the brand.
    let (favourite, _) = published[FAVOURITE];
    for (v, voter) in creators.iter().enumerate() {
        let at = now - ((48 - FAVOURITE as i64) * 14 - 20 - v as i64) * 3600 * 1000;
        rate(&mut tx, favourite, *voter, if v % 4 == 3 { 4 } else { 5 }, true, at).await?;
    }
    comment(&mut tx, &published, creators, brand_voice, now).await?;
    tx.commit().await?;
    Ok(Some(favourite))
}

/// The design everyone rates highly (index among the published designs).
const FAVOURITE: usize = 14;

/// A demo rating; a design's own creators do not rate it.
async fn rate(tx: &mut Tx, design: Uuid, voter: Uuid, stars: u8, would_buy: bool, at: i64) -> anyhow::Result<()> {
    match crate::community::ratings::rate_in(tx, design, voter, stars, would_buy, super::DEMO_SITE, at).await {
        Ok(_) | Err(crate::error::Error::Client { code: crate::error::ErrorCode::OwnDesign, .. }) => Ok(()),
        Err(e) => anyhow::bail!("demo rating of {design} failed: {e}"),
    }
}

/// Conversations on a few designs, with the brand answering in one of them.
async fn comment(
    tx: &mut Tx,
    published: &[(Uuid, Uuid)],
    people: &[Uuid],
    brand_voice: Option<Uuid>,
    now: i64,
) -> anyhow::Result<()> {
    const THREADS: [(usize, &str, &[&str]); 4] = [
        (
            FAVOURITE,
            "This is the one. The pickles make it.",
            &["Agreed, ordered it twice in my head already.", "Less sauce next time?"],
        ),
        (40, "Would love a vegan version of this.", &["Swap the patty for the lentil one, it works!"]),
        (33, "Bold choice with the jalapeños, respect.", &[]),
        (47, "First! Looks great.", &[]),
    ];
    for (t, (design_index, opening, replies)) in THREADS.iter().enumerate() {
        let Some((design, _)) = published.get(*design_index) else { continue };
        let at = now - (6 - t as i64) * 3600 * 1000;
        let author = people[(design_index + 3) % people.len()];
        let thread = crate::community::comments::insert(tx.ex(), *design, None, author, opening, at).await?;
        for (r, reply) in replies.iter().enumerate() {
            let replier = people[(design_index + 5 + r) % people.len()];
            crate::community::comments::insert(tx.ex(), *design, Some(thread), replier, reply, at + 600_000).await?;
        }
    }
    if let (Some(voice), Some((design, _))) = (brand_voice, published.get(FAVOURITE)) {
        let text = "Thanks everyone! This one is on our shortlist: our curators will taste it this week.";
        crate::community::comments::insert(tx.ex(), *design, None, voice, text, now - 1_800_000).await?;
    }
    Ok(())
}
