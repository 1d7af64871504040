//! Origin patterns: what a configured entry means ([`OriginPattern`]), how an entry is
//! parsed ([`parse`]), what kind of host it names ([`host`]), and how a request's `Origin` is
//! matched at run time ([`matching`]).
//!
//! A configured entry is a serialised origin (`scheme://host[:port]`), byte-exact as browsers
//! send it, optionally with a leading `*.` label (subdomains) or a `:*` port (any port, in
//! `dev_origins` only). Matching never normalises the request's `Origin`: an entry that is not
//! already in browser form could never match, so parsing rejects it instead.

pub mod host;
pub mod matching;
pub mod parse;

use std::fmt::Write as _;

pub use matching::{is_serialized_origin, match_origin, match_origin_filtered};
pub use parse::{OriginError, parse_pattern, suggest};

/// Which list an entry comes from; `dev_origins` accept more than `origins` (a `:*` port).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryList {
    /// `origins`: served by every build.
    Origins,
    /// `dev_origins`: served only by debug builds.
    Dev,
}

/// The port part of an origin pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PortSpec {
    /// No port: the scheme's default.
    Default,
    /// An explicit, non-default port.
    Port(u16),
    /// `:*`: any port, including the default (`dev_origins` only).
    Any,
}

/// A parsed, canonical origin pattern.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OriginPattern {
    /// The scheme, lower case, without `://`.
    pub scheme: String,
    /// The host without any `*.` prefix: a DNS name, a dotted quad, or a bracketed IPv6 address.
    pub host: String,
    /// Whether the pattern admits one or more labels in front of `host` (and never `host` itself).
    pub subdomains: bool,
    /// The port.
    pub port: PortSpec,
}

impl OriginPattern {
    /// The lookup key of this pattern: the origin itself for exact patterns, and with `*.` and
    /// `:*` spelled out otherwise. [`match_origin`] builds the same keys from a request.
    pub fn key(&self) -> String {
        let mut k = String::with_capacity(self.scheme.len() + self.host.len() + 10);
        k.push_str(&self.scheme);
        k.push_str("://");
        if self.subdomains {
            k.push_str("*.");
        }
        k.push_str(&self.host);
        match self.port {
            PortSpec::Default => {}
            PortSpec::Port(p) => {
                let _ = write!(k, ":{p}");
            }
            PortSpec::Any => k.push_str(":*"),
        }
        k
    }

    /// Whether the pattern admits exactly one origin, which can then be echoed as it is.
    pub fn is_exact(&self) -> bool {
        !self.subdomains && self.port != PortSpec::Any
    }

    /// Whether every origin this pattern admits is also admitted by `other` (and they differ).
    pub fn covered_by(&self, other: &OriginPattern) -> bool {
        if self == other || self.scheme != other.scheme {
            return false;
        }
        let port_ok = other.port == PortSpec::Any || other.port == self.port;
        let host_ok = if other.subdomains {
            self.host.len() > other.host.len()
                && self.host.ends_with(&other.host)
                && self.host.as_bytes()[self.host.len() - other.host.len() - 1] == b'.'
                || (self.subdomains && self.host == other.host)
        } else {
            !self.subdomains && self.host == other.host
        };
        port_ok && host_ok
    }

    /// Whether the scheme is `http` or `https`, the schemes of web pages.
    pub fn is_web(&self) -> bool {
        self.scheme == "http" || self.scheme == "https"
    }

    pub(crate) fn default_port(scheme: &str) -> Option<u16> {
        match scheme {
            "https" | "wss" => Some(443),
            "http" | "ws" => Some(80),
            _ => None,
        }
    }
}
