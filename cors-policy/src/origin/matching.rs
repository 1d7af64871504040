//! Matching a request's `Origin` against a table of pattern keys, without allocating.

use crate::MAX_ORIGIN_LEN;

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
