//! Runnable examples of `#[cors]`: run one with `cargo run --example <name>`.
//!
//! Each example is a small application in [`app`]: its handlers, its state and a `configure`
//! function that registers them on an `App` (`App::new().configure(app::scoped::configure)`).
//! The example binaries start a server with it, and `cargo run --example audit` lists the CORS
//! surface of all of them with `cors_runtime::audit`.
//!
//! `runtime_policy` builds its policy from the environment at start-up; it has no application
//! here, and nothing to add to the audit, which lists compile-time policies only.

/// The examples' applications, one module each.
pub mod app {
    pub mod multi_tenant;
    pub mod quickstart;
    pub mod same_path;
    pub mod scoped;
    pub mod spa_api;
    pub mod ws_chat;
}
