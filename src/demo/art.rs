//! The demo menu's pictures: flat SVG layers on a 400 x 400 canvas, drawn by hand here. Each
//! ingredient sits in its own band of the burger (or its own place in the bowl), so the layers
//! stack into a recognisable picture in any combination.

fn svg(body: &str) -> String {
    format!(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400">{body}</svg>"#)
}

pub fn plate() -> String {
    svg(
        r##"<ellipse cx="200" cy="352" rx="185" ry="30" fill="#d9d4ca"/><ellipse cx="200" cy="346" rx="165" ry="22" fill="#f4f1ea"/>"##,
    )
}

/// Top and bottom bun; `seeds` dots the top with sesame, `salt` with coarse salt.
pub fn bun(color: &str, shade: &str, seeds: Option<&str>) -> String {
    let mut body = format!(
        r#"<path d="M62 178 Q62 84 200 84 Q338 84 338 178 Z" fill="{color}"/><path d="M90 150 Q110 104 170 98" stroke="{shade}" stroke-width="8" fill="none" stroke-linecap="round" opacity="0.5"/><rect x="66" y="300" width="268" height="40" rx="18" fill="{color}"/><rect x="66" y="300" width="268" height="12" rx="6" fill="{shade}" opacity="0.45"/>"#
    );
    if let Some(dot) = seeds {
        for (x, y) in
            [(120, 120), (160, 104), (205, 112), (250, 104), (285, 128), (140, 146), (225, 140), (185, 132), (265, 152)]
        {
            body.push_str(&format!(
                r#"<ellipse cx="{x}" cy="{y}" rx="6" ry="3" fill="{dot}" transform="rotate(-20 {x} {y})"/>"#
            ));
        }
    }
    svg(&body)
}

pub fn patty(color: &str, grill: &str) -> String {
    svg(&format!(
        r#"<rect x="54" y="250" width="292" height="48" rx="24" fill="{color}"/><path d="M90 262 L130 262 M170 266 L220 266 M255 261 L305 261 M110 284 L160 284 M210 286 L270 286" stroke="{grill}" stroke-width="5" stroke-linecap="round"/>"#
    ))
}

pub fn cheese(color: &str) -> String {
    svg(&format!(
        r#"<path d="M48 236 L352 236 L352 248 L320 248 L308 268 L296 248 L230 248 L214 276 L198 248 L130 248 L116 264 L102 248 L48 248 Z" fill="{color}"/>"#
    ))
}

pub fn lettuce() -> String {
    svg(
        r##"<path d="M46 232 Q66 212 86 230 Q106 212 126 230 Q146 212 166 230 Q186 212 206 230 Q226 212 246 230 Q266 212 286 230 Q306 212 326 230 Q346 214 356 232 L356 240 L46 240 Z" fill="#5fae3e"/>"##,
    )
}

pub fn tomato() -> String {
    svg(
        r##"<ellipse cx="120" cy="218" rx="52" ry="12" fill="#d8402b"/><ellipse cx="200" cy="220" rx="52" ry="12" fill="#e24a33"/><ellipse cx="280" cy="218" rx="52" ry="12" fill="#d8402b"/><ellipse cx="200" cy="218" rx="20" ry="4" fill="#f7a08f"/>"##,
    )
}

pub fn onion() -> String {
    svg(
        r##"<g fill="none" stroke="#8e4b8f" stroke-width="6"><ellipse cx="140" cy="206" rx="40" ry="9"/><ellipse cx="240" cy="207" rx="44" ry="9"/><ellipse cx="200" cy="203" rx="26" ry="6"/></g>"##,
    )
}

pub fn pickles() -> String {
    svg(
        r##"<g fill="#7a9a2e" stroke="#4f6b16" stroke-width="3"><ellipse cx="110" cy="210" rx="26" ry="8"/><ellipse cx="180" cy="212" rx="26" ry="8"/><ellipse cx="250" cy="210" rx="26" ry="8"/><ellipse cx="315" cy="212" rx="22" ry="7"/></g>"##,
    )
}

pub fn bacon() -> String {
    svg(
        r##"<path d="M60 200 Q100 186 140 200 T220 200 T300 200 T350 198" stroke="#9b3a24" stroke-width="12" fill="none" stroke-linecap="round"/><path d="M60 200 Q100 186 140 200 T220 200 T300 200 T350 198" stroke="#e9a58c" stroke-width="4" fill="none" stroke-linecap="round"/>"##,
    )
}

pub fn avocado() -> String {
    svg(
        r##"<g fill="#a8c66c" stroke="#4e7a27" stroke-width="4"><path d="M80 222 Q120 196 160 222 Z"/><path d="M170 224 Q210 198 250 224 Z"/><path d="M258 222 Q298 196 338 222 Z"/></g>"##,
    )
}

pub fn jalapenos() -> String {
    svg(
        r##"<g fill="#3f8f2f" stroke="#c7e3a0" stroke-width="3"><circle cx="100" cy="196" r="11"/><circle cx="165" cy="193" r="11"/><circle cx="235" cy="196" r="11"/><circle cx="300" cy="193" r="11"/></g>"##,
    )
}

/// A sauce drips from under the top bun.
pub fn sauce(color: &str) -> String {
    svg(&format!(
        r#"<path d="M70 178 L330 178 L330 186 Q322 186 320 200 Q316 212 312 200 Q308 186 280 186 L220 186 Q214 186 212 204 Q208 218 204 204 Q200 186 160 186 L120 186 Q112 186 110 198 Q106 210 102 198 Q98 186 70 186 Z" fill="{color}"/>"#
    ))
}

pub fn bowl() -> String {
    svg(
        r##"<ellipse cx="200" cy="360" rx="120" ry="16" fill="#d9d4ca"/><path d="M40 200 Q52 350 200 352 Q348 350 360 200 Z" fill="#2f6f8f"/><path d="M60 232 Q200 262 340 232" stroke="#f4f1ea" stroke-width="6" fill="none" opacity="0.6"/><ellipse cx="200" cy="200" rx="160" ry="26" fill="#24586f"/>"##,
    )
}

/// The bowl's base fills its top.
pub fn bowl_base(color: &str, grain: &str) -> String {
    let mut body = format!(r#"<ellipse cx="200" cy="196" rx="150" ry="22" fill="{color}"/>"#);
    for x in (80..330).step_by(22) {
        body.push_str(&format!(r#"<ellipse cx="{x}" cy="{}" rx="6" ry="3" fill="{grain}"/>"#, 190 + (x % 3) * 3));
    }
    svg(&body)
}

/// Pieces of a protein, placed on the left of the bowl.
pub fn bowl_protein(color: &str, edge: &str) -> String {
    svg(&format!(
        r#"<g fill="{color}" stroke="{edge}" stroke-width="3"><rect x="78" y="170" width="40" height="24" rx="6"/><rect x="120" y="164" width="40" height="24" rx="6"/><rect x="96" y="150" width="40" height="24" rx="6"/></g>"#
    ))
}

/// A heap of a topping at one place in the bowl (0 = centre, 1 = right, 2 = back, 3 = front).
pub fn bowl_topping(color: &str, place: u8) -> String {
    let (cx, cy) = [(205, 172), (285, 180), (240, 156), (170, 190)][place as usize % 4];
    let mut body = String::new();
    for (dx, dy) in [(-14, 0), (0, -8), (14, 0), (-6, 8), (8, 8)] {
        body.push_str(&format!(r#"<circle cx="{}" cy="{}" r="8" fill="{color}"/>"#, cx + dx, cy + dy));
    }
    svg(&body)
}

pub fn drizzle(color: &str) -> String {
    svg(&format!(
        r#"<path d="M80 176 Q120 150 160 176 T240 170 T320 176" stroke="{color}" stroke-width="6" fill="none" stroke-linecap="round"/>"#
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_layer_passes_the_studios_svg_rules() {
        let layers = [
            plate(),
            bun("#e9b56b", "#c98a3c", Some("#fff3d6")),
            patty("#6b3a1f", "#3d1f0e"),
            cheese("#f2b51d"),
            lettuce(),
            tomato(),
            onion(),
            pickles(),
            bacon(),
            avocado(),
            jalapenos(),
            sauce("#c0392b"),
            bowl(),
            bowl_base("#f5f1e6", "#e2dccb"),
            bowl_protein("#e0b070", "#a87432"),
            bowl_topping("#6ab04c", 1),
            drizzle("#6d4c41"),
        ];
        for l in layers {
            crate::studio::input::svg_layer(&l).unwrap_or_else(|e| panic!("{}: {l}", e.message));
        }
    }
}
