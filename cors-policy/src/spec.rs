//! The policy as written ([`PolicySpec`]) and as validated ([`ValidPolicy`]).

use crate::OriginPattern;
use crate::table;

/// A policy as the user wrote it, before validation.
///
/// The attribute macro fills it from `#[cors(...)]`; the run-time builder from its calls.
/// Every list keeps the user's order, so that violations can point at an index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicySpec {
    /// `origins`; `None` when the key is missing.
    pub origins: Option<Vec<String>>,
    /// `dev_origins`: loopback origins served only by debug builds.
    pub dev_origins: Vec<String>,
    /// `methods`; `None` to use the route's own methods.
    pub methods: Option<Vec<String>>,
    /// The methods the route serves, when the policy belongs to one route (the macro knows
    /// them). `None` for policies built at run time, which must then list `methods`.
    pub route_methods: Option<Vec<String>>,
    /// `headers`: request headers a script may send.
    pub headers: Vec<String>,
    /// `expose`: response headers a script may read.
    pub expose: Vec<String>,
    /// `credentials`.
    pub credentials: bool,
    /// `max_age`, in seconds.
    pub max_age: Option<i64>,
    /// `dangerously_allow_insecure_origins`.
    pub allow_insecure_origins: bool,
    /// `dangerously_allow_public_suffix_wildcards`.
    pub allow_public_suffix_wildcards: bool,
}

/// A set of allowed origins, as lookup keys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OriginList {
    /// `"*"`: every origin, answered with `Access-Control-Allow-Origin: *`.
    pub any: bool,
    /// The parsed patterns, in the user's order.
    pub patterns: Vec<OriginPattern>,
}

impl OriginList {
    /// The lookup keys of [`Self::patterns`].
    pub fn keys(&self) -> Vec<String> {
        self.patterns.iter().map(OriginPattern::key).collect()
    }

    /// The keys laid out as a hash table (see [`table`]), empty slots as `""`.
    pub fn slots(&self) -> Vec<String> {
        table::build_strings(&self.keys())
    }

    /// Whether any pattern has a `*.` label.
    pub fn has_wildcards(&self) -> bool {
        self.patterns.iter().any(|p| p.subdomains)
    }

    /// Whether any pattern has a `:*` port.
    pub fn has_any_port(&self) -> bool {
        self.patterns.iter().any(|p| p.port == crate::PortSpec::Any)
    }
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
    /// `origins`.
    pub origins: OriginList,
    /// `dev_origins`: serve them only in debug builds.
    pub dev_origins: OriginList,
    /// Methods answered by preflights, normalised (`get` → `GET`).
    pub methods: Vec<String>,
    /// Allowed request headers.
    pub headers: HeaderList,
    /// Exposed response headers.
    pub expose: HeaderList,
    /// Whether credentialed requests are allowed.
    pub credentials: bool,
    /// `Access-Control-Max-Age`, in seconds.
    pub max_age: Option<u32>,
}

impl ValidPolicy {
    /// The `Access-Control-Expose-Headers` value, if any.
    pub fn expose_value(&self) -> Option<String> {
        self.expose.value()
    }

    /// The `Access-Control-Max-Age` value, if any.
    pub fn max_age_value(&self) -> Option<String> {
        self.max_age.map(|s| s.to_string())
    }
}
