//! Pictures from DOT: Graphviz's `dot` when it is installed; otherwise, with the `render`
//! feature, a pure-Rust path (layout-rs lays out and writes SVG, resvg rasterizes PNG), so
//! a machine with only Rust still gets an image.

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

/// Draws a subgraph: Graphviz gets the full DOT (parallel labelled edges, legend cluster);
/// the built-in renderer gets parallel edges merged, and the title and legend are added to
/// its SVG afterwards, since layout-rs draws neither.
pub fn render_graph(
    g: &crate::query::Subgraph,
    title: &str,
    format: ImageFormat,
    renderer: Renderer,
) -> Result<(Vec<u8>, &'static str)> {
    use super::dot::{dot_text, relation_color, relations_present, DotOptions};
    if renderer != Renderer::Builtin {
        let dot = dot_text(g, &DotOptions::titled(title));
        match with_graphviz(&dot, format) {
            Ok(bytes) => return Ok((bytes, "graphviz")),
            Err(e) if renderer == Renderer::Graphviz => return Err(e),
            Err(_) => {}
        }
    }
    let dot = dot_text(
        g,
        &DotOptions {
            title: title.to_string(),
            legend: false,
            merge_parallel: true,
        },
    );
    let legend: Vec<(&str, &str)> = relations_present(g)
        .into_iter()
        .map(|r| (r.as_str(), relation_color(r)))
        .collect();
    builtin_decorated(&dot, title, &legend, format).map(|b| (b, "builtin"))
}

#[cfg(feature = "render")]
fn builtin_decorated(
    dot: &str,
    title: &str,
    legend: &[(&str, &str)],
    format: ImageFormat,
) -> Result<Vec<u8>> {
    let svg = decorate_svg(&builtin_svg(dot)?, title, legend);
    match format {
        ImageFormat::Svg => Ok(svg.into_bytes()),
        ImageFormat::Png => svg_to_png(&svg),
    }
}

#[cfg(not(feature = "render"))]
fn builtin_decorated(
    dot: &str,
    _title: &str,
    _legend: &[(&str, &str)],
    format: ImageFormat,
) -> Result<Vec<u8>> {
    builtin(dot, format)
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Adds a title above and a legend of relation colours below an SVG drawing.
pub fn decorate_svg(svg: &str, title: &str, legend: &[(&str, &str)]) -> String {
    let Some(open) = svg.find("<svg ") else {
        return svg.to_string();
    };
    let Some(open_end) = svg[open..].find('>').map(|p| open + p + 1) else {
        return svg.to_string();
    };
    let num = |key: &str| -> f64 {
        let head = &svg[open..open_end];
        head.find(&format!("{key}=\""))
            .and_then(|p| head[p + key.len() + 2..].split('"').next())
            .and_then(|v| v.trim_end_matches("px").parse().ok())
            .unwrap_or(400.0)
    };
    let (w, h) = (num("width"), num("height"));
    const TOP: f64 = 44.0;
    const COL: f64 = 170.0;
    let per_row = ((w.max(4.0 * COL) - 20.0) / COL).floor().max(1.0) as usize;
    let rows = legend.len().div_ceil(per_row);
    let legend_h = if legend.is_empty() {
        0.0
    } else {
        30.0 + rows as f64 * 24.0
    };
    let width = w.max(per_row.min(legend.len().max(1)) as f64 * COL + 40.0);
    let height = h + TOP + legend_h;
    let body_end = svg.rfind("</svg>").unwrap_or(svg.len());
    let mut out = String::with_capacity(svg.len() + 2048);
    out.push_str(&svg[..open]);
    out.push_str(&format!("<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">"));
    out.push_str(&format!(
        "<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"white\"/>"
    ));
    out.push_str(&format!("<text x=\"20\" y=\"30\" font-size=\"20\" font-family=\"sans-serif\" font-weight=\"bold\">{}</text>", xml_escape(title)));
    out.push_str(&format!("<g transform=\"translate(0,{TOP})\">"));
    out.push_str(&svg[open_end..body_end]);
    out.push_str("</g>");
    if !legend.is_empty() {
        let y0 = h + TOP + 10.0;
        out.push_str(&format!("<text x=\"20\" y=\"{}\" font-size=\"14\" font-family=\"sans-serif\" font-weight=\"bold\">relations</text>", y0 + 8.0));
        for (i, (name, color)) in legend.iter().enumerate() {
            let x = 20.0 + (i % per_row) as f64 * COL;
            let y = y0 + 30.0 + (i / per_row) as f64 * 24.0;
            out.push_str(&format!("<line x1=\"{x}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{color}\" stroke-width=\"3\"/>", y - 5.0, x + 36.0, y - 5.0));
            out.push_str(&format!("<text x=\"{}\" y=\"{y}\" font-size=\"14\" font-family=\"sans-serif\" fill=\"{color}\">{}</text>", x + 44.0, xml_escape(name)));
        }
    }
    out.push_str("</svg>\n");
    out
}

/// Renders DOT text; returns the bytes and the name of the renderer that made them.
pub fn render(
    dot: &str,
    format: ImageFormat,
    renderer: Renderer,
) -> Result<(Vec<u8>, &'static str)> {
    if renderer != Renderer::Builtin {
        match with_graphviz(dot, format) {
            Ok(bytes) => return Ok((bytes, "graphviz")),
            Err(e) if renderer == Renderer::Graphviz => return Err(e),
            Err(_) => {}
        }
    }
    builtin(dot, format).map(|b| (b, "builtin"))
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
pub fn builtin(dot: &str, format: ImageFormat) -> Result<Vec<u8>> {
    let svg = builtin_svg(dot)?;
    match format {
        ImageFormat::Svg => Ok(svg.into_bytes()),
        ImageFormat::Png => svg_to_png(&svg),
    }
}

#[cfg(not(feature = "render"))]
pub fn builtin(_dot: &str, _format: ImageFormat) -> Result<Vec<u8>> {
    Err(Error::Render(
        "Graphviz `dot` is not installed and relgraph was built without the `render` feature"
            .into(),
    ))
}

/// layout-rs understands a subset of DOT: no `dir`, `tooltip`, `fontcolor` or clusters'
/// styling, and integer pen widths. Those attributes are simply ignored by it.
#[cfg(feature = "render")]
fn builtin_svg(dot: &str) -> Result<String> {
    use layout::backends::svg::SVGWriter;
    use layout::gv::{DotParser, GraphBuilder};
    // layout-rs panics on some inputs instead of returning errors; keep that from users.
    let result = std::panic::catch_unwind(|| {
        let mut parser = DotParser::new(dot);
        let ast = parser
            .process()
            .map_err(|e| Error::Render(format!("layout: {e}")))?;
        let mut builder = GraphBuilder::new();
        builder.visit_graph(&ast);
        let mut vg = builder.get();
        let mut svg = SVGWriter::new();
        vg.do_it(false, false, false, &mut svg);
        Ok(svg.finalize())
    });
    result.unwrap_or_else(|_| {
        Err(Error::Render(
            "the built-in layout failed on this graph".into(),
        ))
    })
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
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width().max(1), size.height().max(1))
        .ok_or_else(|| Error::Render("image too large".into()))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| Error::Render(format!("png: {e}")))
}
