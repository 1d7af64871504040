//! Header names in `headers` (allowed request headers) and `expose` (readable response headers).

use super::Out;
use crate::token::is_token;
use crate::{Field, HeaderList, Key, Rule};

/// Fetch's forbidden request-header names: scripts cannot set them, so allowing them is a
/// misunderstanding (and `origin` would suggest the server trusts a script-set value).
const FORBIDDEN_REQUEST: [&str; 21] = [
    "accept-charset",
    "accept-encoding",
    "access-control-request-headers",
    "access-control-request-method",
    "connection",
    "content-length",
    "cookie",
    "cookie2",
    "date",
    "dnt",
    "expect",
    "host",
    "keep-alive",
    "origin",
    "referer",
    "set-cookie",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "via",
];

/// CORS-safelisted response-header names: always readable, so exposing them does nothing.
const SAFELISTED_RESPONSE: [&str; 7] =
    ["cache-control", "content-language", "content-length", "content-type", "expires", "last-modified", "pragma"];

type Check = Result<String, (Rule, String, String)>;

fn token(name: &str, key: &str) -> Check {
    if !is_token(name.as_bytes()) {
        let what =
            if name.is_empty() { "an empty header name".to_string() } else { format!("`{name}` is not a header name") };
        return Err((
            Rule::InvalidHeader,
            format!("{what}: a header name is one HTTP token"),
            format!("write one header name per entry, such as `{key} = [\"content-type\"]`"),
        ));
    }
    Ok(name.to_ascii_lowercase())
}

/// Checks one entry of `headers` and returns it lower-cased. `*` is handled by the caller.
fn check_request_header(name: &str) -> Check {
    let n = token(name, "headers")?;
    if FORBIDDEN_REQUEST.contains(&n.as_str()) || n.starts_with("proxy-") || n.starts_with("sec-") {
        return Err((
            Rule::ForbiddenRequestHeader,
            format!("`{n}` is a forbidden request header: browsers set it themselves and scripts cannot"),
            "remove it from `headers`".into(),
        ));
    }
    if n.starts_with("access-control-allow-") || n == "access-control-max-age" || n == "access-control-expose-headers" {
        return Err((
            Rule::CorsResponseHeader,
            format!("`{n}` is a CORS response header, not a request header"),
            "remove it from `headers`; the server sends it, and `#[cors]` sends it for you".into(),
        ));
    }
    Ok(n)
}

/// Checks one entry of `expose` and returns it lower-cased. `*` is handled by the caller.
fn check_exposed_header(name: &str) -> Check {
    let n = token(name, "expose")?;
    if n == "set-cookie" || n == "set-cookie2" {
        return Err((
            Rule::ForbiddenExpose,
            format!("`{n}` can never be exposed: browsers hide cookies from scripts whatever the server says"),
            "remove it from `expose`".into(),
        ));
    }
    if n == "origin" || n.starts_with("access-control-") {
        return Err((
            Rule::ForbiddenExpose,
            format!("`{n}` is part of the CORS protocol, not a response header a script can use"),
            "remove it from `expose`".into(),
        ));
    }
    if SAFELISTED_RESPONSE.contains(&n.as_str()) {
        return Err((
            Rule::SafelistedExpose,
            format!("`{n}` is already exposed: it is a CORS-safelisted response header"),
            "remove it from `expose`".into(),
        ));
    }
    Ok(n)
}

pub(super) fn header_list(key: Key, entries: &[String], credentials: bool, out: &mut Out) -> HeaderList {
    let check = if key == Key::Headers { check_request_header } else { check_exposed_header };
    let mut list = HeaderList::default();
    for (i, h) in entries.iter().enumerate() {
        let at = Field::Item(key, i);
        if h == "*" {
            if list.any {
                out.push(at, Rule::DuplicateHeader, "`\"*\"` is listed twice".into(), "remove this one".into());
            }
            list.any = true;
            if credentials {
                let fix = match key {
                    Key::Headers => "list the request headers by name, such as `headers = [\"content-type\"]`",
                    _ => "list the response headers by name, such as `expose = [\"x-total-count\"]`",
                };
                out.push(
                    at,
                    Rule::StarWithCredentials,
                    format!(
                        "`{key} = [\"*\"]` cannot be combined with `credentials`: on credentialed requests \
                         browsers read `*` as a header literally named `*`"
                    ),
                    fix.into(),
                );
            }
            continue;
        }
        match check(h) {
            Err((rule, msg, fix)) => out.push(at, rule, msg, fix),
            Ok(n) if list.names.contains(&n) => out.push(
                at,
                Rule::DuplicateHeader,
                format!("header `{n}` is listed twice (header names are case-insensitive)"),
                "remove this one".into(),
            ),
            Ok(n) => list.names.push(n),
        }
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_headers() {
        assert_eq!(check_request_header("Content-Type").unwrap(), "content-type");
        assert_eq!(check_request_header("authorization").unwrap(), "authorization");
        assert_eq!(check_request_header("Cookie").unwrap_err().0, Rule::ForbiddenRequestHeader);
        assert_eq!(check_request_header("Sec-Fetch-Site").unwrap_err().0, Rule::ForbiddenRequestHeader);
        assert_eq!(check_request_header("proxy-authorization").unwrap_err().0, Rule::ForbiddenRequestHeader);
        assert_eq!(check_request_header("Access-Control-Allow-Origin").unwrap_err().0, Rule::CorsResponseHeader);
        assert_eq!(check_request_header("access-control-max-age").unwrap_err().0, Rule::CorsResponseHeader);
        assert_eq!(check_request_header("").unwrap_err().0, Rule::InvalidHeader);
        assert_eq!(check_request_header("a b").unwrap_err().0, Rule::InvalidHeader);
    }

    #[test]
    fn exposed_headers() {
        assert_eq!(check_exposed_header("X-Total-Count").unwrap(), "x-total-count");
        assert_eq!(check_exposed_header("Set-Cookie").unwrap_err().0, Rule::ForbiddenExpose);
        assert_eq!(check_exposed_header("set-cookie2").unwrap_err().0, Rule::ForbiddenExpose);
        assert_eq!(check_exposed_header("origin").unwrap_err().0, Rule::ForbiddenExpose);
        assert_eq!(check_exposed_header("Access-Control-Request-Method").unwrap_err().0, Rule::ForbiddenExpose);
        assert_eq!(check_exposed_header("content-type").unwrap_err().0, Rule::SafelistedExpose);
        assert_eq!(check_exposed_header("pragma").unwrap_err().0, Rule::SafelistedExpose);
    }
}
