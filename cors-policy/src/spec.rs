//! The policy as written ([`PolicySpec`]) and as validated ([`ValidPolicy`]).

use crate::OriginPattern;

/// A policy as the user wrote it, before validation.
///
/// The attribute macro fills it from `#[cors(...)]` or `policy!(...)`, the run-time builder
/// from its calls. Every list keeps the user's order, so that violations can point at an index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicySpec {
    /// `origins`; `None` when the key is missing.
    pub origins: Option<Vec<String>>,
    /// `origins_from_store`: the name of the per-tenant store the origins come from.
    pub origins_from_store: Option<String>,
    /// `dev_origins`: local origins served only by debug builds.
    pub dev_origins: Vec<String>,
    /// `methods`; `None` when the key is missing.
    pub methods: Option<Vec<String>>,
    /// The methods the route serves, when the policy belongs to one route (the macro knows
    /// them). `None` for shared and run-time policies.
    pub route_methods: Option<Vec<String>>,
    /// `headers`: request headers a script may send.
    pub headers: Vec<String>,
    /// `expose`: response headers a script may read.
    pub expose: Vec<String>,
    /// `credentials`.
    pub credentials: bool,
    /// `max_age`, in seconds, as written (so that a negative value can be reported).
    pub max_age: Option<i64>,
    /// `dangerously_allow_insecure_origins`.
    pub allow_insecure_origins: bool,
    /// `dangerously_allow_public_suffix_wildcards`.
    pub allow_public_suffix_wildcards: bool,
    /// `dangerously_allow_loopback_origins`.
    pub allow_loopback_origins: bool,
    /// `dangerously_accept_cross_origin_writes`.
    pub accept_cross_origin_writes: bool,
}

/// Where a valid policy's origins come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AllowedOrigins {
    /// `"*"`: every origin, answered with `Access-Control-Allow-Origin: *`.
    Any,
    /// The listed patterns, in the user's order.
    List(Vec<OriginPattern>),
    /// A per-tenant store of this name, whose entries are validated when written and loaded.
    Store(String),
}

/// A list of header names, lower-cased, with `"*"` taken out into [`Self::any`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeaderList {
    /// `"*"` was listed.
    pub any: bool,
    /// The names, lower case, in the user's order.
    pub names: Vec<String>,
}

impl HeaderList {
    /// The longest request-header name a preflight may ask for under this list: the longest
    /// listed name, or [`MAX_ANY_HEADER_LEN`](crate::MAX_ANY_HEADER_LEN) under `"*"`. A longer
    /// name is refused as soon as it is seen, so a hostile field costs no more than that.
    pub fn max_name_len(&self) -> usize {
        if self.any { crate::MAX_ANY_HEADER_LEN } else { self.names.iter().map(String::len).max().unwrap_or(0) }
    }

    /// The list as one header value (`a,b`, or `*` first when listed), or `None` when empty.
    pub fn value(&self) -> Option<String> {
        let mut parts: Vec<&str> = Vec::with_capacity(self.names.len() + 1);
        if self.any {
            parts.push("*");
        }
        parts.extend(self.names.iter().map(String::as_str));
        (!parts.is_empty()).then(|| parts.join(","))
    }
}

/// A policy that passed [`validate`](crate::validate): normalised, and safe to serve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidPolicy {
    /// `origins`, or the store they come from.
    pub origins: AllowedOrigins,
    /// `dev_origins`: serve them only in debug builds.
    pub dev_origins: Vec<OriginPattern>,
    /// Methods answered by preflights, normalised (`get` → `GET`): the listed ones, else the
    /// route's own. `None` for a shared or run-time policy that lists none.
    pub methods: Option<Vec<String>>,
    /// Allowed request headers.
    pub headers: HeaderList,
    /// Exposed response headers.
    pub expose: HeaderList,
    /// Whether credentialed requests are allowed.
    pub credentials: bool,
    /// `Access-Control-Max-Age`, in seconds.
    pub max_age: Option<u32>,
    /// Whether cross-origin writes and WebSocket handshakes from unlisted origins are refused
    /// (POLICY §4): always, except for `"*"` and `dangerously_accept_cross_origin_writes`.
    pub write_check: bool,
}
