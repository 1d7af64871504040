//! POLICY §4: cross-origin writes and WebSocket handshakes from origins the policy does not
//! list are refused before the handler runs, in the manner of Go's `CrossOriginProtection`.
//!
//! CORS only decides who may read a response; a `<form>` POST or a `no-cors` fetch runs the
//! handler whatever the response says, and browsers apply no CORS to WebSocket handshakes.

use actix_web::dev::RequestHead;
use actix_web::http::Method;
use actix_web::http::header::{HOST, HeaderMap, HeaderName, ORIGIN, UPGRADE};

/// `Sec-Fetch-Site` (Fetch Metadata), which `http` does not name.
const SEC_FETCH_SITE: HeaderName = HeaderName::from_static("sec-fetch-site");

/// Why a cross-origin write or WebSocket handshake was refused. Logged, never sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// `Sec-Fetch-Site` says the request comes from another origin (or is repeated or
    /// unknown), and its `Origin` is not allowed by the policy.
    CrossOrigin,
    /// No `Sec-Fetch-Site`; the `Origin` is not the request's own host and is not allowed.
    OriginNotHost,
}

/// Whether POLICY §4 checks this request: a method other than `GET`, `HEAD` and `OPTIONS`, or
/// a WebSocket handshake (`GET` with `Upgrade: websocket`, in any case).
#[inline]
pub fn is_checked(method: &Method, headers: &HeaderMap) -> bool {
    if *method == Method::HEAD || *method == Method::OPTIONS {
        return false;
    }
    if *method != Method::GET {
        return true;
    }
    headers
        .get_all(UPGRADE)
        .any(|v| v.as_bytes().split(|&b| b == b',').any(|t| t.trim_ascii().eq_ignore_ascii_case(b"websocket")))
}

/// Decides a checked request. `origin_allowed` says whether its `Origin` passed the policy's
/// origin check (`dev_origins` included where served).
pub fn check(head: &RequestHead, origin_allowed: bool) -> Result<(), Refusal> {
    let headers = &head.headers;
    let mut sites = headers.get_all(SEC_FETCH_SITE);
    match (sites.next(), sites.next()) {
        // Byte-exact: browsers send the token in lower case, and anything else is not them.
        (Some(site), None) if site == "same-origin" || site == "none" => Ok(()),
        (Some(_), _) if origin_allowed => Ok(()),
        (Some(_), _) => Err(Refusal::CrossOrigin),
        (None, _) if origin_allowed || same_host(head) => Ok(()),
        (None, _) => Err(Refusal::OriginNotHost),
    }
}

/// No `Origin` (not a browser, or one too old to send it), or one whose `host[:port]` is the
/// request's own `Host` byte for byte. The host is the request's (the URI's authority, as
/// HTTP/2 gives it, else `Host`), never a forwarding header, which a client can forge.
fn same_host(head: &RequestHead) -> bool {
    let mut origins = head.headers.get_all(ORIGIN);
    let origin = match (origins.next(), origins.next()) {
        (None, _) => return true,
        (Some(o), None) => o.as_bytes(),
        (Some(_), Some(_)) => return false,
    };
    let Some(authority) = origin.windows(3).position(|w| w == b"://").map(|i| &origin[i + 3..]) else {
        return false;
    };
    let host = match head.uri.authority() {
        Some(a) => a.as_str().as_bytes(),
        None => {
            let mut hosts = head.headers.get_all(HOST);
            match (hosts.next(), hosts.next()) {
                (Some(h), None) => h.as_bytes(),
                _ => return false,
            }
        }
    };
    !authority.is_empty() && authority == host
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn head(headers: &[(&str, &str)]) -> RequestHead {
        let mut req = TestRequest::post().uri("/x");
        for (n, v) in headers {
            req = req.append_header((*n, *v));
        }
        req.to_http_request().head().clone()
    }

    #[test]
    fn fetch_metadata_first() {
        assert_eq!(check(&head(&[("sec-fetch-site", "same-origin"), ("origin", "https://evil")]), false), Ok(()));
        assert_eq!(check(&head(&[("sec-fetch-site", "none")]), false), Ok(()));
        assert_eq!(
            check(&head(&[("sec-fetch-site", "same-site"), ("origin", "https://a.x")]), false),
            Err(Refusal::CrossOrigin)
        );
        assert_eq!(check(&head(&[("sec-fetch-site", "SAME-ORIGIN")]), false), Err(Refusal::CrossOrigin));
        let twice = [("sec-fetch-site", "same-origin"), ("sec-fetch-site", "same-origin")];
        assert_eq!(check(&head(&twice), false), Err(Refusal::CrossOrigin));
        assert_eq!(check(&head(&[("sec-fetch-site", "cross-site")]), true), Ok(()));
    }

    #[test]
    fn origin_against_host_without_fetch_metadata() {
        assert_eq!(check(&head(&[]), false), Ok(()));
        let same = [("origin", "https://api.example.com"), ("host", "api.example.com")];
        assert_eq!(check(&head(&same), false), Ok(()));
        let port = [("origin", "https://api.example.com"), ("host", "api.example.com:8443")];
        assert_eq!(check(&head(&port), false), Err(Refusal::OriginNotHost));
        let forwarded =
            [("origin", "https://evil.example"), ("host", "api.example.com"), ("x-forwarded-host", "evil.example")];
        assert_eq!(check(&head(&forwarded), false), Err(Refusal::OriginNotHost));
        assert_eq!(check(&head(&[("origin", "null"), ("host", "null")]), false), Err(Refusal::OriginNotHost));
        let two = [("origin", "https://a.x"), ("origin", "https://a.x"), ("host", "a.x")];
        assert_eq!(check(&head(&two), false), Err(Refusal::OriginNotHost));
    }

    #[test]
    fn checked_requests() {
        let h = HeaderMap::new();
        assert!(!is_checked(&Method::GET, &h) && !is_checked(&Method::HEAD, &h) && !is_checked(&Method::OPTIONS, &h));
        for m in [Method::POST, Method::PUT, Method::DELETE, Method::PATCH, Method::from_bytes(b"PURGE").unwrap()] {
            assert!(is_checked(&m, &h), "{m}");
        }
        let ws = head(&[("upgrade", "WebSocket")]);
        assert!(is_checked(&Method::GET, &ws.headers));
        let h2c = head(&[("upgrade", "h2c")]);
        assert!(!is_checked(&Method::GET, &h2c.headers));
        // Only a `GET` is a handshake.
        assert!(!is_checked(&Method::HEAD, &ws.headers) && !is_checked(&Method::OPTIONS, &ws.headers));
    }
}
