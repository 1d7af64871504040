//! Naive reference answers for the origin check and `Access-Control-Request-Headers`.
//!
//! Written from POLICY.md with plain string operations and no code shared with the runtime,
//! so that a fuzzer or a property test can compare the engine's answer with an independent
//! one. It is slow on purpose: clarity over speed. The fuzz targets use it as a module; the
//! property and attack tests include this same file with `#[path]`.

/// The longest `Origin` value the policy contract accepts.
pub const MAX_ORIGIN_LEN: usize = 326;
/// Limits on `Access-Control-Request-Headers` elements, from POLICY.md §3.
pub const MAX_OWS: usize = 2;
/// Empty elements tolerated (an empty field line counts as one).
pub const MAX_EMPTY: usize = 16;
/// Names tolerated, duplicates included.
pub const MAX_NAMES: usize = 64;
/// The runtime's cap on one requested name under `headers = ["*"]`.
pub const MAX_ANY_HEADER_LEN: usize = 1024;

/// The `Access-Control-Allow-Origin` a request is owed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Acao<'a> {
    /// `*`: the any-origin policy.
    Star,
    /// The request's own `Origin`, byte for byte.
    Echo(&'a [u8]),
    /// No CORS headers at all.
    Nothing,
}

/// What a policy whose configured origin entries are `entries` owes a request whose `Origin`
/// field lines are `lines`. `entries` are strings that `validate()` accepted.
pub fn expected_acao<'a, S: AsRef<str>>(entries: &[S], lines: &[&'a [u8]]) -> Acao<'a> {
    if entries.iter().any(|e| e.as_ref() == "*") {
        return Acao::Star;
    }
    let [origin] = lines else { return Acao::Nothing };
    if origin.len() > MAX_ORIGIN_LEN {
        return Acao::Nothing;
    }
    if entries.iter().any(|e| entry_allows(e.as_ref(), origin)) { Acao::Echo(origin) } else { Acao::Nothing }
}

/// Whether one configured entry admits `origin`: equality, the `:*` port rule, or the `*.`
/// rule (one or more non-empty labels of `[a-z0-9_-]` in front of the base, never the base).
pub fn entry_allows(entry: &str, origin: &[u8]) -> bool {
    let (entry, any_port) = match entry.strip_suffix(":*") {
        Some(e) => (e, true),
        None => (entry, false),
    };
    let Some(wild) = entry.find("://*.") else {
        if origin == entry.as_bytes() {
            return true;
        }
        return any_port
            && origin.starts_with(entry.as_bytes())
            && origin[entry.len()..].first() == Some(&b':')
            && valid_port(&origin[entry.len() + 1..]);
    };
    let scheme = &entry.as_bytes()[..wild + 3];
    let pattern = &entry[wild + 5..];
    let (base, port) = match pattern.split_once(':') {
        Some((b, p)) => (b.as_bytes(), Some(p.as_bytes())),
        None => (pattern.as_bytes(), None),
    };
    let Some(rest) = origin.strip_prefix(scheme) else { return false };
    let (host, oport) = match rest.iter().position(|&b| b == b':') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let port_ok = if any_port { oport.is_none_or(valid_port) } else { oport == port };
    if !port_ok || host.len() < base.len() + 2 || !host.ends_with(base) {
        return false;
    }
    let sub = &host[..host.len() - base.len()];
    let Some(sub) = sub.strip_suffix(b".") else { return false };
    sub.split(|&b| b == b'.')
        .all(|label| !label.is_empty() && label.iter().all(|&b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_')))
}

/// A port as browsers write it: 1 to 65535, digits only, no leading zero.
pub fn valid_port(p: &[u8]) -> bool {
    !p.is_empty()
        && p.len() <= 5
        && p[0] != b'0'
        && p.iter().all(u8::is_ascii_digit)
        && std::str::from_utf8(p).ok().and_then(|s| s.parse::<u32>().ok()).is_some_and(|n| n <= 65535)
}

/// RFC 9110 `tchar`, spelled out.
pub fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// The answer to `Access-Control-Request-Headers` field lines: `None` when the preflight
/// must fail, otherwise the requested names, lower-cased and de-duplicated, in first-seen
/// order. `allowed` gets a lower-cased name.
pub fn expected_acrh(lines: &[&[u8]], allowed: impl Fn(&str) -> bool) -> Option<Vec<String>> {
    let (mut empties, mut count) = (0, 0);
    let mut names: Vec<String> = Vec::new();
    for line in lines {
        for element in line.split(|&b| b == b',') {
            let lead = element.iter().take_while(|&&b| b == b' ' || b == b'\t').count();
            let rest = &element[lead..];
            let trail = rest.iter().rev().take_while(|&&b| b == b' ' || b == b'\t').count();
            let name = &rest[..rest.len() - trail];
            if lead + trail > MAX_OWS {
                return None;
            }
            if name.is_empty() {
                empties += 1;
                if empties > MAX_EMPTY {
                    return None;
                }
                continue;
            }
            count += 1;
            if count > MAX_NAMES || !name.iter().all(|&b| is_tchar(b)) {
                return None;
            }
            let lower = String::from_utf8(name.to_ascii_lowercase()).ok()?;
            if !allowed(&lower) {
                return None;
            }
            if !names.contains(&lower) {
                names.push(lower);
            }
        }
    }
    Some(names)
}

/// Whether a policy's `headers` list admits a lower-cased request-header name.
pub fn header_allowed<S: AsRef<str>>(configured: &[S], name: &str) -> bool {
    let listed = configured.iter().any(|h| h.as_ref().eq_ignore_ascii_case(name));
    if configured.iter().any(|h| h.as_ref() == "*") {
        name.len() <= MAX_ANY_HEADER_LEN && (listed || name != "authorization")
    } else {
        listed
    }
}

/// The comma-separated elements of all field lines, trimmed, empty ones left out.
pub fn list_elements<'a>(lines: impl IntoIterator<Item = &'a [u8]>) -> Vec<&'a [u8]> {
    lines.into_iter().flat_map(|l| l.split(|&b| b == b',')).map(<[u8]>::trim_ascii).filter(|e| !e.is_empty()).collect()
}
