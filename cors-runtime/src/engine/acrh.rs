//! `Access-Control-Request-Headers`: a linear, allocation-free check with hard limits.
//!
//! The field lines are read as one comma-separated list. Each element may carry at most
//! [`MAX_OWS`] bytes of whitespace, at most [`MAX_EMPTY`] elements may be empty (an empty line
//! counts as one), at most [`MAX_NAMES`] may be names, and the names together may be at most
//! [`MAX_ECHO`] bytes long, since they are echoed. The scan stops at the first breach, so a
//! 1 MiB field of commas or spaces costs as much as a short one, and the echo is bounded.

use actix_web::http::header::HeaderValue;
use cors_policy::token::is_tchar;

/// Whitespace bytes tolerated around one element.
pub const MAX_OWS: usize = 2;
/// Empty elements tolerated (RFC 9110 §5.6.1.2 asks recipients to tolerate "a reasonable number").
pub const MAX_EMPTY: usize = 16;
/// Names tolerated, duplicates included.
pub const MAX_NAMES: usize = 64;
/// The most bytes of names, commas included, that a preflight may ask for. They are echoed
/// in `Access-Control-Allow-Headers`; a browser's list of custom headers is a few dozen bytes.
pub const MAX_ECHO: usize = 4096;

/// Why an `Access-Control-Request-Headers` list was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AcrhError {
    /// More than [`MAX_OWS`] bytes of whitespace around an element.
    TooMuchWhitespace,
    /// More than [`MAX_EMPTY`] empty elements.
    TooManyEmpty,
    /// More than [`MAX_NAMES`] names.
    TooManyNames,
    /// More than [`MAX_ECHO`] bytes of names.
    TooLong,
    /// An element that is not an HTTP token.
    NotAToken,
    /// A name the policy does not allow.
    NotAllowed,
}

/// The outcome of a successful check.
#[derive(Debug, PartialEq, Eq)]
pub enum Requested<'a> {
    /// No names were requested: send no `Access-Control-Allow-Headers`.
    Nothing,
    /// One line already in the form browsers send (lower case, sorted, unique, no spaces),
    /// which is exactly the answer: echo it without copying.
    Canonical(&'a HeaderValue),
    /// Any other well-formed list: the answer must be rebuilt (lower-cased, de-duplicated).
    Rebuild,
}

/// Checks every requested name with `allowed`, which gets a name's bytes (any case) and says
/// whether the policy allows it. `max_len` is the longest name `allowed` could accept.
pub fn check<'a>(
    lines: impl Iterator<Item = &'a HeaderValue>,
    max_len: usize,
    mut allowed: impl FnMut(&[u8]) -> bool,
) -> Result<Requested<'a>, AcrhError> {
    let mut empties = 0usize;
    let mut names = 0usize;
    let mut echoed = 0usize;
    let mut first: Option<&'a HeaderValue> = None;
    let mut canonical = true;
    for (n, value) in lines.enumerate() {
        if n == 0 {
            first = Some(value);
        } else {
            canonical = false;
        }
        let line = value.as_bytes();
        // An empty slice of the line itself: comparing with a dangling empty slice sends some
        // `memcmp` implementations down a slow fault-suppressing path.
        let mut prev: &[u8] = &line[..0];
        let mut i = 0;
        loop {
            let mut ows = 0;
            skip_ows(line, &mut i, &mut ows)?;
            let start = i;
            // Scan at most one byte past the longest allowed name.
            let window = &line[start..line.len().min(start + max_len + 1)];
            let len = window.iter().position(|&b| !is_tchar(b)).unwrap_or(window.len());
            if len > max_len {
                return Err(AcrhError::NotAllowed);
            }
            i += len;
            let name = &line[start..i];
            skip_ows(line, &mut i, &mut ows)?;
            if i < line.len() && line[i] != b',' {
                return Err(AcrhError::NotAToken);
            }
            canonical &= ows == 0;
            if name.is_empty() {
                empties += 1;
                canonical = false;
                if empties > MAX_EMPTY {
                    return Err(AcrhError::TooManyEmpty);
                }
            } else {
                names += 1;
                if names > MAX_NAMES {
                    return Err(AcrhError::TooManyNames);
                }
                echoed += name.len() + usize::from(names > 1);
                if echoed > MAX_ECHO {
                    return Err(AcrhError::TooLong);
                }
                if !allowed(name) {
                    return Err(AcrhError::NotAllowed);
                }
                canonical &= name > prev && !name.iter().any(u8::is_ascii_uppercase);
                prev = name;
            }
            if i >= line.len() {
                break;
            }
            i += 1; // the comma
        }
    }
    Ok(match first {
        _ if names == 0 => Requested::Nothing,
        Some(v) if canonical => Requested::Canonical(v),
        _ => Requested::Rebuild,
    })
}

/// Steps `i` over whitespace, counting it in `ows`, the element's total.
#[inline(always)]
fn skip_ows(line: &[u8], i: &mut usize, ows: &mut usize) -> Result<(), AcrhError> {
    while *i < line.len() && matches!(line[*i], b' ' | b'\t') {
        *ows += 1;
        *i += 1;
        if *ows > MAX_OWS {
            return Err(AcrhError::TooMuchWhitespace);
        }
    }
    Ok(())
}

/// The answer for [`Requested::Rebuild`]: the requested names, lower-cased, de-duplicated,
/// comma-separated. Only reached by input no browser sends, after [`check`] accepted it, so
/// it is at most [`MAX_NAMES`] names and [`MAX_ECHO`] bytes: linear in that, one allocation.
pub fn rebuild<'a>(lines: impl Iterator<Item = &'a HeaderValue> + Clone) -> String {
    let total: usize = lines.clone().map(|l| l.len() + 1).sum();
    let mut out = String::with_capacity(total.min(MAX_ECHO));
    // Where each name kept so far starts and ends in `out`, to find duplicates by name.
    let mut kept: [(usize, usize); MAX_NAMES] = [(0, 0); MAX_NAMES];
    let mut n = 0;
    for line in lines {
        for raw in line.as_bytes().split(|&b| b == b',') {
            let name = raw.trim_ascii();
            if name.is_empty() || n == MAX_NAMES {
                continue;
            }
            let seen = kept[..n].iter().any(|&(s, e)| {
                e - s == name.len() && out.as_bytes()[s..e].iter().zip(name).all(|(a, b)| *a == b.to_ascii_lowercase())
            });
            if seen {
                continue;
            }
            if n > 0 {
                out.push(',');
            }
            let start = out.len();
            // `check` accepted only tokens, which are ASCII.
            out.extend(name.iter().map(|b| char::from(b.to_ascii_lowercase())));
            kept[n] = (start, out.len());
            n += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hv(s: &str) -> HeaderValue {
        HeaderValue::from_str(s).unwrap()
    }

    fn run(lines: &[HeaderValue]) -> Result<Requested<'_>, AcrhError> {
        check(lines.iter(), 32, |n| {
            ["content-type", "x-request-id"].iter().any(|a| a.as_bytes().eq_ignore_ascii_case(n))
        })
    }

    #[test]
    fn browser_form_is_echoed() {
        let l = [hv("content-type,x-request-id")];
        assert_eq!(run(&l), Ok(Requested::Canonical(&l[0])));
    }

    #[test]
    fn lenient_forms_are_rebuilt() {
        for s in [
            "x-request-id,content-type",
            "Content-Type",
            "content-type,content-type",
            " content-type , x-request-id ",
            ",,content-type,,",
        ] {
            let l = [hv(s)];
            assert_eq!(run(&l), Ok(Requested::Rebuild), "{s}");
        }
        let l = [hv("content-type"), hv("x-request-id")];
        assert_eq!(run(&l), Ok(Requested::Rebuild));
        assert_eq!(rebuild(l.iter()), "content-type,x-request-id");
        let l = [hv(" Content-Type ,content-type,,X-Request-Id")];
        assert_eq!(rebuild(l.iter()), "content-type,x-request-id");
    }

    #[test]
    fn nothing_requested() {
        assert_eq!(run(&[hv("")]), Ok(Requested::Nothing));
        assert_eq!(run(&[]), Ok(Requested::Nothing));
        assert_eq!(run(&[hv(" , ")]), Ok(Requested::Nothing));
    }

    #[test]
    fn limits() {
        assert_eq!(run(&[hv(&",".repeat(15))]), Ok(Requested::Nothing)); // 16 empty elements
        assert_eq!(run(&[hv(&",".repeat(16))]), Err(AcrhError::TooManyEmpty)); // 17
        let lines = vec![hv(""); 17];
        assert_eq!(run(&lines), Err(AcrhError::TooManyEmpty));
        assert_eq!(run(&[hv("  content-type")]), Ok(Requested::Rebuild));
        assert_eq!(run(&[hv("   content-type")]), Err(AcrhError::TooMuchWhitespace));
        assert_eq!(run(&[hv(" content-type  ")]), Err(AcrhError::TooMuchWhitespace));
        let many = vec!["content-type"; 64].join(",");
        assert_eq!(run(&[hv(&many)]), Ok(Requested::Rebuild));
        let many = vec!["content-type"; 65].join(",");
        assert_eq!(run(&[hv(&many)]), Err(AcrhError::TooManyNames));
        assert_eq!(run(&[hv("content-type;x=1")]), Err(AcrhError::NotAToken));
        assert_eq!(run(&[hv("content-type,x-evil")]), Err(AcrhError::NotAllowed));
        assert_eq!(run(&[hv(&"a".repeat(1 << 20))]), Err(AcrhError::NotAllowed));
        let echo = |n: usize, len: usize| {
            let names: Vec<String> = (0..n).map(|i| format!("{i:0len$}")).collect();
            check([hv(&names.join(","))].iter(), 1024, |_| true).map(|r| r == Requested::Rebuild)
        };
        // 4 names of 1,023 bytes and 3 commas: 4,095 bytes; one byte more is refused.
        assert_eq!(echo(4, 1023), Ok(false));
        assert_eq!(echo(4, 1024), Err(AcrhError::TooLong));
        assert_eq!(echo(64, 1024), Err(AcrhError::TooLong));
        let obs = HeaderValue::from_bytes(b"content-type,\xff").unwrap();
        assert_eq!(run(&[obs]), Err(AcrhError::NotAToken));
    }
}
