//! Exports of a subgraph: DOT (graphviz-rust), rendered SVG/PNG, and interchange formats.

pub mod dot;
pub mod formats;
pub mod picture;
pub mod render;

pub use dot::{dot_text, to_dot, write_dot, DotOptions};
pub use render::{render, render_dot, ImageFormat, Renderer};

/// What XML text does with line breaks, tabs and other control characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Controls {
    /// Breaks and tabs as references, so that a reader gets them back (GraphML): an XML
    /// reader turns a raw CR (and CR LF) into LF, and a raw break or tab in an attribute
    /// into a space. The other C0 controls, which XML 1.0 forbids, are dropped.
    Kept,
    /// Every control character as a space: a picture's labels are one line.
    Spaced,
}

/// XML text: markup characters escaped, characters XML 1.0 forbids (U+FFFE, U+FFFF and
/// their like) dropped, so that the document always parses.
pub(crate) fn xml_text(s: &str, controls: Controls) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if controls == Controls::Spaced && c.is_control() => out.push(' '),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || (c as u32 & 0xfffe) == 0xfffe => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_keeps_breaks_for_graphml_and_spaces_them_for_pictures() {
        let s = "A&B <\"x'>\r\n\t\u{1b}\u{fffe}\u{85}é";
        assert_eq!(
            xml_text(s, Controls::Kept),
            "A&amp;B &lt;&quot;x&apos;&gt;&#13;&#10;&#9;\u{85}é"
        );
        assert_eq!(
            xml_text(s, Controls::Spaced),
            "A&amp;B &lt;&quot;x&apos;&gt;     é"
        );
    }
}
