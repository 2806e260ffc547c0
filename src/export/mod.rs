//! Exports of a subgraph: DOT (graphviz-rust), rendered SVG/PNG, and interchange formats.

pub mod dot;
pub mod formats;
pub mod picture;
pub mod render;

pub use dot::{dot_text, to_dot, DotOptions};
pub use render::{render, render_dot, ImageFormat, Renderer};
