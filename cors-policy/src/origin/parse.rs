//! Parsing a configured origin entry, one step at a time: the text as a whole, the scheme,
//! the authority (no path, query, fragment or userinfo), the port, then the host (an IPv6
//! address, or a DNS name or IPv4 address, possibly behind a `*.` wildcard).
//!
//! Each step either hands the next one what it parsed or returns why the entry is not in the
//! form browsers send, with a fix. A fix that suggests another entry is only offered when that
//! entry is itself accepted ([`parse_pattern`] checks it).

use std::net::{Ipv4Addr, Ipv6Addr};

use super::{EntryList, OriginPattern, PortSpec};
use crate::{MAX_ORIGIN_LEN, Rule};

/// Why an entry is not an origin pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OriginError {
    /// The rule it breaks.
    pub rule: Rule,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

fn err(rule: Rule, message: impl Into<String>, fix: impl Into<String>) -> OriginError {
    OriginError { rule, message: message.into(), fix: fix.into() }
}

fn did_you_mean(s: &str) -> String {
    format!("did you mean `{s}`?")
}

/// Schemes that never appear in a browser's `Origin`: their documents have an opaque origin
/// (`null`) or none at all, and a WebSocket handshake carries its page's `http(s)` origin.
const NOT_ORIGIN_SCHEMES: [&str; 7] = ["ws", "wss", "ftp", "data", "blob", "about", "javascript"];

/// Parses one configured entry of `list`. Policy-level rules (insecure schemes, loopback
/// hosts, public suffixes, duplicates) are checked by [`validate`](crate::validate); this
/// only decides whether the entry is a well-formed pattern.
pub fn parse_pattern(s: &str, list: EntryList) -> Result<OriginPattern, OriginError> {
    parse_with_checked_fix(s, list, 0)
}

/// A valid origin close to `candidate`, if there is one: `candidate` itself, or what its
/// error suggests.
pub fn suggest(candidate: &str, list: EntryList) -> Option<String> {
    match parse_pattern(candidate, list) {
        Ok(_) => Some(candidate.to_owned()),
        Err(e) => suggested(&e).map(str::to_owned),
    }
}

/// The fix text of an error, when it is a single suggested entry.
fn suggested(e: &OriginError) -> Option<&str> {
    e.fix.strip_prefix("did you mean `")?.strip_suffix("`?")
}

/// A suggestion that would be rejected in turn is replaced by the one that error suggests
/// (`http://x:443` → `https://x:443` → `https://x`), a few steps deep.
fn parse_with_checked_fix(s: &str, list: EntryList, depth: u8) -> Result<OriginPattern, OriginError> {
    let mut e = match parse_entry(s, list) {
        Ok(p) => return Ok(p),
        Err(e) => e,
    };
    let candidate = suggested(&e).filter(|_| depth < 4).map(str::to_owned);
    if let Some(Err(next)) = candidate.map(|c| parse_with_checked_fix(&c, list, depth + 1)) {
        e.fix = match suggested(&next) {
            Some(better) => did_you_mean(better),
            None => format!("{}; {}", next.message, next.fix),
        };
    }
    Err(e)
}

fn parse_entry(s: &str, list: EntryList) -> Result<OriginPattern, OriginError> {
    check_text(s)?;
    check_origin_scheme(s)?;
    check_literal(s)?;
    let (scheme, rest) = split_scheme(s)?;
    check_authority_only(scheme, rest)?;
    check_lower_case(s, scheme, rest)?;
    check_scheme(scheme)?;
    let (host, port_text) = split_port(rest)?;
    let entry = Parts { scheme, port_text };
    let port = parse_port(&entry, host, list)?;
    if host.is_empty() {
        return Err(err(Rule::EmptyHost, "origin has no host", "write an origin such as `https://app.example.com`"));
    }
    if host.starts_with('[') {
        check_ipv6(&entry, host)?;
        return Ok(OriginPattern { scheme: scheme.into(), host: host.into(), subdomains: false, port });
    }
    let (subdomains, base) = split_wildcard(&entry, host)?;
    check_dns_or_ipv4(&entry, base, subdomains)?;
    Ok(OriginPattern { scheme: scheme.into(), host: base.into(), subdomains, port })
}

/// The scheme and port text of the entry being parsed, to rebuild it around a fixed host.
struct Parts<'a> {
    scheme: &'a str,
    port_text: Option<&'a str>,
}

impl Parts<'_> {
    fn with_host(&self, host: &str) -> String {
        match self.port_text {
            Some(p) => format!("{}://{host}:{p}", self.scheme),
            None => self.without_port(host),
        }
    }

    fn without_port(&self, host: &str) -> String {
        format!("{}://{host}", self.scheme)
    }
}

/// Step 1: the entry as a whole, before it is split.
fn check_text(s: &str) -> Result<(), OriginError> {
    if s.len() > MAX_ORIGIN_LEN {
        return Err(err(
            Rule::TooLong,
            format!("origin is {} bytes long; no browser sends an origin above {MAX_ORIGIN_LEN} bytes", s.len()),
            "shorten it to a real `scheme://host[:port]` origin",
        ));
    }
    if s.eq_ignore_ascii_case("null") {
        return Err(err(
            Rule::NullOrigin,
            "the `null` origin must never be allowed: sandboxed iframes, `data:` and `file:` documents all send it",
            "remove it and list the real origins of your pages",
        ));
    }
    if s.is_empty() {
        return Err(err(Rule::MissingScheme, "origin is empty", "write an origin such as `https://app.example.com`"));
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        let t = s.trim();
        let fix = if !t.is_empty() && !t.chars().any(|c| c.is_whitespace() || c.is_control()) {
            did_you_mean(t)
        } else {
            "remove the whitespace; browsers never send it in an origin".into()
        };
        return Err(err(Rule::Whitespace, "origin contains whitespace or control characters", fix));
    }
    Ok(())
}

/// Step 2: schemes whose documents never send an origin are named before anything else is
/// said about the entry (`javascript:alert(1)` is not a regular expression).
fn check_origin_scheme(s: &str) -> Result<(), OriginError> {
    let scheme = &s[..s.find(':').unwrap_or(s.len())];
    if scheme.eq_ignore_ascii_case("file") {
        return Err(file_scheme());
    }
    match NOT_ORIGIN_SCHEMES.iter().find(|n| n.eq_ignore_ascii_case(scheme)) {
        Some(named) => Err(not_an_origin_scheme(named)),
        None => Ok(()),
    }
}

/// Step 3: an entry is a literal origin, not a pattern language.
fn check_literal(s: &str) -> Result<(), OriginError> {
    if let Some(c) = regex_like(s) {
        return Err(err(
            Rule::RegexSyntax,
            format!("origin contains `{c}`: origins are literal strings, not regular expressions"),
            "write each origin literally, and `https://*.example.com` to allow every subdomain",
        ));
    }
    Ok(())
}

/// Step 4: `scheme://` and the rest.
fn split_scheme(s: &str) -> Result<(&str, &str), OriginError> {
    match s.find("://") {
        Some(sep) => Ok((&s[..sep], &s[sep + 3..])),
        None => Err(missing_scheme(s)),
    }
}

fn missing_scheme(s: &str) -> OriginError {
    // `https//host` and `https:/host` lost a `:` or a `/`; anything else lost its scheme.
    let fixed = ["https//", "http//", "https:/", "http:/"]
        .iter()
        .find_map(|typo| s.strip_prefix(typo).map(|host| (typo.trim_end_matches([':', '/']), host)))
        .map_or_else(|| format!("https://{}", s.trim_matches('/')), |(scheme, host)| format!("{scheme}://{host}"));
    err(Rule::MissingScheme, "origin has no scheme: an origin is `scheme://host[:port]`", did_you_mean(&fixed))
}

/// Step 5: nothing after the authority, and no userinfo in it.
fn check_authority_only(scheme: &str, rest: &str) -> Result<(), OriginError> {
    if let Some(pos) = rest.find(['/', '?', '#']) {
        let head = format!("{scheme}://{}", &rest[..pos]);
        let (rule, message) = match rest.as_bytes()[pos] {
            b'/' if pos + 1 == rest.len() => {
                (Rule::Path, "origin must not end with `/`: an origin has no path".to_string())
            }
            b'/' => (Rule::Path, format!("origin must be `scheme://host[:port]`, found the path `{}`", &rest[pos..])),
            b'?' => (Rule::Query, "origin must be `scheme://host[:port]`, found a query".to_string()),
            _ => (Rule::Fragment, "origin must be `scheme://host[:port]`, found a fragment".to_string()),
        };
        return Err(err(rule, message, did_you_mean(&head)));
    }
    if let Some(at) = rest.rfind('@') {
        return Err(err(
            Rule::Userinfo,
            "origin contains userinfo (`user@`); browsers never send it",
            did_you_mean(&format!("{scheme}://{}", &rest[at + 1..])),
        ));
    }
    Ok(())
}

/// Step 6: browsers send the scheme and host in lower case, and the match is byte-exact.
fn check_lower_case(s: &str, scheme: &str, rest: &str) -> Result<(), OriginError> {
    if scheme.bytes().chain(rest.bytes()).any(|b| b.is_ascii_uppercase()) {
        return Err(err(
            Rule::UppercaseOrigin,
            "origin has upper-case letters; browsers send the scheme and host in lower case and the match is byte-exact",
            did_you_mean(&s.to_ascii_lowercase()),
        ));
    }
    Ok(())
}

/// Step 7: the scheme's syntax (RFC 3986 §3.1).
fn check_scheme(scheme: &str) -> Result<(), OriginError> {
    let b = scheme.as_bytes();
    let valid = !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_lowercase()
        && b.iter().all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.'));
    if !valid {
        return Err(err(
            Rule::InvalidScheme,
            format!("`{scheme}` is not a valid URL scheme"),
            "use `https`, or a custom scheme made of letters, digits, `+`, `-` and `.`",
        ));
    }
    Ok(())
}

/// Step 8: host and port text, split at the last `:` outside IPv6 brackets.
fn split_port(rest: &str) -> Result<(&str, Option<&str>), OriginError> {
    if !rest.starts_with('[') {
        return Ok(match rest.rfind(':') {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        });
    }
    let Some(close) = rest.find(']') else {
        return Err(err(Rule::InvalidIpv6, "IPv6 address is missing its closing `]`", "write it as `[::1]`"));
    };
    let after = &rest[close + 1..];
    match after.strip_prefix(':') {
        Some(p) => Ok((&rest[..=close], Some(p))),
        None if after.is_empty() => Ok((&rest[..=close], None)),
        None => {
            Err(err(Rule::InvalidHostChar, "unexpected text after the IPv6 address", "write `scheme://[address]:port`"))
        }
    }
}

/// Step 9: the port, as browsers serialise it: no default port, no leading zero, `:*` only
/// in `dev_origins`.
fn parse_port(entry: &Parts<'_>, host: &str, list: EntryList) -> Result<PortSpec, OriginError> {
    let Some(p) = entry.port_text else { return Ok(PortSpec::Default) };
    match p {
        "*" if list == EntryList::Dev => Ok(PortSpec::Any),
        "*" => Err(err(
            Rule::AnyPortOutsideDev,
            "`:*` (any port) is only allowed in `dev_origins`",
            "list the exact port, or move a local origin to `dev_origins`",
        )),
        "" => {
            Err(err(Rule::InvalidPort, "origin ends with `:` but has no port", did_you_mean(&entry.without_port(host))))
        }
        p if !p.bytes().all(|b| b.is_ascii_digit()) => {
            Err(err(Rule::InvalidPort, format!("`{p}` is not a port number"), "use a port from 1 to 65535"))
        }
        p if p.len() > 1 && p.starts_with('0') => {
            let trimmed = p.trim_start_matches('0');
            let trimmed = if trimmed.is_empty() { "0" } else { trimmed };
            Err(err(
                Rule::PortLeadingZero,
                format!("port `{p}` has a leading zero; browsers never send one"),
                did_you_mean(&format!("{}:{trimmed}", entry.without_port(host))),
            ))
        }
        p => match p.parse::<u32>() {
            Ok(n @ 1..=65535) if OriginPattern::default_port(entry.scheme) == Some(n as u16) => Err(err(
                Rule::DefaultPort,
                format!("`:{n}` is the default port of `{}`; browsers omit it, so this never matches", entry.scheme),
                did_you_mean(&entry.without_port(host)),
            )),
            Ok(n @ 1..=65535) => Ok(PortSpec::Port(n as u16)),
            _ => Err(err(Rule::PortRange, format!("port `{p}` is outside 1..=65535"), "use a port from 1 to 65535")),
        },
    }
}

/// Step 10a: a bracketed IPv6 host, in the RFC 5952 form browsers send.
fn check_ipv6(entry: &Parts<'_>, host: &str) -> Result<(), OriginError> {
    let inner = &host[1..host.len() - 1];
    if inner.contains('%') {
        let bare = inner.split('%').next().unwrap_or_default();
        return Err(err(
            Rule::Ipv6ZoneId,
            "IPv6 zone ids (`%eth0`) are never part of an origin",
            did_you_mean(&entry.with_host(&format!("[{bare}]"))),
        ));
    }
    let Ok(ip) = inner.parse::<Ipv6Addr>() else {
        return Err(err(
            Rule::InvalidIpv6,
            format!("`{inner}` is not an IPv6 address"),
            "write an RFC 5952 address such as `[::1]`",
        ));
    };
    if let Some(v4) = ip.to_ipv4_mapped() {
        return Err(err(
            Rule::Ipv4MappedIpv6,
            "IPv4-mapped IPv6 addresses are never sent as origins; browsers use the dotted quad",
            did_you_mean(&entry.with_host(&v4.to_string())),
        ));
    }
    let canonical = ip.to_string();
    if canonical != inner {
        return Err(err(
            Rule::NonCanonicalIpv6,
            "IPv6 address is not in the RFC 5952 form browsers send",
            did_you_mean(&entry.with_host(&format!("[{canonical}]"))),
        ));
    }
    Ok(())
}

/// Step 10b: a leading `*.` label, the only wildcard there is.
fn split_wildcard<'h>(entry: &Parts<'_>, host: &'h str) -> Result<(bool, &'h str), OriginError> {
    if !host.contains('*') {
        return Ok((false, host));
    }
    if host.starts_with("**") {
        return Err(err(
            Rule::DoubleWildcard,
            "`**` is not a wildcard: `*.` already matches one or more labels",
            did_you_mean(&entry.with_host(&format!("*.{}", host.trim_start_matches(['*', '.'])))),
        ));
    }
    match host.strip_prefix("*.") {
        Some(base) if !base.contains('*') => Ok((true, base)),
        _ if host.starts_with('*') => {
            let base = host.trim_start_matches('*');
            Err(err(
                Rule::WildcardNoDot,
                "`*` must be followed by `.`: a wildcard matches whole labels only",
                format!(
                    "write `{}` for the subdomains, or `{}` for the host itself",
                    entry.with_host(&format!("*.{base}")),
                    entry.with_host(base)
                ),
            ))
        }
        _ => Err(err(
            Rule::WildcardMisplaced,
            "`*.` may only be the first label of the host",
            "write `scheme://*.example.com` to allow every subdomain of `example.com`",
        )),
    }
}

/// Step 11: a DNS name in its ASCII form, or a canonical IPv4 address (the WHATWG URL parser
/// reads any host ending in a number as one).
fn check_dns_or_ipv4(entry: &Parts<'_>, base: &str, subdomains: bool) -> Result<(), OriginError> {
    let star = if subdomains { "*." } else { "" };
    if !base.is_ascii() {
        let fix = match idna::domain_to_ascii(base) {
            Ok(ascii) => did_you_mean(&entry.with_host(&format!("{star}{ascii}"))),
            Err(_) => "write the host in its Punycode (`xn--`) form".into(),
        };
        return Err(err(Rule::NonAsciiHost, "non-ASCII host: browsers send internationalised hosts in Punycode", fix));
    }
    if let Some(c) =
        base.chars().find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_')))
    {
        return Err(err(
            Rule::InvalidHostChar,
            format!("`{c}` is not allowed in a host"),
            "a host is made of letters, digits, `-`, `_` and `.`",
        ));
    }
    if base.ends_with("..") {
        return Err(err(
            Rule::TrailingDots,
            "host ends with more than one `.`",
            did_you_mean(&entry.with_host(&format!("{star}{}", base.trim_end_matches('.')))),
        ));
    }
    let name = base.strip_suffix('.').unwrap_or(base);
    if name.split('.').any(str::is_empty) {
        return Err(err(Rule::EmptyLabel, "host has an empty label (`..`, or a leading `.`)", "remove the extra `.`"));
    }
    check_dns_lengths(name, star)?;
    let last = name.rsplit('.').next().unwrap_or_default();
    if ends_in_number(last) {
        return check_ipv4(entry, base, name, subdomains);
    }
    if let Some(label) = name.split('.').find(|l| l.len() >= 4 && l[2..4] == *"--" && !valid_a_label(l)) {
        return Err(err(
            Rule::InvalidPunycode,
            format!("`{label}` is not a valid IDNA (Punycode) label"),
            "write the Punycode that your DNS name really has, as browsers send it",
        ));
    }
    Ok(())
}

/// DNS limits (RFC 1035 §2.3.4): a label is at most 63 bytes, a name at most 253. A leading
/// `*.` counts: it stands for at least one label and its dot, so `*.base` admits no host shorter.
fn check_dns_lengths(name: &str, star: &str) -> Result<(), OriginError> {
    let len = star.len() + name.len();
    if len > 253 {
        return Err(err(
            Rule::HostTooLong,
            format!("host is {len} bytes long; a DNS name is at most 253 bytes"),
            "use the real DNS name of the site",
        ));
    }
    if let Some(l) = name.split('.').find(|l| l.len() > 63) {
        return Err(err(
            Rule::LabelTooLong,
            format!("label `{}…` is {} bytes long; a DNS label is at most 63 bytes", &l[..16], l.len()),
            "use the real DNS name of the site",
        ));
    }
    Ok(())
}

fn check_ipv4(entry: &Parts<'_>, base: &str, name: &str, subdomains: bool) -> Result<(), OriginError> {
    if subdomains {
        return Err(err(
            Rule::WildcardIp,
            "`*.` cannot be combined with an IP address",
            "list each address explicitly",
        ));
    }
    let canonical = name.parse::<Ipv4Addr>().ok().filter(|ip| ip.to_string() == name);
    if canonical.is_none() || base.ends_with('.') {
        let fix = match whatwg_ipv4(name) {
            Some(ip) => did_you_mean(&entry.with_host(&ip.to_string())),
            None => "write the address as a canonical dotted quad such as `127.0.0.1`".into(),
        };
        return Err(err(
            Rule::NonCanonicalIpv4,
            "a host ending in a number must be an IPv4 address in canonical dotted-quad form",
            fix,
        ));
    }
    Ok(())
}

/// The WHATWG URL "ends in a number" test: such a host is parsed as an IPv4 address.
fn ends_in_number(last: &str) -> bool {
    if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    last.strip_prefix("0x")
        .or_else(|| last.strip_prefix("0X"))
        .is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn file_scheme() -> OriginError {
    err(
        Rule::FileScheme,
        "`file:` documents have the opaque origin `null`; allowing them would allow every sandboxed page",
        "serve the page over `https`, or from a loopback `dev_origins` entry during development",
    )
}

fn not_an_origin_scheme(scheme: &str) -> OriginError {
    let (why, fix) = match scheme {
        "ws" | "wss" => (
            "a WebSocket handshake carries the `http(s)` origin of the page that opens it",
            "list that page's origin, such as `https://app.example.com`",
        ),
        _ => (
            "its documents have the opaque origin `null` or none at all",
            "remove it, and list the `https` origins of your pages",
        ),
    };
    err(Rule::ForbiddenScheme, format!("`{scheme}:` never appears in a browser's `Origin`: {why}"), fix)
}

fn regex_like(s: &str) -> Option<&'static str> {
    // `.*` followed by anything but `.` is a regex; `a.*.b` is a misplaced wildcard.
    if s.match_indices(".*").any(|(i, _)| s.as_bytes().get(i + 2) != Some(&b'.')) {
        return Some(".*");
    }
    let host_bracket = s.find("://").map(|i| i + 3);
    for (i, c) in s.char_indices() {
        let hit = match c {
            '\\' => "\\",
            '^' => "^",
            '$' => "$",
            '(' => "(",
            ')' => ")",
            '|' => "|",
            '{' => "{",
            '}' => "}",
            '+' if host_bracket.is_some_and(|h| i >= h) => "+",
            '[' if Some(i) != host_bracket => "[",
            _ => continue,
        };
        return Some(hit);
    }
    None
}

/// A label of the form `ab--…` must be a valid A-label that round-trips through IDNA.
fn valid_a_label(label: &str) -> bool {
    if !label.starts_with("xn--") {
        // Hyphens in positions 3 and 4 are reserved for IDNA (RFC 5891 §4.2.3.1).
        return false;
    }
    let (unicode, res) = idna::domain_to_unicode(label);
    res.is_ok() && unicode != label && idna::domain_to_ascii_strict(&unicode).is_ok_and(|a| a == label)
}

/// The WHATWG URL IPv4 parser (decimal, octal `0…` and hex `0x…` parts), for suggestions only.
fn whatwg_ipv4(host: &str) -> Option<Ipv4Addr> {
    let parts: Vec<&str> = host.split('.').collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let mut nums = Vec::with_capacity(4);
    for p in &parts {
        if p.is_empty() {
            return None;
        }
        let (digits, radix) = if let Some(h) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X")) {
            (h, 16)
        } else if p.len() > 1 && p.starts_with('0') {
            (&p[1..], 8)
        } else {
            (*p, 10)
        };
        nums.push(if digits.is_empty() { 0 } else { u64::from_str_radix(digits, radix).ok()? });
    }
    let last = nums.pop()?;
    if nums.iter().any(|&n| n > 255) || last >= 256u64.pow(5 - parts.len() as u32) {
        return None;
    }
    let mut v = last;
    for (i, n) in nums.iter().enumerate() {
        v += n << (8 * (3 - i));
    }
    Some(Ipv4Addr::from(v as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str, list: EntryList) -> OriginPattern {
        parse_pattern(s, list).unwrap_or_else(|e| panic!("{s}: {e:?}"))
    }

    fn rule(s: &str, list: EntryList) -> Rule {
        parse_pattern(s, list).expect_err(s).rule
    }

    #[test]
    fn accepts_browser_forms() {
        assert_eq!(ok("https://example.com", EntryList::Origins).key(), "https://example.com");
        assert_eq!(ok("https://*.example.com:8443", EntryList::Origins).key(), "https://*.example.com:8443");
        assert_eq!(ok("http://localhost:*", EntryList::Dev).key(), "http://localhost:*");
        assert_eq!(ok("http://[::1]:8080", EntryList::Dev).port, PortSpec::Port(8080));
        assert_eq!(ok("https://example.com.", EntryList::Origins).host, "example.com.");
        assert_eq!(ok("https://xn--bcher-kva.example", EntryList::Origins).host, "xn--bcher-kva.example");
        assert_eq!(ok("https://example.com:65535", EntryList::Origins).port, PortSpec::Port(65535));
        assert_eq!(ok("https://example.com:1", EntryList::Origins).port, PortSpec::Port(1));
        assert_eq!(ok("http://example.com:443", EntryList::Origins).port, PortSpec::Port(443));
        assert_eq!(ok("https://255.255.255.255", EntryList::Origins).host, "255.255.255.255");
        assert_eq!(ok("https://example.1a", EntryList::Origins).host, "example.1a");
        ok("tauri://localhost", EntryList::Origins);
        ok("chrome-extension://abcdefghijklmnopabcdefghijklmnop", EntryList::Origins);
    }

    #[test]
    fn rejects_each_malformation() {
        let cases = [
            ("null", Rule::NullOrigin),
            ("javascript:alert(1)", Rule::ForbiddenScheme),
            ("data:text/html,x", Rule::ForbiddenScheme),
            ("file:///srv/app", Rule::FileScheme),
            ("FILE://x", Rule::FileScheme),
            ("example.com", Rule::MissingScheme),
            ("https://example.com/", Rule::Path),
            ("https://example.com/app", Rule::Path),
            ("https://example.com?x=1", Rule::Query),
            ("https://example.com#nav", Rule::Fragment),
            ("https://user:pw@example.com", Rule::Userinfo),
            (" https://example.com ", Rule::Whitespace),
            ("https://exa\tmple.com", Rule::Whitespace),
            ("https://example.com:443", Rule::DefaultPort),
            ("http://example.com:80", Rule::DefaultPort),
            ("https://example.com:0", Rule::PortRange),
            ("https://example.com:65536", Rule::PortRange),
            ("https://example.com:123456", Rule::PortRange),
            ("https://example.com:08443", Rule::PortLeadingZero),
            ("https://example.com:", Rule::InvalidPort),
            ("https://example.com:-1", Rule::InvalidPort),
            ("https://Example.com", Rule::UppercaseOrigin),
            ("HTTPS://example.com", Rule::UppercaseOrigin),
            ("https://bücher.example", Rule::NonAsciiHost),
            ("https://xn--f.example", Rule::InvalidPunycode),
            ("https://ab--c.example", Rule::InvalidPunycode),
            ("https://example..com", Rule::EmptyLabel),
            ("https://.example.com", Rule::EmptyLabel),
            ("https://example.com..", Rule::TrailingDots),
            ("http://127.1:8080", Rule::NonCanonicalIpv4),
            ("http://0x7f.0.0.1", Rule::NonCanonicalIpv4),
            ("http://127.000.0.1", Rule::NonCanonicalIpv4),
            ("http://foo.255", Rule::NonCanonicalIpv4),
            ("http://foo.0x1f", Rule::NonCanonicalIpv4),
            ("http://[0:0:0:0:0:0:0:1]:8080", Rule::NonCanonicalIpv6),
            ("http://[::ffff:7f00:1]:8080", Rule::Ipv4MappedIpv6),
            ("http://[fe80::1%eth0]:8080", Rule::Ipv6ZoneId),
            ("http://[::1", Rule::InvalidIpv6),
            ("http://[zz::1]", Rule::InvalidIpv6),
            ("https://*example.com", Rule::WildcardNoDot),
            ("https://api.*.example.com", Rule::WildcardMisplaced),
            ("https://**.example.com", Rule::DoubleWildcard),
            ("https://*.192.0.2.1", Rule::WildcardIp),
            ("https://.*\\.example\\.com", Rule::RegexSyntax),
            ("https://(a|b).example.com", Rule::RegexSyntax),
            ("^https://example.com$", Rule::RegexSyntax),
            ("https://app.example.com:*", Rule::AnyPortOutsideDev),
            ("https://exam%60ple.com", Rule::InvalidHostChar),
            ("https://www.example.com}.evil.com", Rule::RegexSyntax),
            ("HTTPS://", Rule::UppercaseOrigin),
            ("https://", Rule::EmptyHost),
            ("1https://x", Rule::InvalidScheme),
            ("abcdé.com", Rule::MissingScheme),
            ("日本.jp", Rule::MissingScheme),
        ];
        for (s, r) in cases {
            assert_eq!(rule(s, EntryList::Origins), r, "{s}");
        }
        assert_eq!(rule(&format!("https://{}.com", "a".repeat(330)), EntryList::Origins), Rule::TooLong);
        assert_eq!(rule(&format!("https://{}.com", "a".repeat(64)), EntryList::Origins), Rule::LabelTooLong);
        let long_host = vec!["a".repeat(60); 5].join(".");
        assert_eq!(rule(&format!("https://{long_host}"), EntryList::Origins), Rule::HostTooLong);
    }

    #[test]
    fn fixes_are_concrete() {
        let e = parse_pattern("https://example.com/", EntryList::Origins).unwrap_err();
        assert_eq!(e.fix, "did you mean `https://example.com`?");
        let e = parse_pattern("https://bücher.example", EntryList::Origins).unwrap_err();
        assert_eq!(e.fix, "did you mean `https://xn--bcher-kva.example`?");
        let e = parse_pattern("http://127.1:8080", EntryList::Dev).unwrap_err();
        assert_eq!(e.fix, "did you mean `http://127.0.0.1:8080`?");
        let e = parse_pattern("http://[0:0:0:0:0:0:0:1]:8080", EntryList::Dev).unwrap_err();
        assert_eq!(e.fix, "did you mean `http://[::1]:8080`?");
        let e = parse_pattern("https://Example.com", EntryList::Origins).unwrap_err();
        assert_eq!(e.fix, "did you mean `https://example.com`?");
        let e = parse_pattern("https://example.com:443", EntryList::Origins).unwrap_err();
        assert_eq!(e.fix, "did you mean `https://example.com`?");
    }

    #[test]
    fn loopback_and_coverage() {
        assert!(ok("http://localhost:3000", EntryList::Dev).is_loopback());
        assert!(ok("http://dev.localhost", EntryList::Dev).is_loopback());
        assert!(ok("http://127.9.9.9", EntryList::Dev).is_loopback());
        assert!(ok("http://[::1]", EntryList::Dev).is_loopback());
        assert!(!ok("http://localhost.evil.com", EntryList::Dev).is_loopback());
        assert!(!ok("http://alocalhost", EntryList::Dev).is_loopback());
        let w = ok("https://*.example.com", EntryList::Origins);
        assert!(ok("https://api.example.com", EntryList::Origins).covered_by(&w));
        assert!(ok("https://*.api.example.com", EntryList::Origins).covered_by(&w));
        assert!(!ok("https://example.com", EntryList::Origins).covered_by(&w));
        assert!(!ok("https://evil-example.com", EntryList::Origins).covered_by(&w));
        assert!(!ok("https://api.example.com:8443", EntryList::Origins).covered_by(&w));
        assert!(!ok("http://api.example.com", EntryList::Origins).covered_by(&w));
        assert!(ok("http://localhost:3000", EntryList::Dev).covered_by(&ok("http://localhost:*", EntryList::Dev)));
        assert!(!w.covered_by(&w));
    }
}
