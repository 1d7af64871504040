//! Finding and reading the shared conformance data.
//!
//! The data lives outside the repository, in `shared/conformance/` beside the clone (CI puts
//! `shared/` there). Nothing is copied into the repository, and a missing folder is a loud
//! failure naming the path, never a silently skipped test.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// `shared/conformance/` beside the repository: the parent of the workspace root, then
/// `shared/conformance`. The workspace root is found by walking up from this crate to the
/// first `Cargo.toml` with a `[workspace]` table, so the answer does not depend on where this
/// crate sits in the tree or on which package's test asks.
pub fn conformance_dir() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = here
        .ancestors()
        .find(|dir| is_workspace_root(dir))
        .unwrap_or_else(|| panic!("no workspace root (a Cargo.toml with [workspace]) above {}", here.display()));
    root.parent().unwrap_or(root).join("shared").join("conformance")
}

fn is_workspace_root(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("Cargo.toml"))
        .is_ok_and(|toml| toml.lines().any(|line| line.trim() == "[workspace]"))
}

/// Reads one conformance file, such as `vectors.json` or `v2/protection-vectors.json`.
///
/// # Panics
///
/// When the file is missing or unreadable (with its path, and where `shared/` must be), or is
/// not valid JSON.
pub fn load(name: &str) -> Value {
    let path = conformance_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}. The `shared/` folder must sit beside the repository clone, \
             with the conformance data in `shared/conformance/`.",
            path.display()
        )
    });
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_is_beside_the_workspace() {
        let dir = conformance_dir();
        assert!(dir.ends_with("shared/conformance"), "{}", dir.display());
        assert!(!dir.components().any(|c| c == std::path::Component::ParentDir), "{}", dir.display());
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("a parent");
        assert!(is_workspace_root(workspace), "this crate sits at the workspace root");
        assert_eq!(dir, workspace.parent().expect("a parent").join("shared/conformance"));
    }

    #[test]
    #[should_panic(expected = "no-such-file.json")]
    fn a_missing_file_is_a_loud_failure_naming_it() {
        load("no-such-file.json");
    }
}
