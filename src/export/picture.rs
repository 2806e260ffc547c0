//! The built-in picture, for machines without Graphviz: a force-directed layout and an SVG
//! drawn here. Each edge keeps its relation's colour and its label on its own line (the
//! relations between two entities fan out as separate curves), symmetric relations have no
//! arrowhead, and a legend lists the relations and kinds drawn.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::dot::{kind_style, relation_color, relations_present};
use crate::model::EntityKind;
use crate::query::Subgraph;

const NAME_SIZE: f64 = 15.0;
const LABEL_SIZE: f64 = 12.0;
const NODE_HEIGHT: f64 = 34.0;
/// The distance an edge tends to, between the borders of its two entities.
const EDGE_LENGTH: f64 = 150.0;
/// Distance between the apexes of two curves joining the same entities.
const FAN: f64 = 26.0;
const MARGIN: f64 = 30.0;
const TITLE_HEIGHT: f64 = 50.0;
const FONT: &str = "DejaVu Sans, Ubuntu, sans-serif";

/// Approximate advance of `text` in DejaVu Sans at `size` px: enough to size boxes and
/// keep labels apart without loading a font.
pub fn text_width(text: &str, size: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | '\'' | ':' | ';' | '!' | '|' => 0.30,
            ' ' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '-' => 0.38,
            'm' | 'w' | 'M' | 'W' => 0.88,
            c if c.is_uppercase() => 0.70,
            c if c.is_ascii() => 0.60,
            _ => 0.75,
        })
        .sum();
    em * size
}

#[derive(Debug, Clone, Copy)]
struct Node {
    x: f64,
    y: f64,
    /// Half width and half height of the shape.
    hw: f64,
    hh: f64,
}

/// Positions of the entities: rings by distance from the best-connected entity, then
/// spring forces, then overlaps pushed apart. Deterministic: same graph, same picture.
fn layout(g: &Subgraph, order: &[NodeIndex]) -> Vec<Node> {
    let n = order.len();
    let pos: BTreeMap<NodeIndex, usize> = order.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let mut nodes: Vec<Node> = order
        .iter()
        .map(|ni| {
            let e = &g[*ni];
            let w = text_width(&e.name, NAME_SIZE) + 30.0;
            let w = if e.kind == EntityKind::Person {
                w + 14.0
            } else {
                w
            };
            Node {
                x: 0.0,
                y: 0.0,
                hw: w / 2.0,
                hh: NODE_HEIGHT / 2.0,
            }
        })
        .collect();
    // Unique neighbour pairs: parallel edges pull once.
    let mut pairs: Vec<(usize, usize)> = g
        .edge_references()
        .map(|e| {
            let (a, b) = (pos[&e.source()], pos[&e.target()]);
            (a.min(b), a.max(b))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in &pairs {
        adj[a].push(b);
        adj[b].push(a);
    }
    // Rings: breadth first from the most connected, component after component.
    let mut ring = vec![usize::MAX; n];
    let mut by_degree: Vec<usize> = (0..n).collect();
    by_degree.sort_by_key(|&i| (std::cmp::Reverse(adj[i].len()), i));
    let mut rings: Vec<Vec<usize>> = Vec::new();
    for &start in &by_degree {
        if ring[start] != usize::MAX {
            continue;
        }
        ring[start] = 0;
        let mut frontier = vec![start];
        let mut depth = 0;
        while !frontier.is_empty() {
            if rings.len() <= depth {
                rings.push(Vec::new());
            }
            rings[depth].extend(&frontier);
            let mut next = Vec::new();
            for &v in &frontier {
                for &w in &adj[v] {
                    if ring[w] == usize::MAX {
                        ring[w] = depth + 1;
                        next.push(w);
                    }
                }
            }
            frontier = next;
            depth += 1;
        }
    }
    for (d, members) in rings.iter().enumerate() {
        let r = d as f64 * (EDGE_LENGTH + 120.0);
        for (k, &v) in members.iter().enumerate() {
            let a = std::f64::consts::TAU * k as f64 / members.len() as f64 + d as f64 * 0.7;
            nodes[v].x = r * a.cos() + (k as f64) * 0.01;
            nodes[v].y = r * a.sin() * 0.7;
        }
    }
    // Fruchterman–Reingold on border-to-border distances, cooling linearly.
    let k = EDGE_LENGTH;
    let steps = if n > 300 { 120 } else { 400 };
    for step in 0..steps {
        let t = 40.0 * (1.0 - step as f64 / steps as f64) + 1.0;
        let mut disp = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y);
                let dist = (dx * dx + dy * dy).sqrt().max(0.01);
                let gap = (dist - radius(&nodes[i], dx, dy) - radius(&nodes[j], dx, dy)).max(8.0);
                let f = k * k / gap;
                let (ux, uy) = (dx / dist, dy / dist);
                disp[i].0 += ux * f;
                disp[i].1 += uy * f;
                disp[j].0 -= ux * f;
                disp[j].1 -= uy * f;
            }
        }
        for &(a, b) in &pairs {
            let (dx, dy) = (nodes[a].x - nodes[b].x, nodes[a].y - nodes[b].y);
            let dist = (dx * dx + dy * dy).sqrt().max(0.01);
            let gap = (dist - radius(&nodes[a], dx, dy) - radius(&nodes[b], dx, dy)).max(1.0);
            let f = gap * gap / k;
            let (ux, uy) = (dx / dist, dy / dist);
            disp[a].0 -= ux * f;
            disp[a].1 -= uy * f;
            disp[b].0 += ux * f;
            disp[b].1 += uy * f;
        }
        for (i, node) in nodes.iter_mut().enumerate() {
            // A little gravity keeps separate components near each other; wide boxes
            // prefer to sit side by side vertically (slides are wider than tall).
            disp[i].0 -= node.x * 0.02;
            disp[i].1 -= node.y * 0.05;
            let (dx, dy) = disp[i];
            let len = (dx * dx + dy * dy).sqrt().max(0.01);
            let s = len.min(t) / len;
            node.x += dx * s;
            node.y += dy * s;
        }
    }
    separate(&mut nodes);
    nodes
}

/// Distance from a shape's centre to its border towards (dx, dy).
fn radius(n: &Node, dx: f64, dy: f64) -> f64 {
    let d = (dx * dx + dy * dy).sqrt().max(0.01);
    let (ux, uy) = ((dx / d).abs(), (dy / d).abs());
    (n.hw / ux.max(1e-9)).min(n.hh / uy.max(1e-9))
}

/// Pushes overlapping boxes (with a margin for labels) apart along their shallower axis.
fn separate(nodes: &mut [Node]) {
    const GAP_X: f64 = 24.0;
    const GAP_Y: f64 = 22.0;
    for _ in 0..100 {
        let mut moved = false;
        for i in 0..nodes.len() {
            for j in i + 1..nodes.len() {
                let (a, b) = (nodes[i], nodes[j]);
                let ox = a.hw + b.hw + GAP_X - (a.x - b.x).abs();
                let oy = a.hh + b.hh + GAP_Y - (a.y - b.y).abs();
                if ox <= 0.0 || oy <= 0.0 {
                    continue;
                }
                moved = true;
                if ox < oy {
                    let s = if a.x < b.x { -0.5 } else { 0.5 } * ox;
                    nodes[i].x += s;
                    nodes[j].x -= s;
                } else {
                    let s = if a.y < b.y { -0.5 } else { 0.5 } * oy;
                    nodes[i].y += s;
                    nodes[j].y -= s;
                }
            }
        }
        if !moved {
            break;
        }
    }
}

/// Where a ray from the centre of `n` towards (tx, ty) leaves its shape.
fn border(n: &Node, kind: EntityKind, tx: f64, ty: f64) -> (f64, f64) {
    let (dx, dy) = (tx - n.x, ty - n.y);
    let d = (dx * dx + dy * dy).sqrt().max(0.01);
    let (ux, uy) = (dx / d, dy / d);
    let t = if kind == EntityKind::Person {
        1.0 / ((ux / n.hw).powi(2) + (uy / n.hh).powi(2)).sqrt()
    } else {
        radius(n, dx, dy)
    };
    (n.x + ux * t, n.y + uy * t)
}

/// SVG text of a label: one line, and always parseable (else resvg would draw nothing).
fn esc(s: &str) -> String {
    super::xml_text(s, super::Controls::Spaced)
}

/// The outline of an entity's shape, centred on the node.
fn shape(out: &mut String, n: &Node, kind: EntityKind, fill: &str) {
    let (x, y, w, h) = (n.x, n.y, n.hw, n.hh);
    let style = format!("fill=\"{fill}\" stroke=\"#5a5a5a\" stroke-width=\"1.3\"");
    let _ = match kind {
        EntityKind::Person => writeln!(
            out,
            "<ellipse cx=\"{x:.1}\" cy=\"{y:.1}\" rx=\"{w:.1}\" ry=\"{h:.1}\" {style}/>"
        ),
        EntityKind::Product | EntityKind::Place => {
            let c = h * 0.6;
            writeln!(
                out,
                "<polygon points=\"{:.1},{y:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{y:.1} {:.1},{:.1} {:.1},{:.1}\" {style}/>",
                x - w,
                x - w + c,
                y - h,
                x + w - c,
                y - h,
                x + w,
                x + w - c,
                y + h,
                x - w + c,
                y + h
            )
        }
        _ => {
            writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"{}\" {style}/>",
            x - w,
            y - h,
            2.0 * w,
            2.0 * h,
            if kind == EntityKind::Organization { 5 } else { 1 }
        )
        }
    };
}

struct Curve {
    color: &'static str,
    label: &'static str,
    symmetric: bool,
    /// Contested (stated and denied): drawn dashed.
    dashed: bool,
    width: f64,
    from: (f64, f64),
    control: (f64, f64),
    to: (f64, f64),
    tip: String,
}

/// The stroke of a contested edge.
const DASHES: &str = " stroke-dasharray=\"7 5\"";

/// The SVG of a subgraph, with its title above and the legend below.
pub fn svg(g: &Subgraph, title: &str) -> String {
    let mut order: Vec<NodeIndex> = g.node_indices().collect();
    order.sort_by_key(|n| g[*n].id);
    let pos: BTreeMap<NodeIndex, usize> = order.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let nodes = layout(g, &order);
    // The edges between two entities, in a stable order, fanned out around their chord.
    let mut groups: BTreeMap<(usize, usize), Vec<_>> = BTreeMap::new();
    let mut edges: Vec<_> = g.edge_references().collect();
    edges.sort_by_key(|e| (g[e.source()].id, e.weight().0, g[e.target()].id));
    for e in &edges {
        let (a, b) = (pos[&e.source()], pos[&e.target()]);
        groups.entry((a.min(b), a.max(b))).or_default().push(*e);
    }
    let mut curves = Vec::new();
    for ((a, b), group) in &groups {
        let (na, nb) = (nodes[*a], nodes[*b]);
        let (dx, dy) = (nb.x - na.x, nb.y - na.y);
        let d = (dx * dx + dy * dy).sqrt().max(0.01);
        let (nx, ny) = (-dy / d, dx / d);
        let m = group.len() as f64;
        for (i, e) in group.iter().enumerate() {
            let offset = (i as f64 - (m - 1.0) / 2.0) * FAN;
            // The apex of a quadratic curve is halfway to its control point.
            let control = (
                (na.x + nb.x) / 2.0 + nx * offset * 2.0,
                (na.y + nb.y) / 2.0 + ny * offset * 2.0,
            );
            let (s, t) = (pos[&e.source()], pos[&e.target()]);
            let (rel, data) = e.weight();
            let from = border(&nodes[s], g[e.source()].kind, control.0, control.1);
            let to = border(&nodes[t], g[e.target()].kind, control.0, control.1);
            curves.push(Curve {
                color: relation_color(*rel),
                label: rel.as_str(),
                symmetric: rel.is_symmetric(),
                dashed: data.contested(),
                width: 1.6 + 0.5 * data.evidence.min(4) as f64,
                from,
                control,
                to,
                tip: format!("{} {} {}", g[e.source()].name, rel, g[e.target()].name),
            });
        }
    }
    // Bounds of what is drawn, labels included.
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for n in &nodes {
        x0 = x0.min(n.x - n.hw);
        x1 = x1.max(n.x + n.hw);
        y0 = y0.min(n.y - n.hh);
        y1 = y1.max(n.y + n.hh);
    }
    for c in &curves {
        let (lx, ly) = label_point(c);
        let hw = text_width(c.label, LABEL_SIZE) / 2.0 + 4.0;
        x0 = x0.min(lx - hw).min(c.control.0.min(lx));
        x1 = x1.max(lx + hw);
        y0 = y0.min(ly - 10.0);
        y1 = y1.max(ly + 10.0);
    }
    if nodes.is_empty() {
        (x0, y0, x1, y1) = (0.0, 0.0, 300.0, 60.0);
    }
    let present = relations_present(g);
    let mut kinds: Vec<EntityKind> = g.node_weights().map(|e| e.kind).collect();
    kinds.sort();
    kinds.dedup();
    let legend: Vec<(String, f64)> = present
        .iter()
        .map(|r| (r.as_str().to_string(), text_width(r.as_str(), 13.0) + 60.0))
        .chain(
            kinds
                .iter()
                .map(|k| (k.as_str().to_string(), text_width(k.as_str(), 13.0) + 52.0)),
        )
        .chain(curves.iter().any(|c| c.dashed).then(|| {
            let text = super::dot::CONTESTED_LEGEND;
            (text.to_string(), text_width(text, 13.0) + 60.0)
        }))
        .collect();
    let drawing_w = x1 - x0 + 2.0 * MARGIN;
    let title_w = text_width(title, 20.0) + 2.0 * MARGIN;
    let width = drawing_w.max(title_w).max(480.0);
    // The legend flows in rows under the drawing.
    let mut rows = vec![0.0f64];
    for (_, w) in &legend {
        let last = rows.last_mut().expect("one row");
        if *last + w > width - 2.0 * MARGIN && *last > 0.0 {
            rows.push(*w);
        } else {
            *last += w;
        }
    }
    let legend_h = if legend.is_empty() {
        0.0
    } else {
        rows.len() as f64 * 26.0 + 24.0
    };
    let drawing_h = y1 - y0 + 2.0 * MARGIN;
    let height = TITLE_HEIGHT + drawing_h + legend_h;
    // The drawing is centred horizontally.
    let sx = (width - drawing_w) / 2.0 + MARGIN - x0;
    let sy = TITLE_HEIGHT + MARGIN - y0;

    let mut out = String::with_capacity(4096 + 600 * (nodes.len() + curves.len()));
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"{FONT}\">"
    );
    let _ = writeln!(
        out,
        "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n<text x=\"{MARGIN}\" y=\"34\" font-size=\"20\" font-weight=\"bold\" fill=\"#222\">{}</text>",
        esc(title)
    );
    let _ = writeln!(out, "<g transform=\"translate({sx:.1},{sy:.1})\">");
    for c in &curves {
        let to = if c.symmetric {
            c.to
        } else {
            // The line stops at the arrowhead's base.
            let (dx, dy) = (c.to.0 - c.control.0, c.to.1 - c.control.1);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            (c.to.0 - dx / d * 8.0, c.to.1 - dy / d * 8.0)
        };
        let _ = writeln!(
            out,
            "<path d=\"M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{:.1}\" stroke-linecap=\"round\"{}><title>{}</title></path>",
            c.from.0, c.from.1, c.control.0, c.control.1, to.0, to.1, c.color, c.width,
            if c.dashed { DASHES } else { "" },
            esc(&c.tip)
        );
        if !c.symmetric {
            arrowhead(&mut out, c);
        }
    }
    for c in &curves {
        let (lx, ly) = label_point(c);
        let w = text_width(c.label, LABEL_SIZE) + 8.0;
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"16\" rx=\"3\" fill=\"white\" fill-opacity=\"0.88\"/>\n<text x=\"{lx:.1}\" y=\"{:.1}\" font-size=\"{LABEL_SIZE}\" text-anchor=\"middle\" fill=\"{}\">{}</text>",
            lx - w / 2.0,
            ly - 8.0,
            ly + 4.0,
            c.color,
            c.label
        );
    }
    for (i, ni) in order.iter().enumerate() {
        let e = &g[*ni];
        let n = &nodes[i];
        shape(&mut out, n, e.kind, kind_style(e.kind).1);
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{NAME_SIZE}\" text-anchor=\"middle\" fill=\"#1a1a1a\">{}<title>{} ({})</title></text>",
            n.x,
            n.y + 5.0,
            esc(&e.name),
            esc(&e.name),
            e.kind
        );
    }
    out.push_str("</g>\n");
    if !legend.is_empty() {
        let mut y = TITLE_HEIGHT + drawing_h + 12.0;
        let mut x = MARGIN;
        let mut row = 0;
        let mut row_w = 0.0;
        for (i, (name, w)) in legend.iter().enumerate() {
            if row_w > 0.0 && row_w + w > rows[row] + 0.5 {
                row += 1;
                row_w = 0.0;
                x = MARGIN;
                y += 26.0;
            }
            if let Some(r) = present.get(i) {
                let color = relation_color(*r);
                let _ = writeln!(
                    out,
                    "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{color}\" stroke-width=\"2.5\"/>",
                    y + 8.0,
                    x + 32.0,
                    y + 8.0
                );
                if !r.is_symmetric() {
                    let _ = writeln!(
                        out,
                        "<path d=\"M{:.1},{:.1} l-9,-4.5 v9 z\" fill=\"{color}\"/>",
                        x + 40.0,
                        y + 8.0
                    );
                }
                let _ = writeln!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"{color}\">{name}</text>",
                    x + 48.0,
                    y + 13.0
                );
            } else if i >= present.len() + kinds.len() {
                let _ = writeln!(
                    out,
                    "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#444\" stroke-width=\"2.5\"{DASHES}/>",
                    y + 8.0,
                    x + 40.0,
                    y + 8.0
                );
                let _ = writeln!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"#333\">{name}</text>",
                    x + 48.0,
                    y + 13.0
                );
            } else {
                let kind = kinds[i - present.len()];
                let swatch = Node {
                    x: x + 17.0,
                    y: y + 8.0,
                    hw: 16.0,
                    hh: 8.0,
                };
                shape(&mut out, &swatch, kind, kind_style(kind).1);
                let _ = writeln!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"#333\">{name}</text>",
                    x + 40.0,
                    y + 13.0
                );
            }
            x += w;
            row_w += w;
        }
    }
    out.push_str("</svg>\n");
    out
}

/// The apex of a curve, where its label sits.
fn label_point(c: &Curve) -> (f64, f64) {
    (
        0.25 * c.from.0 + 0.5 * c.control.0 + 0.25 * c.to.0,
        0.25 * c.from.1 + 0.5 * c.control.1 + 0.25 * c.to.1,
    )
}

fn arrowhead(out: &mut String, c: &Curve) {
    let (dx, dy) = (c.to.0 - c.control.0, c.to.1 - c.control.1);
    let d = (dx * dx + dy * dy).sqrt().max(0.01);
    let (ux, uy) = (dx / d, dy / d);
    let (len, half) = (11.0, 5.0);
    let base = (c.to.0 - ux * len, c.to.1 - uy * len);
    let _ = writeln!(
        out,
        "<path d=\"M{:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} z\" fill=\"{}\"/>",
        c.to.0,
        c.to.1,
        base.0 - uy * half,
        base.1 + ux * half,
        base.0 + uy * half,
        base.1 - ux * half,
        c.color
    );
}
