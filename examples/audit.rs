//! The CORS surface of the examples: every `#[cors]` route and shared policy of their
//! applications (`cors_examples::app`), as `cors_runtime::audit` lists it, then the findings
//! of `audit::check()`.
//!
//! ```sh
//! cargo run --example audit
//! cargo run --release --example audit   # without the dev_origins
//! ```
//!
//! `runtime_policy` builds its policy at run time: the audit lists compile-time policies only.

use actix_web::{App, test, web};
use cors_examples::app;
use cors_runtime::audit;

/// An application's `configure`.
type Configure = fn(&mut web::ServiceConfig);

/// Every example application, by name.
const APPS: [(&str, Configure); 6] = [
    ("quickstart", app::quickstart::configure),
    ("spa_api", app::spa_api::configure),
    ("scoped", app::scoped::configure),
    ("same_path", app::same_path::configure),
    ("ws_chat", app::ws_chat::configure),
    ("multi_tenant", app::multi_tenant::configure),
];

#[actix_web::main]
async fn main() {
    // Building each application's `App` links its routes into this binary and records the
    // shared policies its middleware serves (`Cors::new(&SPA)`), which `check()` needs.
    for (_, configure) in APPS {
        test::init_service(App::new().configure(configure)).await;
    }
    let names: Vec<&str> = APPS.iter().map(|(name, _)| *name).collect();
    println!("# CORS surface of the examples ({})\n", names.join(", "));
    println!("{}", audit::markdown());
    println!("## Findings\n");
    let findings = audit::check();
    if findings.is_empty() {
        println!("no findings");
    }
    for finding in findings {
        println!("- {finding}");
    }
}
