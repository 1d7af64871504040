//! The policy model, the validation rules and the compiled form behind `#[cors]`.
//!
//! This crate is an implementation detail of [`cors-runtime`](https://docs.rs/cors-runtime):
//! depend on that crate instead. It exists so that the attribute macro (at compile time), the
//! run-time builder (at start-up) and the tenant store (on every write and load) share **one
//! definition of validity**: all of them call [`validate`], and none has rules of its own.
//! [`compile`] then lays a valid policy out as the engine serves it, for all of them alike.
//!
//! ```
//! use cors_policy::{DevOrigins, PolicySpec, compile, validate};
//!
//! let spec = PolicySpec {
//!     origins: Some(vec!["https://app.example.com".into()]),
//!     methods: Some(vec!["PUT".into()]),
//!     credentials: true,
//!     ..PolicySpec::default()
//! };
//! let policy = validate(&spec).expect("a valid policy");
//! assert_eq!(policy.methods.as_deref(), Some(&["PUT".to_string()][..]));
//! assert!(compile(&policy, DevOrigins::Leave).credentials);
//!
//! let bad = PolicySpec { origins: Some(vec!["*".into()]), credentials: true, ..spec };
//! let violations = validate(&bad).unwrap_err();
//! assert!(violations.first().message.contains("credentials"));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod compile;
mod key;
pub mod origin;
mod spec;
pub mod table;
pub mod token;
mod validate;
mod violation;

pub use compile::{Compiled, CompiledHeaders, CompiledOrigins, DevOrigins, OriginTable, TableSlot, compile};
pub use key::{Key, KeyKind};
pub use origin::{EntryList, OriginPattern, PortSpec};
pub use spec::{AllowedOrigins, HeaderList, PolicySpec, ValidPolicy};
pub use validate::{validate, validate_route_methods, validate_stored_origin};
pub use violation::{Field, Rule, Violation, Violations};

/// The longest `Origin` value a browser can send: a 64-byte scheme, `://`, a 253-byte host,
/// `:` and a 5-digit port. Longer values are rejected before any parsing.
pub const MAX_ORIGIN_LEN: usize = 326;

/// The longest request-header name accepted under `headers = ["*"]`. Real names are far
/// shorter; the cap keeps a hostile `Access-Control-Request-Headers` cheap to reject.
pub const MAX_ANY_HEADER_LEN: usize = 1024;

/// The longest `max_age` accepted, in seconds (one day; Firefox's cap).
pub const MAX_AGE_LIMIT: i64 = 86_400;
