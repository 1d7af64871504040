//! The per-request decisions: origin check, preflight check, the cross-origin write check,
//! and the headers they produce.
//!
//! Everything here works on header maps and the policy's precomputed values, with no
//! allocation on the paths a browser's requests take.

pub(crate) mod acrh;
pub(crate) mod actual;
mod origin;
mod preflight;
mod protect;

use actix_web::http::header::HeaderValue;

pub use acrh::AcrhError;
pub use origin::{OriginDenied, single_origin};
pub use preflight::{DEFAULT_METHODS, PreflightError};
pub use protect::{check as protect_check, is_checked};

static STAR: HeaderValue = HeaderValue::from_static("*");
static TRUE: HeaderValue = HeaderValue::from_static("true");
static VARY_ORIGIN: HeaderValue = HeaderValue::from_static("Origin");
static VARY_PREFLIGHT: HeaderValue =
    HeaderValue::from_static("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
