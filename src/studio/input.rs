//! The studio's input types: localized text, SVG layers, tags, design names and stories.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::Issue;

/// A text in both of the product's languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Localized {
    pub en: String,
    pub fr: String,
}

/// Both languages present, trimmed, within `max` characters and free of markup.
pub fn localized(raw: Option<Localized>, max: usize) -> Result<Localized, Issue> {
    let raw = raw.ok_or_else(Issue::required)?;
    let check = |s: &str, lang: &str| -> Result<String, Issue> {
        let t = s.trim();
        if t.is_empty() {
            return Err(Issue::new("required", format!("The {lang} text is required.")));
        }
        if t.chars().count() > max {
            return Err(Issue::new("too_long", format!("The {lang} text has at most {max} characters.")));
        }
        if t.contains(['<', '>']) || t.chars().any(|c| c.is_control() && c != '\n') {
            return Err(Issue::new(
                "invalid_characters",
                format!("The {lang} text may not hold markup or control characters."),
            ));
        }
        Ok(t.to_string())
    };
    Ok(Localized { en: check(&raw.en, "English")?, fr: check(&raw.fr, "French")? })
}

/// One picture layer: a self-contained SVG document, drawn on a 400 x 400 canvas. Scripts,
/// event handlers, external references and embedded HTML are refused: the layer is drawn by
/// browsers and by the server's renderer, and must mean the same picture in both.
pub fn svg_layer(raw: &str) -> Result<String, Issue> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(Issue::required());
    }
    if s.len() > 64 * 1024 {
        return Err(Issue::new("too_long", "A layer has at most 64 KiB of SVG."));
    }
    if !(s.starts_with("<svg") && s.ends_with("</svg>")) {
        return Err(Issue::new("invalid_svg", "A layer is one <svg> element."));
    }
    let lower = s.to_ascii_lowercase();
    let forbidden = [
        "<script",
        "javascript:",
        "<foreignobject",
        "<iframe",
        "<image",
        "href=\"http",
        "href='http",
        "@import",
        "url(http",
    ];
    if forbidden.iter().any(|f| lower.contains(f)) || has_event_handler(&lower) {
        return Err(Issue::new(
            "unsafe_svg",
            "A layer may not hold scripts, event handlers, external references or HTML.",
        ));
    }
    Ok(s.to_string())
}

/// ` onload=`, ` onclick =` and the like.
fn has_event_handler(lower: &str) -> bool {
    lower.match_indices(" on").any(|(i, _)| {
        let rest = &lower[i + 3..];
        let name_len = rest.bytes().take_while(u8::is_ascii_lowercase).count();
        name_len > 0 && rest[name_len..].trim_start().starts_with('=')
    })
}

/// A design's name: 1 to 80 characters, no markup.
pub fn design_name(raw: &str) -> Result<String, Issue> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(Issue::required());
    }
    if name.chars().count() > 80 {
        return Err(Issue::new("too_long", "A name has at most 80 characters."));
    }
    if name.contains(['<', '>']) || name.chars().any(char::is_control) {
        return Err(Issue::new("invalid_characters", "A name may not hold markup or control characters."));
    }
    Ok(name)
}

/// A design's story: plain text with line breaks, up to 2,000 characters. Kept as typed (any
/// markup in it is text, and is shown as text).
pub fn story(raw: &str) -> Result<String, Issue> {
    let story = raw.trim().replace("\r\n", "\n");
    if story.chars().count() > 2000 {
        return Err(Issue::new("too_long", "A story has at most 2,000 characters."));
    }
    if story.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(Issue::new("invalid_characters", "A story may not hold control characters."));
    }
    Ok(story)
}

/// Up to 5 tags, each 1 to 24 lower-case letters, digits and hyphens; repeats dropped.
pub fn tags(raw: &[String]) -> Result<Vec<String>, Issue> {
    let mut out: Vec<String> = Vec::new();
    for t in raw {
        let t = t.trim().to_lowercase();
        if t.is_empty() || t.len() > 24 || !t.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(Issue::new("invalid_tag", "A tag is 1 to 24 lower-case letters, digits and hyphens."));
        }
        if !out.contains(&t) {
            out.push(t);
        }
    }
    if out.len() > 5 {
        return Err(Issue::new("too_many", "A design has at most 5 tags."));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_svg_is_refused() {
        assert!(svg_layer(r#"<svg viewBox="0 0 400 400"><circle r="10"/></svg>"#).is_ok());
        for bad in [
            r#"<svg><script>alert(1)</script></svg>"#,
            r#"<svg onload="alert(1)"></svg>"#,
            r#"<svg><a href="javascript:alert(1)">x</a></svg>"#,
            r#"<svg><foreignObject><div/></foreignObject></svg>"#,
            r#"<svg><image href="http://evil.example/x.png"/></svg>"#,
            "<div>not svg</div>",
        ] {
            assert!(svg_layer(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn names_stories_and_tags() {
        assert_eq!(design_name("  The   Big  One ").unwrap(), "The Big One");
        assert!(design_name("<b>x</b>").is_err());
        assert_eq!(story("line 1\r\nline <2>").unwrap(), "line 1\nline <2>");
        assert_eq!(tags(&["Spicy".into(), "spicy".into(), "bbq-2".into()]).unwrap(), ["spicy", "bbq-2"]);
        assert!(tags(&["no spaces".into()]).is_err());
    }
}
