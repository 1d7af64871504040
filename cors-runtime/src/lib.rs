//! CORS for actix-web, checked by the compiler.
//!
//! Write the policy beside the route; a policy that would be unsafe is a compile error on
//! the offending literal, with the fix in the message:
//!
//! ```
//! use actix_web::{App, HttpResponse, put};
//! use cors_runtime::cors;
//!
//! #[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials, max_age = 600)]
//! #[put("/api/users/{id}")]
//! async fn update_user() -> HttpResponse {
//!     HttpResponse::Ok().finish()
//! }
//!
//! // PUT /api/users/{id} with CORS headers on every response, errors included, and the route
//! // answering its preflights.
//! let app = App::new().service(update_user);
//! ```
//!
//! Declare a policy once and share it between routes and App-, Scope- or Resource-level
//! middleware with [`policy!`] and [`Cors`]; build one from configuration at start-up with
//! [`Policy::builder`]. All three apply the same rules.
//!
//! Besides answering CORS, a policy that lists its origins refuses writes (`POST`, `PUT`,
//! `DELETE`, ...) and WebSocket handshakes coming from other sites' pages, which CORS alone
//! lets run: see [`Cors`] and the attribute's documentation.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod audit;
mod classify;
mod engine;
mod middleware;
mod policy;
mod served;
pub mod tenant;

pub use classify::is_preflight;
pub use cors_policy::{Field, Key, Rule, Violation, Violations};
pub use middleware::Cors;
pub use policy::{Policy, PolicyBuilder};

/// Compile-time checked CORS for one actix-web handler.
///
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
#[doc(inline)]
pub use cors_macros::cors;

/// A shared policy, checked at compile time like `#[cors]`, for a `static`.
///
/// It takes the keys of `#[cors]` and applies every rule, with the same messages on the same
/// tokens. Use it by name on routes (`#[cors(SPA)]`, which may narrow `methods`) and in
/// middleware (`Cors::new(&SPA)`); every route shares its tables.
///
/// ```
/// use actix_web::{App, HttpResponse, get, put, web};
/// use cors_runtime::{Cors, Policy, cors, policy};
///
/// static SPA: Policy = policy!(
///     origins = ["https://app.example.com"],
///     dev_origins = ["http://localhost:*"],
///     headers = ["content-type"],
///     credentials,
///     max_age = 600,
/// );
///
/// #[cors(SPA)]
/// #[get("/me")]
/// async fn me() -> HttpResponse {
///     HttpResponse::Ok().finish()
/// }
///
/// #[cors(SPA, methods = [PUT])]
/// #[put("/items/{id}")]
/// async fn update_item() -> HttpResponse {
///     HttpResponse::Ok().finish()
/// }
///
/// let app = App::new()
///     .service(me)
///     .service(update_item)
///     .service(web::scope("/admin").wrap(Cors::new(&SPA)).route("/stats", web::get().to(HttpResponse::Ok)));
/// ```
///
/// ```compile_fail
/// use cors_runtime::{Policy, policy};
///
/// static OPEN: Policy = policy!(origins = ["*"], credentials);
/// ```
#[doc(inline)]
pub use cors_macros::policy;

/// What the macros expand to, and the engine's internals for this crate's own tests. Not a
/// public API: it changes without notice.
#[doc(hidden)]
pub mod __private {
    pub use crate::audit::{HandlerRecord, PolicyRecord, Record, Writes};
    pub use crate::classify::{RequestKind, classify};
    pub use crate::engine::{AcrhError, DEFAULT_METHODS, OriginDenied, PreflightError};
    pub use crate::middleware::{RouteSpec, register, resource, route_middleware};
    pub use crate::served::{Headers, OriginTable, Origins, Served, Slot, Strs, Text};
    pub use actix_web;
    pub use cors_policy::table::KeyLengths;
    pub use inventory;
    pub use std::borrow::Cow;

    pub use crate::Policy;

    /// Limits applied to `Access-Control-Request-Headers` and `Origin`.
    pub mod limits {
        pub use crate::engine::acrh::{MAX_ECHO, MAX_EMPTY, MAX_NAMES, MAX_OWS};
        pub use cors_policy::{MAX_ANY_HEADER_LEN, MAX_ORIGIN_LEN};
    }

    /// A policy from its served form, as the macros write it.
    pub const fn policy(served: Served) -> Policy {
        Policy(served)
    }

    /// The served form of a policy, to inspect it.
    pub fn served(policy: &Policy) -> &Served {
        &policy.0
    }

    /// Whether `policy` lists no methods, or lists every one of `route` (byte-exact). A
    /// `const` evaluates it, so that `#[cors(NAME)]` is checked at compile time.
    pub const fn lists_methods(policy: &Policy, route: &[&str]) -> bool {
        let Some(Cow::Borrowed(listed)) = &policy.0.methods else {
            // No list, or one built at run time, which no `const` can reach.
            return true;
        };
        let mut i = 0;
        while i < route.len() {
            if !contains(listed, route[i]) {
                return false;
            }
            i += 1;
        }
        true
    }

    const fn contains(list: &[Cow<'static, str>], method: &str) -> bool {
        let mut i = 0;
        while i < list.len() {
            if let Cow::Borrowed(m) = &list[i]
                && m.len() == method.len()
                && bytes_eq(m.as_bytes(), method.as_bytes())
            {
                return true;
            }
            i += 1;
        }
        false
    }

    const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }

    /// The engine, as the property tests, the attack suite and the fuzz targets drive it.
    pub mod engine {
        use actix_web::HttpResponse;
        use actix_web::http::header::{HeaderMap, HeaderValue};

        use super::{OriginDenied, PreflightError};
        use crate::Policy;

        /// The `Access-Control-Allow-Origin` a request gets, or why none.
        pub fn allow_origin(policy: &Policy, headers: &HeaderMap) -> Result<HeaderValue, OriginDenied> {
            policy.allow_origin(headers, None)
        }

        /// The checks of a preflight for the policy's own methods.
        pub fn check_preflight(policy: &Policy, headers: &HeaderMap) -> Result<(), PreflightError> {
            let methods = policy.served().methods.as_deref().unwrap_or(&crate::engine::DEFAULT_METHODS);
            policy.check_preflight(headers, crate::engine::single_origin(headers), methods, None).map(drop)
        }

        /// The answer to a preflight for the policy's own methods.
        pub fn preflight_response(policy: &Policy, headers: &HeaderMap) -> HttpResponse {
            let methods = policy.served().methods.as_deref().unwrap_or(&crate::engine::DEFAULT_METHODS);
            policy.preflight_response(headers, methods, None)
        }

        /// Sets the headers of an actual response for this `Access-Control-Allow-Origin`.
        pub fn apply_actual(policy: &Policy, acao: Option<HeaderValue>, headers: &mut HeaderMap) {
            policy.apply_actual(acao, headers)
        }
    }
}
