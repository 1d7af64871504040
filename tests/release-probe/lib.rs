//! A `#[cors]` handler with `dev_origins`, compiled with `debug-assertions = false` (see the
//! profile override in the workspace `Cargo.toml`), exactly as `cargo build --release`
//! compiles it. `cors-tests` serves it next to the same handler built with debug assertions
//! and checks that only the latter answers the development origin, and that the audit lists
//! no `dev_origins` for it, nor for the shared policy [`RELEASE_SHARED`] written here.

use actix_web::{HttpResponse, get, web};
use cors_runtime::{Policy, cors, policy};

/// `GET /probe/release`, with a loopback development origin.
#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials)]
#[get("/probe/release")]
async fn probe() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

/// A shared policy with a development origin, written in this crate: a route of a debug build
/// that uses it by name serves it as this crate compiled it, without the development origin.
pub static RELEASE_SHARED: Policy =
    policy!(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials,);

/// Whether this crate was compiled with debug assertions (it must not be).
pub const DEBUG_ASSERTIONS: bool = cfg!(debug_assertions);

/// Registers the handler.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(probe);
}
