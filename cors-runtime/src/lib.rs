#![doc = include_str!("../../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod acrh;
mod classify;
mod engine;
mod middleware;
mod policy;
mod service;

pub use classify::{RequestKind, classify, is_preflight, is_preflight_head};
#[doc(inline)]
/// # Examples
///
/// ```
/// use actix_web::{App, HttpResponse, delete, get, web};
/// use cors_runtime::cors;
///
/// /// Any page on a subdomain of example.com may list items and read the total.
/// #[cors(origins = ["https://*.example.com"], expose = ["x-total-count"])]
/// #[get("/items")]
/// async fn list_items() -> HttpResponse {
///     HttpResponse::Ok().insert_header(("x-total-count", "0")).body("[]")
/// }
///
/// /// Only the admin app deletes, with its session cookie; a dev server may too, in debug builds.
/// #[cors(origins = ["https://admin.example.com"], dev_origins = ["http://localhost:*"], credentials, max_age = 600)]
/// #[delete("/items/{id}")]
/// async fn delete_item(id: web::Path<u32>) -> HttpResponse {
///     HttpResponse::NoContent().finish()
/// }
///
/// let app = App::new().service(web::scope("/api").service(list_items).service(delete_item));
/// ```
///
/// A policy that would be unsafe does not compile:
///
/// ```compile_fail
/// use actix_web::{HttpResponse, get};
/// use cors_runtime::cors;
///
/// #[cors(origins = ["*"], credentials)]
/// #[get("/me")]
/// async fn me() -> HttpResponse {
///     HttpResponse::Ok().finish()
/// }
/// ```
pub use cors_macros::cors;
pub use cors_policy::{Field, Key, Rule, Violation, Violations};
pub use engine::{OriginDenied, PreflightAnswer, PreflightError};
pub use middleware::{Cors, CorsFuture, CorsService};
pub use policy::{Policy, PolicyBuilder};
pub use service::{PreflightGuard, preflight_resource};

/// Limits applied to `Access-Control-Request-Headers`.
pub mod limits {
    pub use crate::acrh::{AcrhError, MAX_EMPTY, MAX_NAMES, MAX_OWS};
    pub use cors_policy::{MAX_ANY_HEADER_LEN, MAX_ORIGIN_LEN};
}

/// What `#[cors]` expands to. Not a public API: it changes without notice.
#[doc(hidden)]
pub mod __private {
    pub use crate::middleware::RouteCors;
    pub use crate::policy::Slot;
    pub use actix_web;
    pub use std::borrow::Cow;

    use crate::Policy;
    use actix_web::http::header::HeaderValue;

    /// A policy from compile-time values. The macro has validated them with `cors-policy`.
    #[allow(clippy::too_many_arguments)]
    pub const fn policy(
        any_origin: bool,
        slots: &'static [Slot],
        wildcards: bool,
        any_port: bool,
        pattern_lens: [u64; 6],
        methods: &'static [HeaderValue],
        any_header: bool,
        headers: &'static [Cow<'static, str>],
        max_header_len: usize,
        credentials: bool,
        expose: Option<HeaderValue>,
        max_age: Option<HeaderValue>,
    ) -> Policy {
        Policy {
            any_origin,
            slots: Cow::Borrowed(slots),
            wildcards,
            any_port,
            pattern_lens: cors_policy::table::KeyLengths(pattern_lens),
            methods: Cow::Borrowed(methods),
            any_header,
            headers: Cow::Borrowed(headers),
            max_header_len,
            credentials,
            expose,
            max_age,
        }
    }

    /// The middleware for a compile-time policy on its route.
    pub const fn cors(policy: &'static Policy) -> crate::middleware::RouteCors {
        crate::middleware::RouteCors::new(policy)
    }
}
