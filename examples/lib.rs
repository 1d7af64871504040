//! Runnable examples of `#[cors]`: run one with `cargo run --example <name>`.
