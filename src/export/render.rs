//! Pictures: Graphviz's `dot` when it is installed; otherwise the built-in picture
//! (`picture.rs` lays out and writes the SVG; with the `render` feature resvg rasterizes it
//! to PNG), so a machine with only Rust still gets an image.

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Svg,
    Png,
}

impl ImageFormat {
    /// From a file name's extension.
    pub fn from_path(path: &std::path::Path) -> Result<ImageFormat> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("svg") => Ok(ImageFormat::Svg),
            Some("png") => Ok(ImageFormat::Png),
            _ => Err(Error::Invalid(format!(
                "{}: the image name must end in .svg or .png",
                path.display()
            ))),
        }
    }
}

/// Which renderer to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Renderer {
    /// Graphviz when `dot` runs, else the built-in renderer.
    #[default]
    Auto,
    Graphviz,
    Builtin,
}

impl std::str::FromStr for Renderer {
    type Err = Error;
    fn from_str(s: &str) -> Result<Renderer> {
        match s {
            "auto" => Ok(Renderer::Auto),
            "graphviz" | "dot" => Ok(Renderer::Graphviz),
            "builtin" | "rust" => Ok(Renderer::Builtin),
            _ => Err(Error::Invalid(format!(
                "unknown renderer `{s}`; use auto, graphviz or builtin"
            ))),
        }
    }
}

/// Draws a subgraph: with Graphviz from the full DOT (parallel labelled edges, legend), else
/// with the built-in picture (`picture.rs`; PNG needs the `render` feature). Returns the
/// bytes and the name of the renderer used. The built-in renderer draws from the graph
/// itself, so this takes a subgraph, not DOT text (for DOT text, [`render_dot`]).
pub fn render(
    g: &crate::query::Subgraph,
    title: &str,
    format: ImageFormat,
    renderer: Renderer,
) -> Result<(Vec<u8>, &'static str)> {
    use super::dot::{dot_text, DotOptions};
    if renderer != Renderer::Builtin {
        let dot = dot_text(g, &DotOptions::titled(title));
        match with_graphviz(&dot, format) {
            Ok(bytes) => return Ok((bytes, "graphviz")),
            Err(e) if renderer == Renderer::Graphviz => return Err(e),
            Err(_) => {}
        }
    }
    let svg = super::picture::svg(g, title);
    let bytes = match format {
        ImageFormat::Svg => svg.into_bytes(),
        ImageFormat::Png => svg_to_png(&svg)?,
    };
    Ok((bytes, "builtin"))
}

/// Renders DOT text with Graphviz's `dot` (any DOT, not only relgraph's).
pub fn render_dot(dot: &str, format: ImageFormat) -> Result<Vec<u8>> {
    with_graphviz(dot, format)
}

fn with_graphviz(dot: &str, format: ImageFormat) -> Result<Vec<u8>> {
    use graphviz_rust::cmd::{CommandArg, Format};
    let f = match format {
        ImageFormat::Svg => Format::Svg,
        ImageFormat::Png => Format::Png,
    };
    graphviz_rust::exec_dot(dot.to_string(), vec![CommandArg::Format(f)]).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::Render("Graphviz `dot` is not installed (apt-get install graphviz), or use --renderer builtin".into())
        } else {
            Error::Render(format!("dot failed: {e}"))
        }
    })
}

/// True when Graphviz's `dot` can be run.
pub fn graphviz_available() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[cfg(feature = "render")]
fn svg_to_png(svg: &str) -> Result<Vec<u8>> {
    use resvg::{tiny_skia, usvg};
    let mut opt = usvg::Options::default();
    let db = opt.fontdb_mut();
    db.load_system_fonts();
    // A font shipped inside the binary, so text renders on a machine without fonts.
    db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
    let family = if db
        .faces()
        .any(|f| f.families.iter().any(|(n, _)| n == "DejaVu Sans"))
    {
        "DejaVu Sans".to_string()
    } else {
        db.faces()
            .flat_map(|f| f.families.iter().map(|(n, _)| n.clone()))
            .find(|n| n.starts_with("Ubuntu"))
            .unwrap_or_else(|| "Ubuntu".into())
    };
    db.set_serif_family(family.clone());
    db.set_sans_serif_family(family.clone());
    opt.font_family = family;
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| Error::Render(format!("svg: {e}")))?;
    // Twice the SVG's size: sharp on a slide or a high-density screen.
    const SCALE: f32 = 2.0;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(
        (size.width() as f32 * SCALE) as u32,
        (size.height() as f32 * SCALE) as u32,
    )
    .ok_or_else(|| Error::Render("image too large".into()))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| Error::Render(format!("png: {e}")))
}

#[cfg(not(feature = "render"))]
fn svg_to_png(_svg: &str) -> Result<Vec<u8>> {
    Err(Error::Render(
        "Graphviz `dot` is not installed and relgraph was built without the `render` feature: write an .svg, or install Graphviz".into(),
    ))
}
