//! Brings the graph-drawing library of `relgraph serve`'s page (Cytoscape.js and its fCoSE
//! layout, pinned in web/package-lock.json) into the build, so that the binary serves every
//! asset itself. Only runs with the `serve` feature.
//!
//! Where the packages come from, first found:
//! 1. `web/node_modules`, when someone ran `npm ci --prefix web` (a machine offline at
//!    build time can get that folder from elsewhere);
//! 2. `npm ci` run by this script in OUT_DIR (the npm cache makes later builds offline).
//!
//! Without either, the build still succeeds with a warning: the server then answers the
//! JSON API and its page says how to get the library, instead of failing every build on a
//! machine without npm (tests/serve.rs fails such a build under CI).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Files of the pinned packages, in the order the page loads them (each needs the one before).
const SCRIPTS: [(&str, &str); 4] = [
    ("cytoscape", "dist/cytoscape.min.js"),
    ("layout-base", "layout-base.js"),
    ("cose-base", "cose-base.js"),
    ("cytoscape-fcose", "cytoscape-fcose.js"),
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var_os("CARGO_FEATURE_SERVE").is_none() {
        return;
    }
    println!("cargo:rerun-if-changed=web");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let generated = out.join("web_vendor.rs");
    let code = match vendor(&out) {
        Ok(modules) => {
            let (js, licenses) = bundle(&modules, &out);
            format!(
                "pub(crate) const VENDOR_JS: Option<&str> = Some(include_str!({js:?}));\n\
                 pub(crate) const VENDOR_LICENSES: &str = include_str!({licenses:?});\n\
                 pub(crate) const VENDOR_MISSING: &str = \"\";\n"
            )
        }
        Err(why) => {
            println!(
                "cargo:warning=relgraph serve: the page's graph library is missing ({why}); \
                 the server will answer its JSON API only. Install Node.js and npm (or run \
                 `npm ci --prefix web` where the npm registry is reachable), then \
                 `touch web/package-lock.json` and build again."
            );
            // Retrying on every build would rebuild the crate each time; a new PATH (a
            // freshly installed npm) or a touched web/ folder retries.
            println!("cargo:rerun-if-env-changed=PATH");
            format!(
                "pub(crate) const VENDOR_JS: Option<&str> = None;\n\
                 pub(crate) const VENDOR_LICENSES: &str = \"\";\n\
                 pub(crate) const VENDOR_MISSING: &str = {why:?};\n"
            )
        }
    };
    std::fs::write(&generated, code).expect("OUT_DIR is writable");
}

/// The node_modules folder holding the pinned packages.
fn vendor(out: &Path) -> Result<PathBuf, String> {
    let web = Path::new("web");
    let pinned = pinned_versions(web)?;
    let local = web.join("node_modules");
    if local.is_dir() {
        check_versions(&local, &pinned)
            .map_err(|e| format!("web/node_modules does not match web/package-lock.json: {e}; run `npm ci --prefix web` again"))?;
        return Ok(local);
    }
    let dir = out.join("npm");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for f in ["package.json", "package-lock.json"] {
        std::fs::copy(web.join(f), dir.join(f)).map_err(|e| format!("cannot copy web/{f}: {e}"))?;
    }
    let modules = dir.join("node_modules");
    if check_versions(&modules, &pinned).is_ok() {
        return Ok(modules);
    }
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    let output = Command::new(npm)
        .current_dir(&dir)
        // No package's install script runs; the lock file's hashes are checked by npm ci.
        .args([
            "ci",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--prefer-offline",
            "--loglevel=error",
            "--fetch-retries=1",
            "--fetch-timeout=30000",
        ])
        .output()
        .map_err(|e| format!("cannot run `npm`: {e}"))?;
    if !output.status.success() {
        let err = String::from_utf8_lossy(&output.stderr);
        let first = err
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("no message");
        return Err(format!("`npm ci` failed: {first}"));
    }
    check_versions(&modules, &pinned)?;
    Ok(modules)
}

/// (package, version) of each script's package, read from the lock file.
fn pinned_versions(web: &Path) -> Result<Vec<(&'static str, String)>, String> {
    let lock = std::fs::read_to_string(web.join("package-lock.json"))
        .map_err(|e| format!("cannot read web/package-lock.json: {e}"))?;
    SCRIPTS
        .iter()
        .map(|(name, _)| {
            let entry = format!("\"node_modules/{name}\": {{");
            let at = lock
                .find(&entry)
                .ok_or_else(|| format!("{name} is not in web/package-lock.json"))?;
            let version = json_string_field(&lock[at..], "version")
                .ok_or_else(|| format!("no version of {name} in web/package-lock.json"))?;
            Ok((*name, version))
        })
        .collect()
}

fn check_versions(modules: &Path, pinned: &[(&str, String)]) -> Result<(), String> {
    for (name, version) in pinned {
        let manifest = modules.join(name).join("package.json");
        let text =
            std::fs::read_to_string(&manifest).map_err(|_| format!("{name} is not installed"))?;
        let found = json_string_field(&text, "version").unwrap_or_default();
        if &found != version {
            return Err(format!("{name} is {found}, the lock file pins {version}"));
        }
    }
    Ok(())
}

/// The first `"field": "value"` after the start of `text` (package files are npm's own
/// output; a JSON parser in the build script would cost more than it saves).
fn json_string_field(text: &str, field: &str) -> Option<String> {
    let key = format!("\"{field}\":");
    let rest = text[text.find(&key)? + key.len()..].trim_start();
    let rest = rest.strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

/// Concatenates the scripts into one file and their licences into another, in OUT_DIR.
fn bundle(modules: &Path, out: &Path) -> (PathBuf, PathBuf) {
    let mut js = String::new();
    let mut licenses = String::new();
    for (name, file) in SCRIPTS {
        let dir = modules.join(name);
        let version = std::fs::read_to_string(dir.join("package.json"))
            .ok()
            .and_then(|t| json_string_field(&t, "version"))
            .unwrap_or_default();
        let source = std::fs::read_to_string(dir.join(file))
            .unwrap_or_else(|e| panic!("{name}/{file} unreadable after install: {e}"));
        js.push_str(&format!(
            "/* {name} {version} (MIT): /assets/licenses.txt */\n"
        ));
        js.push_str(&source);
        js.push_str("\n;\n");
        let license = std::fs::read_to_string(dir.join("LICENSE"))
            .unwrap_or_else(|e| panic!("{name} ships no LICENSE file: {e}"));
        licenses.push_str(&format!("{name} {version}\n\n{}\n\n", license.trim()));
    }
    let js_path = out.join("vendor.js");
    let lic_path = out.join("vendor-licenses.txt");
    std::fs::write(&js_path, js).expect("OUT_DIR is writable");
    std::fs::write(&lic_path, licenses).expect("OUT_DIR is writable");
    (js_path, lic_path)
}
