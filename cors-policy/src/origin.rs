//! Origin patterns: parsing the configured entries, and matching serialised origins.
//!
//! A configured entry is a serialised origin (`scheme://host[:port]`), byte-exact as browsers
//! send it, optionally with a leading `*.` label (subdomains) or a `:*` port (any port, in
//! `dev_origins` only). Matching never normalises the request's `Origin`: an entry that is not
//! already in browser form could never match, so [`parse_pattern`] rejects it instead.

use std::fmt::Write as _;
use std::net::{Ipv4Addr, Ipv6Addr};

use crate::{MAX_ORIGIN_LEN, Rule};

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

    /// Whether the host is a loopback name or address: `localhost`, `*.localhost`,
    /// `127.0.0.0/8` or `[::1]` (RFC 6761, RFC 1122).
    pub fn is_loopback(&self) -> bool {
        let h = self.host.strip_suffix('.').unwrap_or(&self.host);
        if h == "localhost" || h.ends_with(".localhost") {
            return true;
        }
        if self.subdomains {
            return false;
        }
        if h == "[::1]" {
            return true;
        }
        h.parse::<Ipv4Addr>().is_ok_and(|ip| ip.is_loopback())
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

    fn default_port(scheme: &str) -> Option<u16> {
        match scheme {
            "https" | "wss" => Some(443),
            "http" | "ws" => Some(80),
            _ => None,
        }
    }
}

/// Parses one configured entry. `dev` says whether it comes from `dev_origins`, where `:*` is
/// allowed. Policy-level rules (insecure schemes, loopback, duplicates) are checked by
/// [`validate`](crate::validate); this only decides whether the entry is a well-formed pattern.
pub fn parse_pattern(s: &str, dev: bool) -> Result<OriginPattern, OriginError> {
    parse_pattern_checked(s, dev, 0)
}

/// The fix text of an error, when it is a single suggested entry.
fn suggested(e: &OriginError) -> Option<&str> {
    e.fix.strip_prefix("did you mean `")?.strip_suffix("`?")
}

/// A suggestion is only made when it is itself valid: a suggestion that would be rejected in
/// turn is replaced by the one that error suggests (`http://x:443` → `https://x:443` →
/// `https://x`), a few steps deep.
fn parse_pattern_checked(s: &str, dev: bool, depth: u8) -> Result<OriginPattern, OriginError> {
    let mut e = match parse_entry(s, dev) {
        Ok(p) => return Ok(p),
        Err(e) => e,
    };
    let candidate = suggested(&e).filter(|_| depth < 4).map(str::to_owned);
    if let Some(Err(next)) = candidate.map(|c| parse_pattern_checked(&c, dev, depth + 1)) {
        e.fix = match suggested(&next) {
            Some(better) => did_you_mean(better),
            None => format!("{}; {}", next.message, next.fix),
        };
    }
    Err(e)
}

/// A valid origin close to `candidate`, if there is one: `candidate` itself, or what its
/// error suggests.
pub fn suggest(candidate: &str, dev: bool) -> Option<String> {
    match parse_pattern(candidate, dev) {
        Ok(_) => Some(candidate.to_owned()),
        Err(e) => suggested(&e).map(str::to_owned),
    }
}

fn parse_entry(s: &str, dev: bool) -> Result<OriginPattern, OriginError> {
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
    if let Some(c) = regex_like(s) {
        return Err(err(
            Rule::RegexSyntax,
            format!("origin contains `{c}`: origins are literal strings, not regular expressions"),
            "write each origin literally, and `https://*.example.com` to allow every subdomain",
        ));
    }
    let Some(sep) = s.find("://") else {
        if s.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("file:")) {
            return Err(file_scheme());
        }
        return Err(err(
            Rule::MissingScheme,
            "origin has no scheme: an origin is `scheme://host[:port]`",
            did_you_mean(&format!("https://{}", s.trim_matches('/'))),
        ));
    };
    let scheme = &s[..sep];
    if scheme.eq_ignore_ascii_case("file") {
        return Err(file_scheme());
    }
    let rest = &s[sep + 3..];
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
    if scheme.bytes().any(|b| b.is_ascii_uppercase()) || rest.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(err(
            Rule::UppercaseOrigin,
            "origin has upper-case letters; browsers send the scheme and host in lower case and the match is byte-exact",
            did_you_mean(&s.to_ascii_lowercase()),
        ));
    }
    let sb = scheme.as_bytes();
    if sb.is_empty()
        || sb.len() > 64
        || !sb[0].is_ascii_lowercase()
        || !sb.iter().all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.'))
    {
        return Err(err(
            Rule::InvalidScheme,
            format!("`{scheme}` is not a valid URL scheme"),
            "use `https`, or a custom scheme made of letters, digits, `+`, `-` and `.`",
        ));
    }

    // Split host and port.
    let (host, port_str) = if rest.starts_with('[') {
        let Some(close) = rest.find(']') else {
            return Err(err(Rule::InvalidIpv6, "IPv6 address is missing its closing `]`", "write it as `[::1]`"));
        };
        let after = &rest[close + 1..];
        match after.strip_prefix(':') {
            Some(p) => (&rest[..=close], Some(p)),
            None if after.is_empty() => (&rest[..=close], None),
            None => {
                return Err(err(
                    Rule::InvalidHostChar,
                    "unexpected text after the IPv6 address",
                    "write `scheme://[address]:port`",
                ));
            }
        }
    } else {
        match rest.rfind(':') {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        }
    };
    let strip_port = |h: &str| format!("{scheme}://{h}");
    let port = match port_str {
        None => PortSpec::Default,
        Some("*") if dev => PortSpec::Any,
        Some("*") => {
            return Err(err(
                Rule::AnyPortOutsideDev,
                "`:*` (any port) is only allowed in `dev_origins`",
                "list the exact port, or move a loopback origin to `dev_origins`",
            ));
        }
        Some("") => {
            return Err(err(
                Rule::InvalidPort,
                "origin ends with `:` but has no port",
                did_you_mean(&strip_port(host)),
            ));
        }
        Some(p) if !p.bytes().all(|b| b.is_ascii_digit()) => {
            return Err(err(Rule::InvalidPort, format!("`{p}` is not a port number"), "use a port from 1 to 65535"));
        }
        Some(p) if p.len() > 1 && p.starts_with('0') => {
            let trimmed = p.trim_start_matches('0');
            return Err(err(
                Rule::PortLeadingZero,
                format!("port `{p}` has a leading zero; browsers never send one"),
                did_you_mean(&format!("{}:{}", strip_port(host), if trimmed.is_empty() { "0" } else { trimmed })),
            ));
        }
        Some(p) => match p.parse::<u32>() {
            Ok(n @ 1..=65535) => {
                let n = n as u16;
                if OriginPattern::default_port(scheme) == Some(n) {
                    return Err(err(
                        Rule::DefaultPort,
                        format!("`:{n}` is the default port of `{scheme}`; browsers omit it, so this never matches"),
                        did_you_mean(&strip_port(host)),
                    ));
                }
                PortSpec::Port(n)
            }
            _ => {
                return Err(err(
                    Rule::PortRange,
                    format!("port `{p}` is outside 1..=65535"),
                    "use a port from 1 to 65535",
                ));
            }
        },
    };

    let rebuild = |h: &str| {
        let mut o = format!("{scheme}://{h}");
        if let Some(p) = port_str {
            o.push(':');
            o.push_str(p);
        }
        o
    };

    if host.is_empty() {
        return Err(err(Rule::EmptyHost, "origin has no host", "write an origin such as `https://app.example.com`"));
    }
    if host.starts_with('[') {
        let inner = &host[1..host.len() - 1];
        if inner.contains('%') {
            let bare = inner.split('%').next().unwrap_or_default();
            return Err(err(
                Rule::Ipv6ZoneId,
                "IPv6 zone ids (`%eth0`) are never part of an origin",
                did_you_mean(&rebuild(&format!("[{bare}]"))),
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
                did_you_mean(&rebuild(&v4.to_string())),
            ));
        }
        let canonical = ip.to_string();
        if canonical != inner {
            return Err(err(
                Rule::NonCanonicalIpv6,
                "IPv6 address is not in the RFC 5952 form browsers send",
                did_you_mean(&rebuild(&format!("[{canonical}]"))),
            ));
        }
        return Ok(OriginPattern { scheme: scheme.into(), host: host.into(), subdomains: false, port });
    }

    let (subdomains, base) = if host.contains('*') {
        if host.starts_with("**") {
            return Err(err(
                Rule::DoubleWildcard,
                "`**` is not a wildcard: `*.` already matches one or more labels",
                did_you_mean(&rebuild(&format!("*.{}", host.trim_start_matches(['*', '.'])))),
            ));
        }
        match host.strip_prefix("*.") {
            Some(base) if !base.contains('*') => (true, base),
            _ if host.starts_with('*') => {
                let base = host.trim_start_matches('*');
                return Err(err(
                    Rule::WildcardNoDot,
                    "`*` must be followed by `.`: a wildcard matches whole labels only",
                    format!(
                        "write `{}` for the subdomains, or `{}` for the host itself",
                        rebuild(&format!("*.{base}")),
                        rebuild(base)
                    ),
                ));
            }
            _ => {
                return Err(err(
                    Rule::WildcardMisplaced,
                    "`*.` may only be the first label of the host",
                    "write `scheme://*.example.com` to allow every subdomain of `example.com`",
                ));
            }
        }
    } else {
        (false, host)
    };

    if !base.is_ascii() {
        let fix = match idna::domain_to_ascii(base) {
            Ok(ascii) => did_you_mean(&rebuild(&if subdomains { format!("*.{ascii}") } else { ascii })),
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
            did_you_mean(&rebuild(&format!("{}{}", if subdomains { "*." } else { "" }, base.trim_end_matches('.')))),
        ));
    }
    let name = base.strip_suffix('.').unwrap_or(base);
    if name.split('.').any(str::is_empty) {
        return Err(err(Rule::EmptyLabel, "host has an empty label (`..`, or a leading `.`)", "remove the extra `.`"));
    }
    if name.len() > 253 {
        return Err(err(Rule::HostTooLong, "host is longer than 253 bytes", "use a real DNS name"));
    }
    if let Some(l) = name.split('.').find(|l| l.len() > 63) {
        return Err(err(
            Rule::LabelTooLong,
            format!("label `{}…` is longer than 63 bytes", &l[..16]),
            "use a real DNS name",
        ));
    }
    let last = name.rsplit('.').next().unwrap_or_default();
    if ends_in_number(last) {
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
                Some(ip) => did_you_mean(&rebuild(&ip.to_string())),
                None => "write the address as a canonical dotted quad such as `127.0.0.1`".into(),
            };
            return Err(err(
                Rule::NonCanonicalIpv4,
                "a host ending in a number must be an IPv4 address in canonical dotted-quad form",
                fix,
            ));
        }
    }
    for label in name.split('.') {
        if label.len() >= 4 && label[2..4] == *"--" && !valid_a_label(label) {
            return Err(err(
                Rule::InvalidPunycode,
                format!("`{label}` is not a valid IDNA (Punycode) label"),
                "write the Punycode that your DNS name really has, as browsers send it",
            ));
        }
    }
    Ok(OriginPattern { scheme: scheme.into(), host: base.into(), subdomains, port })
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
        let (digits, radix) = if let Some(h) = p.strip_prefix("0x").or_else(|| p.strip_prefix("0X")) {
            (h, 16)
        } else if p.len() > 1 && p.starts_with('0') {
            (&p[1..], 8)
        } else {
            (*p, 10)
        };
        let n = if digits.is_empty() { 0 } else { u64::from_str_radix(digits, radix).ok()? };
        if p.is_empty() {
            return None;
        }
        nums.push(n);
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

/// Whether `o` is syntactically a serialised origin as browsers send it: a lower-case scheme,
/// `://`, a lower-case host (`[a-z0-9._-]` labels or a bracketed IPv6 address) and an optional
/// port without leading zeros. Runs in one pass over at most [`MAX_ORIGIN_LEN`] bytes.
pub fn is_serialized_origin(o: &[u8]) -> bool {
    split_origin(o).is_some()
}

/// `(scheme_end, host_end)`: `o[..scheme_end]` is `scheme://`, `o[scheme_end..host_end]` the host,
/// and `o[host_end..]` is empty or `:port`.
fn split_origin(o: &[u8]) -> Option<(usize, usize)> {
    if o.len() > MAX_ORIGIN_LEN || o.is_empty() || !o[0].is_ascii_lowercase() {
        return None;
    }
    let mut i = 1;
    while i < o.len() && (o[i].is_ascii_lowercase() || o[i].is_ascii_digit() || matches!(o[i], b'+' | b'-' | b'.')) {
        i += 1;
    }
    if i > 64 || !o[i..].starts_with(b"://") {
        return None;
    }
    let scheme_end = i + 3;
    let mut j = scheme_end;
    if o.get(j) == Some(&b'[') {
        j += 1;
        let start = j;
        while j < o.len() && (o[j].is_ascii_digit() || matches!(o[j], b'a'..=b'f' | b':' | b'.')) {
            j += 1;
        }
        if j == start || o.get(j) != Some(&b']') {
            return None;
        }
        j += 1;
    } else {
        let start = j;
        let mut prev_dot = true;
        while j < o.len() && o[j] != b':' {
            match o[j] {
                b'.' if prev_dot => return None,
                b'.' => prev_dot = true,
                b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' => prev_dot = false,
                _ => return None,
            }
            j += 1;
        }
        if j == start {
            return None;
        }
    }
    let host_end = j;
    if j < o.len() {
        let port = &o[j + 1..];
        if o[j] != b':'
            || port.is_empty()
            || port.len() > 5
            || port[0] == b'0'
            || !port.iter().all(u8::is_ascii_digit)
            || port.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0')) > 65535
        {
            return None;
        }
    }
    Some((scheme_end, host_end))
}

/// Matches a request's `Origin` value against a set of pattern keys (see [`OriginPattern::key`]).
///
/// `contains` answers whether a key is in the set. The value must be a serialised origin;
/// then the exact key is tried, and, when the set has such patterns, the `*.` forms of each
/// parent domain and the `:*` form of the port. The candidates are built in a stack buffer:
/// no allocation, and the work is bounded by the length of the value, not by the set's size.
pub fn match_origin(origin: &[u8], wildcards: bool, any_port: bool, contains: impl FnMut(&[u8]) -> bool) -> bool {
    match_origin_filtered(origin, wildcards, any_port, |_| true, contains)
}

/// [`match_origin`], skipping every candidate key whose length `len_ok` rejects before it is
/// built: with a set of the pattern keys' lengths, a 150-label origin costs a few candidates,
/// not 150 copies.
pub fn match_origin_filtered(
    origin: &[u8],
    wildcards: bool,
    any_port: bool,
    len_ok: impl Fn(usize) -> bool,
    mut contains: impl FnMut(&[u8]) -> bool,
) -> bool {
    let Some((scheme_end, host_end)) = split_origin(origin) else {
        return false;
    };
    if contains(origin) {
        return true;
    }
    if !wildcards && !any_port {
        return false;
    }
    let host = &origin[scheme_end..host_end];
    let port = &origin[host_end..];
    let mut buf = [0u8; MAX_ORIGIN_LEN + 8];
    let mut try_key = |host_part: &[u8], star: bool, port_part: &[u8]| {
        if !len_ok(scheme_end + usize::from(star) + host_part.len() + port_part.len()) {
            return false;
        }
        let mut n = 0;
        for piece in [&origin[..scheme_end], if star { &b"*"[..] } else { &b""[..] }, host_part, port_part] {
            buf[n..n + piece.len()].copy_from_slice(piece);
            n += piece.len();
        }
        contains(&buf[..n])
    };
    if any_port && try_key(host, false, b":*") {
        return true;
    }
    if wildcards && host[0] != b'[' {
        for (i, &b) in host.iter().enumerate() {
            if b == b'.' && i > 0 {
                let suffix = &host[i..];
                if try_key(suffix, true, port) || (any_port && try_key(suffix, true, b":*")) {
                    return true;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str, dev: bool) -> OriginPattern {
        parse_pattern(s, dev).unwrap_or_else(|e| panic!("{s}: {e:?}"))
    }

    fn rule(s: &str, dev: bool) -> Rule {
        parse_pattern(s, dev).expect_err(s).rule
    }

    #[test]
    fn accepts_browser_forms() {
        assert_eq!(ok("https://example.com", false).key(), "https://example.com");
        assert_eq!(ok("https://*.example.com:8443", false).key(), "https://*.example.com:8443");
        assert_eq!(ok("http://localhost:*", true).key(), "http://localhost:*");
        assert_eq!(ok("http://[::1]:8080", true).port, PortSpec::Port(8080));
        assert_eq!(ok("https://example.com.", false).host, "example.com.");
        assert_eq!(ok("https://xn--bcher-kva.example", false).host, "xn--bcher-kva.example");
        assert_eq!(ok("https://example.com:65535", false).port, PortSpec::Port(65535));
        assert_eq!(ok("https://example.com:1", false).port, PortSpec::Port(1));
        assert_eq!(ok("http://example.com:443", false).port, PortSpec::Port(443));
        assert_eq!(ok("https://255.255.255.255", false).host, "255.255.255.255");
        assert_eq!(ok("https://example.1a", false).host, "example.1a");
        ok("tauri://localhost", false);
        ok("chrome-extension://abcdefghijklmnopabcdefghijklmnop", false);
    }

    #[test]
    fn rejects_each_malformation() {
        let cases = [
            ("null", Rule::NullOrigin),
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
            assert_eq!(rule(s, false), r, "{s}");
        }
        assert_eq!(rule(&format!("https://{}.com", "a".repeat(330)), false), Rule::TooLong);
        assert_eq!(rule(&format!("https://{}.com", "a".repeat(64)), false), Rule::LabelTooLong);
        let long_host = vec!["a".repeat(60); 5].join(".");
        assert_eq!(rule(&format!("https://{long_host}"), false), Rule::HostTooLong);
    }

    #[test]
    fn fixes_are_concrete() {
        let e = parse_pattern("https://example.com/", false).unwrap_err();
        assert_eq!(e.fix, "did you mean `https://example.com`?");
        let e = parse_pattern("https://bücher.example", false).unwrap_err();
        assert_eq!(e.fix, "did you mean `https://xn--bcher-kva.example`?");
        let e = parse_pattern("http://127.1:8080", true).unwrap_err();
        assert_eq!(e.fix, "did you mean `http://127.0.0.1:8080`?");
        let e = parse_pattern("http://[0:0:0:0:0:0:0:1]:8080", true).unwrap_err();
        assert_eq!(e.fix, "did you mean `http://[::1]:8080`?");
        let e = parse_pattern("https://Example.com", false).unwrap_err();
        assert_eq!(e.fix, "did you mean `https://example.com`?");
        let e = parse_pattern("https://example.com:443", false).unwrap_err();
        assert_eq!(e.fix, "did you mean `https://example.com`?");
    }

    #[test]
    fn loopback_and_coverage() {
        assert!(ok("http://localhost:3000", true).is_loopback());
        assert!(ok("http://dev.localhost", true).is_loopback());
        assert!(ok("http://127.9.9.9", true).is_loopback());
        assert!(ok("http://[::1]", true).is_loopback());
        assert!(!ok("http://localhost.evil.com", true).is_loopback());
        assert!(!ok("http://alocalhost", true).is_loopback());
        let w = ok("https://*.example.com", false);
        assert!(ok("https://api.example.com", false).covered_by(&w));
        assert!(ok("https://*.api.example.com", false).covered_by(&w));
        assert!(!ok("https://example.com", false).covered_by(&w));
        assert!(!ok("https://evil-example.com", false).covered_by(&w));
        assert!(!ok("https://api.example.com:8443", false).covered_by(&w));
        assert!(!ok("http://api.example.com", false).covered_by(&w));
        assert!(ok("http://localhost:3000", true).covered_by(&ok("http://localhost:*", true)));
        assert!(!w.covered_by(&w));
    }

    fn matches(keys: &[&str], origin: &str) -> bool {
        let wild = keys.iter().any(|k| k.contains("://*."));
        let any_port = keys.iter().any(|k| k.ends_with(":*"));
        match_origin(origin.as_bytes(), wild, any_port, |k| keys.iter().any(|x| x.as_bytes() == k))
    }

    #[test]
    fn matching() {
        let keys = ["https://app.example.com", "https://*.example.org", "http://localhost:*", "http://*.localhost:*"];
        assert!(matches(&keys, "https://app.example.com"));
        assert!(!matches(&keys, "https://app.example.com."));
        assert!(!matches(&keys, "https://APP.example.com"));
        assert!(matches(&keys, "https://a.example.org"));
        assert!(matches(&keys, "https://a.b.example.org"));
        assert!(!matches(&keys, "https://example.org"));
        assert!(!matches(&keys, "https://a.example.org:8443"));
        assert!(!matches(&keys, "https://a.example.org.evil.com"));
        assert!(!matches(&keys, "https://evil-example.org"));
        assert!(matches(&keys, "http://localhost"));
        assert!(matches(&keys, "http://localhost:5173"));
        assert!(matches(&keys, "http://app.localhost:5173"));
        assert!(!matches(&keys, "http://localhost.evil.com:5173"));
        assert!(!matches(&keys, "http://127.0.0.1:5173"));
        assert!(!matches(&keys, "https://a..example.org"));
        assert!(!matches(&keys, "https://.example.org"));
        assert!(!matches(&keys, "https://a.example.org:0"));
        assert!(!matches(&keys, "https://a.example.org:08443"));
        assert!(!matches(&keys, "null"));
        assert!(!matches(&keys, ""));
        assert!(!matches(&keys, "https://app.example.com/"));
    }

    #[test]
    fn serialized_origin_syntax() {
        for o in ["https://a.b", "http://[::1]:8080", "https://x.com:65535", "tauri://localhost", "https://a_b.c."] {
            assert!(is_serialized_origin(o.as_bytes()), "{o}");
        }
        for o in [
            "",
            "null",
            "https://",
            "https://a.com:65536",
            "https://a.com:0",
            "https://a.com:",
            "https://A.com",
            "https://a.com/",
            "https://a@b.com",
            "https://a..b",
            "https://[]",
            "https://[::1",
            "https://a.com, https://b.com",
        ] {
            assert!(!is_serialized_origin(o.as_bytes()), "{o}");
        }
        assert!(!is_serialized_origin(&[b'h', b't', 0xff]));
        let long = format!("https://{}.com", "a".repeat(400));
        assert!(!is_serialized_origin(long.as_bytes()));
    }
}
