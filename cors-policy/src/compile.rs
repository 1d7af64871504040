//! The compiled form: a [`ValidPolicy`] laid out as the engine serves it.
//!
//! [`compile`] is the only place that turns a validated policy into tables and header values.
//! The attribute macro writes its result into the user's crate as a `static`; the run-time
//! builder and the tenant store convert the same result at start-up. Both therefore serve
//! exactly what this function computed.

use crate::{AllowedOrigins, OriginPattern, PortSpec, ValidPolicy, table};

/// Whether a compiled form serves `dev_origins`: the macro compiles both and lets
/// `debug_assertions` in the user's crate pick one; the builder asks for its own build's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DevOrigins {
    /// Serve them (debug builds).
    Serve,
    /// Leave them out (release builds).
    Leave,
}

impl DevOrigins {
    /// What this build of the calling crate does.
    pub const fn of_this_build() -> DevOrigins {
        if cfg!(debug_assertions) { DevOrigins::Serve } else { DevOrigins::Leave }
    }
}

/// A policy as served.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compiled {
    /// Which origins are allowed.
    pub origins: CompiledOrigins,
    /// The methods the policy lists (or its route's), byte-exact as preflights must ask for
    /// them. `None` when it lists none and has no route.
    pub methods: Option<Vec<String>>,
    /// The request headers a preflight may ask for.
    pub headers: CompiledHeaders,
    /// Whether to send `Access-Control-Allow-Credentials: true`.
    pub credentials: bool,
    /// The `Access-Control-Expose-Headers` value.
    pub expose: Option<String>,
    /// The `Access-Control-Max-Age` value.
    pub max_age: Option<String>,
    /// Whether POLICY §4's check of cross-origin writes and WebSocket handshakes applies.
    pub write_check: bool,
}

/// The allowed origins, as served.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompiledOrigins {
    /// `"*"`.
    Any,
    /// A fixed table.
    Table(OriginTable),
    /// A per-tenant store, plus the `dev_origins` this build serves beside its entries.
    Store {
        /// The store's name.
        name: String,
        /// The `dev_origins` in force (empty in release builds).
        dev: OriginTable,
    },
}

/// A hash table of origin keys (see [`table`]) with what the matcher needs to know about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OriginTable {
    /// The slots; `None` is an empty slot.
    pub slots: Vec<Option<TableSlot>>,
    /// Whether some key has a `*.` label.
    pub wildcards: bool,
    /// Whether some key has a `:*` port.
    pub any_port: bool,
    /// The lengths of the pattern keys, so that matching skips impossible candidates.
    pub pattern_lens: table::KeyLengths,
}

/// One occupied slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableSlot {
    /// The lookup key: the origin itself, or a pattern with `*.` or `:*` spelled out.
    pub key: String,
    /// An exact origin (which may be echoed), as opposed to a pattern (which never is).
    pub exact: bool,
}

impl OriginTable {
    /// The table of `patterns`, which must be distinct (validation removes duplicates).
    pub fn build(patterns: &[OriginPattern]) -> OriginTable {
        let keys: Vec<String> = patterns.iter().map(OriginPattern::key).collect();
        let slots = table::build(&keys)
            .into_iter()
            .map(|slot| slot.map(|i| TableSlot { key: keys[i].clone(), exact: patterns[i].is_exact() }))
            .collect();
        let pattern_keys = keys.iter().zip(patterns).filter(|(_, p)| !p.is_exact()).map(|(k, _)| k);
        OriginTable {
            slots,
            wildcards: patterns.iter().any(|p| p.subdomains),
            any_port: patterns.iter().any(|p| p.port == PortSpec::Any),
            pattern_lens: table::KeyLengths::of(pattern_keys),
        }
    }

    /// The keys in the table, in slot order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.slots.iter().flatten().map(|s| s.key.as_str())
    }
}

/// The allowed request headers, as served.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompiledHeaders {
    /// `"*"`: any name except `authorization`, unless listed.
    pub any: bool,
    /// The listed names, lower case.
    pub names: Vec<String>,
    /// The longest name a preflight may ask for.
    pub max_name_len: usize,
}

/// Lays out `policy` for serving, with or without its `dev_origins`.
pub fn compile(policy: &ValidPolicy, dev: DevOrigins) -> Compiled {
    let dev_patterns: &[OriginPattern] = match dev {
        DevOrigins::Serve => &policy.dev_origins,
        DevOrigins::Leave => &[],
    };
    let origins = match &policy.origins {
        AllowedOrigins::Any => CompiledOrigins::Any,
        AllowedOrigins::List(list) => {
            let all: Vec<OriginPattern> = list.iter().chain(dev_patterns).cloned().collect();
            CompiledOrigins::Table(OriginTable::build(&all))
        }
        AllowedOrigins::Store(name) => {
            CompiledOrigins::Store { name: name.clone(), dev: OriginTable::build(dev_patterns) }
        }
    };
    Compiled {
        origins,
        methods: policy.methods.clone(),
        headers: CompiledHeaders {
            any: policy.headers.any,
            names: policy.headers.names.clone(),
            max_name_len: policy.headers.max_name_len(),
        },
        credentials: policy.credentials,
        expose: policy.expose.value(),
        max_age: policy.max_age.map(|s| s.to_string()),
        write_check: policy.write_check,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::origin::{EntryList, parse_pattern};

    fn pattern(s: &str) -> OriginPattern {
        parse_pattern(s, EntryList::Dev).unwrap()
    }

    #[test]
    fn table_marks_patterns_and_lengths() {
        let t = OriginTable::build(&[pattern("https://a.example"), pattern("https://*.b.example")]);
        assert_eq!(t.slots.iter().flatten().count(), 2);
        assert!(t.wildcards && !t.any_port);
        let exact: Vec<_> = t.slots.iter().flatten().map(|s| (s.key.as_str(), s.exact)).collect();
        assert!(exact.contains(&("https://a.example", true)));
        assert!(exact.contains(&("https://*.b.example", false)));
        assert!(t.pattern_lens.contains("https://*.b.example".len()));
        assert!(!t.pattern_lens.contains("https://a.example".len()));
    }

    #[test]
    fn dev_origins_only_when_served() {
        let p = ValidPolicy {
            origins: AllowedOrigins::List(vec![pattern("https://a.example")]),
            dev_origins: vec![pattern("http://localhost:*")],
            methods: Some(vec!["GET".into()]),
            headers: Default::default(),
            expose: Default::default(),
            credentials: false,
            max_age: Some(600),
            write_check: true,
        };
        let CompiledOrigins::Table(with) = compile(&p, DevOrigins::Serve).origins else { panic!() };
        let CompiledOrigins::Table(without) = compile(&p, DevOrigins::Leave).origins else { panic!() };
        assert!(with.keys().any(|k| k == "http://localhost:*") && with.any_port);
        assert!(!without.keys().any(|k| k == "http://localhost:*") && !without.any_port);
        assert_eq!(compile(&p, DevOrigins::Leave).max_age.as_deref(), Some("600"));
    }
}
