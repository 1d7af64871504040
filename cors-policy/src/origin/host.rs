//! What kind of host a pattern names: loopback, the developer's local network, or a site
//! under a public suffix. Policy rules use these; the parser does not.

use std::cell::Cell;
use std::net::{Ipv4Addr, Ipv6Addr};

use psl::Psl;

use super::OriginPattern;

impl OriginPattern {
    /// The host without its trailing dot, if any.
    fn bare_host(&self) -> &str {
        self.host.strip_suffix('.').unwrap_or(&self.host)
    }

    fn ipv4(&self) -> Option<Ipv4Addr> {
        if self.subdomains { None } else { self.bare_host().parse().ok() }
    }

    fn ipv6(&self) -> Option<Ipv6Addr> {
        let inner = self.host.strip_prefix('[')?.strip_suffix(']')?;
        inner.parse().ok()
    }

    /// Whether the host is a loopback name or address: `localhost`, `*.localhost`,
    /// `127.0.0.0/8` or `[::1]` (RFC 6761, RFC 1122).
    pub fn is_loopback(&self) -> bool {
        let h = self.bare_host();
        h == "localhost"
            || h.ends_with(".localhost")
            || self.ipv4().is_some_and(|ip| ip.is_loopback())
            || self.ipv6().is_some_and(|ip| ip.is_loopback())
    }

    /// Whether the host is on the developer's own network: a private or link-local address
    /// (`10/8`, `172.16/12`, `192.168/16`, `169.254/16`, `fc00::/7`, `fe80::/10`) or a
    /// multicast-DNS name under `.local` (RFC 6762).
    pub fn is_local_network(&self) -> bool {
        let h = self.bare_host();
        (self.subdomains && h == "local")
            || h.ends_with(".local")
            || self.ipv4().is_some_and(|ip| ip.is_private() || ip.is_link_local())
            || self.ipv6().is_some_and(|ip| ip.is_unique_local() || ip.is_unicast_link_local())
    }

    /// Whether `*.host` admits sites that anyone can register: `host` is itself a public
    /// suffix (`com`, `github.io`, or a top-level domain the list does not name, which the
    /// list's default rule makes one), or a public suffix lies below it (`amazonaws.com`, below
    /// which `s3.amazonaws.com` is one). Only meaningful for `*.` patterns over DNS names.
    pub fn admits_public_suffix(&self) -> bool {
        let host = self.bare_host();
        let whole = psl::suffix(host.as_bytes()).is_some_and(|s| s.as_bytes() == host.as_bytes());
        whole || has_rule_below(host)
    }
}

/// Whether the public-suffix list has a rule for some name strictly below `domain`.
///
/// The list is walked from the top-level label down by [`Psl::find`], which takes the labels
/// as an iterator and asks for the next one only where the list has rules below the labels
/// seen so far. Feeding it exactly the labels of `domain` and watching whether it asks for one
/// more answers the question without copying the list. Should a version of the crate ever
/// read ahead regardless, every wildcard would look dangerous: the rule would fail closed,
/// and the tests in this module would say so.
fn has_rule_below(domain: &str) -> bool {
    struct Labels<'a> {
        rest: std::iter::Rev<std::str::Split<'a, char>>,
        asked_below: &'a Cell<bool>,
    }
    impl<'a> Iterator for Labels<'a> {
        type Item = &'a [u8];
        fn next(&mut self) -> Option<&'a [u8]> {
            let next = self.rest.next().map(str::as_bytes);
            if next.is_none() {
                self.asked_below.set(true);
            }
            next
        }
    }
    let asked_below = Cell::new(false);
    psl::List.find(Labels { rest: domain.split('.').rev(), asked_below: &asked_below });
    asked_below.get()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::origin::{EntryList, parse_pattern};

    fn p(s: &str) -> OriginPattern {
        parse_pattern(s, EntryList::Dev).unwrap_or_else(|e| panic!("{s}: {e:?}"))
    }

    #[test]
    fn loopback() {
        for s in [
            "http://localhost:3000",
            "http://dev.localhost",
            "http://*.localhost:*",
            "http://127.9.9.9",
            "http://[::1]",
        ] {
            assert!(p(s).is_loopback(), "{s}");
        }
        for s in ["http://localhost.evil.com", "http://alocalhost", "http://128.0.0.1", "http://[::2]"] {
            assert!(!p(s).is_loopback(), "{s}");
        }
    }

    #[test]
    fn local_network() {
        for s in [
            "http://10.0.0.5",
            "http://172.16.0.1",
            "http://172.31.255.255",
            "http://192.168.1.20:5173",
            "http://169.254.1.1",
            "http://[fd00::5]:3000",
            "http://[fc00::1]",
            "http://[fe80::1]",
            "http://my-laptop.local:5173",
            "http://*.local:*",
        ] {
            assert!(p(s).is_local_network(), "{s}");
        }
        for s in [
            "http://8.8.8.8:3000",
            "http://172.32.0.1",
            "http://11.0.0.1",
            "http://[2001:db8::1]",
            "http://localhost",
            "http://local.example",
            "http://local",
        ] {
            assert!(!p(s).is_local_network(), "{s}");
        }
    }

    #[test]
    fn public_suffix_below_or_at_the_base() {
        for s in [
            "https://*.com",
            "https://*.github.io",
            "https://*.amazonaws.com",
            "https://*.core.windows.net",
            "https://*.fastly.net",
            "https://*.internal",
            "https://*.zzz",
            "https://*.co.uk",
            "https://*.ck",
        ] {
            assert!(p(s).admits_public_suffix(), "{s}");
        }
        for s in
            ["https://*.example.com", "https://*.example.co.uk", "https://*.corp.internal", "https://*.app.github.io"]
        {
            assert!(!p(s).admits_public_suffix(), "{s}");
        }
    }
}
