//! The policy model and the validation rules behind `#[cors]`.
//!
//! This crate is an implementation detail of [`cors-runtime`](https://docs.rs/cors-runtime):
//! depend on that crate instead. It exists so that the attribute macro (at compile time) and
//! the run-time builder (at start-up) share **one definition of validity**: both call
//! [`validate`], and neither has rules of its own.
//!
//! ```
//! use cors_policy::{validate, PolicySpec};
//!
//! let spec = PolicySpec {
//!     origins: Some(vec!["https://app.example.com".into()]),
//!     methods: Some(vec!["PUT".into()]),
//!     credentials: true,
//!     ..PolicySpec::default()
//! };
//! let policy = validate(&spec).expect("a valid policy");
//! assert_eq!(policy.methods, ["PUT"]);
//!
//! let bad = PolicySpec { origins: Some(vec!["*".into()]), credentials: true, ..spec };
//! let violations = validate(&bad).unwrap_err();
//! assert!(violations[0].message.contains("credentials"));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod header;
mod method;
pub mod origin;
mod spec;
pub mod table;
pub mod token;
mod validate;
mod violation;

pub use origin::{OriginPattern, PortSpec};
pub use spec::{HeaderList, OriginList, PolicySpec, ValidPolicy};
pub use validate::validate;
pub use violation::{Field, Key, Rule, Violation, Violations};

/// The longest `Origin` value a browser can send: a 64-byte scheme, `://`, a 253-byte host,
/// `:` and a 5-digit port. Longer values are rejected before any parsing.
pub const MAX_ORIGIN_LEN: usize = 326;

/// The longest request-header name accepted under `headers = ["*"]`. Real names are far
/// shorter; the cap keeps a hostile `Access-Control-Request-Headers` cheap to reject.
pub const MAX_ANY_HEADER_LEN: usize = 1024;

/// The longest `max_age` accepted, in seconds (one day; Firefox's cap).
pub const MAX_AGE_LIMIT: i64 = 86_400;
