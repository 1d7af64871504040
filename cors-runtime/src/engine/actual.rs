//! The headers of an actual (non-preflight) response.

use actix_web::http::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, HeaderMap, HeaderValue, VARY,
};

use super::{TRUE, VARY_ORIGIN};
use crate::Policy;
use crate::served::Origins;

impl Policy {
    /// Sets the CORS headers of an actual (non-preflight) response.
    ///
    /// The policy wins over the handler: any `Access-Control-Allow-Origin`,
    /// `-Allow-Credentials` or `-Expose-Headers` the handler set is replaced, or removed when
    /// the origin is not allowed, so a handler cannot widen the policy by accident.
    /// `Vary: Origin` is appended unless already listed (and never for the any-origin policy).
    pub(crate) fn apply_actual(&self, acao: Option<HeaderValue>, headers: &mut HeaderMap) {
        let served = self.served();
        // One pass over what the handler set, then only appends: cheaper than a lookup per name.
        let mut handler_cors = false;
        let mut vary_listed = matches!(served.origins, Origins::Any);
        for (name, value) in headers.iter() {
            if *name == ACCESS_CONTROL_ALLOW_ORIGIN
                || *name == ACCESS_CONTROL_ALLOW_CREDENTIALS
                || *name == ACCESS_CONTROL_EXPOSE_HEADERS
            {
                handler_cors = true;
            } else if *name == VARY && !vary_listed {
                vary_listed = lists_origin(value);
            }
        }
        if handler_cors {
            headers.remove(ACCESS_CONTROL_ALLOW_ORIGIN);
            headers.remove(ACCESS_CONTROL_ALLOW_CREDENTIALS);
            headers.remove(ACCESS_CONTROL_EXPOSE_HEADERS);
        }
        // None of these is in the map any more: `insert` is `append`, and cheaper.
        if let Some(v) = acao {
            headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, v);
            if served.credentials {
                headers.insert(ACCESS_CONTROL_ALLOW_CREDENTIALS, TRUE.clone());
            }
            if let Some(e) = &served.expose {
                headers.insert(ACCESS_CONTROL_EXPOSE_HEADERS, e.value());
            }
        }
        if !vary_listed {
            headers.append(VARY, VARY_ORIGIN.clone());
        }
    }
}

/// Removes every CORS response header: for the answer to a preflight that no policy took,
/// which must not grant anything whatever produced it.
pub fn strip(headers: &mut HeaderMap) {
    for name in [
        ACCESS_CONTROL_ALLOW_ORIGIN,
        ACCESS_CONTROL_ALLOW_CREDENTIALS,
        ACCESS_CONTROL_EXPOSE_HEADERS,
        ACCESS_CONTROL_ALLOW_METHODS,
        ACCESS_CONTROL_ALLOW_HEADERS,
        ACCESS_CONTROL_MAX_AGE,
    ] {
        headers.remove(name);
    }
}

/// Whether a `Vary` value lists `Origin` (or `*`, which covers it).
fn lists_origin(v: &HeaderValue) -> bool {
    v.as_bytes().split(|&b| b == b',').any(|t| {
        let t = t.trim_ascii();
        t.eq_ignore_ascii_case(b"origin") || t == b"*"
    })
}
