//! Naive reference answers for the run-time rules of POLICY.md: the origin check,
//! `Access-Control-Request-Headers`, the methods a preflight may ask for, and the check of
//! cross-origin writes and WebSocket handshakes (§4).
//!
//! Written from POLICY.md with plain string operations and no code shared with the runtime,
//! so that a fuzzer or a property test can compare the engine's answer with an independent
//! one. It is slow on purpose: clarity over speed. Keep it that way: nothing here may call
//! `cors-policy` or `cors-runtime`.

/// The longest `Origin` value the policy contract accepts.
pub const MAX_ORIGIN_LEN: usize = 326;
/// Whitespace bytes tolerated around one `Access-Control-Request-Headers` element (POLICY §3).
pub const MAX_OWS: usize = 2;
/// Empty elements tolerated (an empty field line counts as one).
pub const MAX_EMPTY: usize = 16;
/// Names tolerated, duplicates included.
pub const MAX_NAMES: usize = 64;
/// The runtime's cap on one requested name under `headers = ["*"]`.
pub const MAX_ANY_HEADER_LEN: usize = 1024;
/// The most bytes of names a preflight may ask for, as received (commas between them and
/// repeated names included): the bound on what is echoed that the security review asked
/// for, stricter than POLICY §3's three limits.
pub const MAX_ECHO: usize = 4096;

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
    let (mut empties, mut count, mut echoed) = (0, 0, 0);
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
            echoed += name.len() + usize::from(count > 1);
            if count > MAX_NAMES || echoed > MAX_ECHO || !name.iter().all(|&b| is_tchar(b)) {
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

/// The methods a policy that lists none answers preflights for (POLICY §5).
pub const DEFAULT_METHODS: [&str; 3] = ["GET", "HEAD", "POST"];

/// Whether a preflight asking for `method` (its one `Access-Control-Request-Method` line) is
/// for a method the policy answers: one of `listed`, byte for byte, or of
/// [`DEFAULT_METHODS`] when the policy lists none.
pub fn method_answered<S: AsRef<str>>(listed: Option<&[S]>, method: &[u8]) -> bool {
    match listed {
        Some(list) => list.iter().any(|m| m.as_ref().as_bytes() == method),
        None => DEFAULT_METHODS.iter().any(|m| m.as_bytes() == method),
    }
}

/// Whether POLICY §4 checks a request: a method other than `GET`, `HEAD` and `OPTIONS`
/// (methods are case-sensitive, so `post` is checked too), or a WebSocket handshake: a `GET`
/// whose `Upgrade` lists `websocket` in any case. `upgrade` holds the `Upgrade` field lines.
pub fn write_checked(method: &[u8], upgrade: &[&[u8]]) -> bool {
    match method {
        b"GET" => list_elements(upgrade.iter().copied()).iter().any(|p| p.eq_ignore_ascii_case(b"websocket")),
        b"HEAD" | b"OPTIONS" => false,
        _ => true,
    }
}

/// Whether a checked request comes from the server's own origin or from no browser at all
/// (POLICY §4), from its `Sec-Fetch-Site`, `Origin` and `Host` field lines:
/// - one `Sec-Fetch-Site` line that is `same-origin` or `none`, byte for byte (browsers send
///   lower case; `SAME-ORIGIN` is not them);
/// - or no `Sec-Fetch-Site` and no `Origin`;
/// - or no `Sec-Fetch-Site`, one `Origin` line, one `Host` line, and the `Origin`'s
///   `host[:port]` (what follows `://`) equal to that non-empty `Host`.
pub fn same_origin_or_no_browser(sec_fetch_site: &[&[u8]], origin: &[&[u8]], host: &[&[u8]]) -> bool {
    match (sec_fetch_site, origin, host) {
        ([site], _, _) => *site == b"same-origin" || *site == b"none",
        ([_, _, ..], _, _) => false,
        ([], [], _) => true,
        ([], [o], [h]) => match o.windows(3).position(|w| w == b"://") {
            Some(i) => !h.is_empty() && o[i + 3..] == **h,
            None => false,
        },
        ([], _, _) => false,
    }
}

/// POLICY §4: whether a request is refused (`403`, no CORS headers, `Vary: Origin`, the
/// handler never runs). `lists_origins` is whether the policy is anything but `"*"`;
/// `accepts_writes` whether it sets `dangerously_accept_cross_origin_writes`; `header` gives
/// the field lines of a lower-case header name; `origin_allowed` is the origin check's
/// verdict (`dev_origins` included where served).
pub fn expected_refusal<'h>(
    lists_origins: bool,
    accepts_writes: bool,
    method: &[u8],
    header: impl Fn(&str) -> Vec<&'h [u8]>,
    origin_allowed: bool,
) -> bool {
    lists_origins
        && !accepts_writes
        && write_checked(method, &header("upgrade"))
        && !same_origin_or_no_browser(&header("sec-fetch-site"), &header("origin"), &header("host"))
        && !origin_allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_entries() {
        assert!(entry_allows("https://app.example.com", b"https://app.example.com"));
        assert!(!entry_allows("https://app.example.com", b"https://app.example.com."));
        assert!(entry_allows("http://localhost:*", b"http://localhost:5173"));
        assert!(entry_allows("http://localhost:*", b"http://localhost"));
        assert!(!entry_allows("http://localhost:*", b"http://localhost:0"));
        assert!(entry_allows("https://*.example.com", b"https://a.b.example.com"));
        assert!(!entry_allows("https://*.example.com", b"https://example.com"));
        assert!(!entry_allows("https://*.example.com", b"https://a.evilexample.com"));
        assert!(entry_allows("http://*.local:*", b"http://my-laptop.local:5173"));
        assert_eq!(expected_acao(&["*"], &[b"null"]), Acao::Star);
        assert_eq!(expected_acao(&["https://a.example"], &[&b"https://a.example"[..]; 2]), Acao::Nothing);
    }

    #[test]
    fn methods_default_to_get_head_post() {
        assert!(method_answered::<&str>(None, b"POST") && !method_answered::<&str>(None, b"PUT"));
        assert!(!method_answered::<&str>(None, b"post"));
        assert!(method_answered(Some(&["PUT"][..]), b"PUT") && !method_answered(Some(&["PUT"][..]), b"GET"));
    }

    #[test]
    fn checked_requests() {
        for m in [&b"POST"[..], b"PUT", b"DELETE", b"PATCH", b"PURGE", b"get"] {
            assert!(write_checked(m, &[]), "{m:?}");
        }
        for m in [&b"GET"[..], b"HEAD", b"OPTIONS"] {
            assert!(!write_checked(m, &[]), "{m:?}");
        }
        assert!(write_checked(b"GET", &[b"WebSocket"]));
        assert!(write_checked(b"GET", &[b"h2c, websocket"]));
        assert!(!write_checked(b"GET", &[b"h2c"]));
    }

    #[test]
    fn same_origin_or_not_a_browser() {
        let yes = |s: &[&[u8]], o: &[&[u8]], h: &[&[u8]]| same_origin_or_no_browser(s, o, h);
        assert!(yes(&[b"same-origin"], &[b"https://evil.example"], &[]));
        assert!(yes(&[b"none"], &[], &[]));
        assert!(!yes(&[b"SAME-ORIGIN"], &[], &[]));
        assert!(!yes(&[b"same-origin", b"same-origin"], &[], &[]));
        assert!(!yes(&[b"cross-site"], &[], &[]));
        assert!(yes(&[], &[], &[]));
        assert!(yes(&[], &[b"https://api.example.com"], &[b"api.example.com"]));
        assert!(!yes(&[], &[b"https://api.example.com"], &[b"api.example.com:8443"]));
        assert!(!yes(&[], &[&b"https://api.example.com"[..]; 2], &[b"api.example.com"]));
        assert!(!yes(&[], &[b"null"], &[b"null"]));
        assert!(!yes(&[], &[b"https://api.example.com"], &[]));
    }

    #[test]
    fn refusals() {
        let headers = |lines: &'static [(&'static str, &'static [u8])]| {
            move |name: &str| lines.iter().filter(|(n, _)| *n == name).map(|(_, v)| *v).collect::<Vec<_>>()
        };
        let cross: &[(&str, &[u8])] = &[("origin", b"https://evil.example"), ("sec-fetch-site", b"cross-site")];
        assert!(expected_refusal(true, false, b"POST", headers(cross), false));
        assert!(!expected_refusal(true, false, b"POST", headers(cross), true), "a listed origin writes");
        assert!(!expected_refusal(false, false, b"POST", headers(cross), false), "the `*` policy checks nothing");
        assert!(!expected_refusal(true, true, b"POST", headers(cross), false), "the opt-out");
        assert!(!expected_refusal(true, false, b"GET", headers(cross), false), "reads are CORS's business");
        assert!(!expected_refusal(true, false, b"POST", headers(&[]), false), "not a browser");
        assert!(expected_refusal(true, false, b"POST", headers(&[("sec-fetch-site", b"cross-site")]), false));
    }
}
