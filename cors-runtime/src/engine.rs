//! The per-request decisions: origin check, preflight check, and the headers they produce.
//!
//! Everything here works on header maps and precomputed values, with no allocation on the
//! paths a browser's requests take.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_HEADERS,
    ACCESS_CONTROL_REQUEST_METHOD, HeaderMap, HeaderValue, ORIGIN, VARY,
};
use cors_policy::{MAX_ORIGIN_LEN, origin::match_origin_filtered, table};

use crate::Policy;
use crate::acrh::{self, AcrhError, Requested};

static STAR: HeaderValue = HeaderValue::from_static("*");
static TRUE: HeaderValue = HeaderValue::from_static("true");
static VARY_ORIGIN: HeaderValue = HeaderValue::from_static("Origin");
static VARY_PREFLIGHT: HeaderValue =
    HeaderValue::from_static("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");

/// Why a request's origin is not allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OriginDenied {
    /// There is no `Origin` header.
    Missing,
    /// More than one `Origin` field line.
    Repeated,
    /// Longer than any origin a browser sends.
    TooLong,
    /// Not on the allow-list (including malformed values and `null`).
    NotAllowed,
}

/// Why a preflight was refused. Logged at debug level, never sent to the client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreflightError {
    /// The origin is not allowed.
    Origin(OriginDenied),
    /// `Access-Control-Request-Method` is missing or repeated.
    MethodLines,
    /// The requested method is not one this policy answers for (compared byte-exactly).
    Method,
    /// `Access-Control-Request-Headers` was refused.
    Headers(AcrhError),
}

/// A successful preflight's varying header values.
#[derive(Debug)]
pub struct PreflightAnswer<'a> {
    acao: HeaderValue,
    method: HeaderValue,
    requested: Requested<'a>,
}

impl Policy {
    /// The `Access-Control-Allow-Origin` value for a request with these headers.
    ///
    /// `"*"` for the any-origin policy (whatever the request says, so that the response does
    /// not vary); the request's own origin, byte for byte, when it is allowed; otherwise why not.
    pub fn allow_origin(&self, headers: &HeaderMap) -> Result<HeaderValue, OriginDenied> {
        if self.any_origin {
            return Ok(STAR.clone());
        }
        let mut lines = headers.get_all(ORIGIN);
        let origin = lines.next().ok_or(OriginDenied::Missing)?;
        if lines.next().is_some() {
            return Err(OriginDenied::Repeated);
        }
        let bytes = origin.as_bytes();
        if bytes.len() > MAX_ORIGIN_LEN {
            return Err(OriginDenied::TooLong);
        }
        if let Some(i) = table::find(&self.slots, bytes) {
            let slot = &self.slots[i];
            if slot.exact {
                return Ok(slot.value.clone());
            }
        }
        if (self.wildcards || self.any_port)
            && match_origin_filtered(
                bytes,
                self.wildcards,
                self.any_port,
                |n| self.pattern_lens.contains(n),
                |k| table::find(&self.slots, k).is_some(),
            )
        {
            return Ok(origin.clone());
        }
        Err(OriginDenied::NotAllowed)
    }

    /// Whether the policy answers preflights asking for this method (byte-exact).
    pub fn answers_method(&self, method: &[u8]) -> bool {
        self.methods.iter().any(|m| m.as_bytes() == method)
    }

    fn header_allowed(&self, name: &[u8]) -> bool {
        let listed = || self.headers.iter().any(|h| h.as_bytes() == name || h.as_bytes().eq_ignore_ascii_case(name));
        if self.any_header { !name.eq_ignore_ascii_case(b"authorization") || listed() } else { listed() }
    }

    /// Checks a preflight in the Fetch standard's order: origin, method, then headers.
    pub fn check_preflight<'a>(&self, headers: &'a HeaderMap) -> Result<PreflightAnswer<'a>, PreflightError> {
        let acao = self.allow_origin(headers).map_err(PreflightError::Origin)?;
        let mut lines = headers.get_all(ACCESS_CONTROL_REQUEST_METHOD);
        let (Some(acrm), None) = (lines.next(), lines.next()) else {
            return Err(PreflightError::MethodLines);
        };
        let method =
            self.methods.iter().find(|m| m.as_bytes() == acrm.as_bytes()).ok_or(PreflightError::Method)?.clone();
        let requested = acrh::check(headers.get_all(ACCESS_CONTROL_REQUEST_HEADERS), self.max_header_len, |n| {
            self.header_allowed(n)
        })
        .map_err(PreflightError::Headers)?;
        Ok(PreflightAnswer { acao, method, requested })
    }

    /// The complete answer to a preflight: `204` with the CORS headers, or `403` without them.
    /// The handler never runs.
    pub fn preflight_response(&self, headers: &HeaderMap) -> HttpResponse {
        match self.check_preflight(headers) {
            Ok(answer) => {
                let mut res = HttpResponse::new(StatusCode::NO_CONTENT);
                let h = res.headers_mut();
                h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, answer.acao);
                if self.credentials {
                    h.insert(ACCESS_CONTROL_ALLOW_CREDENTIALS, TRUE.clone());
                }
                h.insert(ACCESS_CONTROL_ALLOW_METHODS, answer.method);
                match answer.requested {
                    Requested::Nothing => {}
                    Requested::Canonical(v) => {
                        h.insert(ACCESS_CONTROL_ALLOW_HEADERS, v.clone());
                    }
                    Requested::Rebuild => {
                        let names = acrh::rebuild(headers.get_all(ACCESS_CONTROL_REQUEST_HEADERS));
                        if let Ok(v) = HeaderValue::try_from(names) {
                            h.insert(ACCESS_CONTROL_ALLOW_HEADERS, v);
                        }
                    }
                }
                if let Some(max_age) = &self.max_age {
                    h.insert(ACCESS_CONTROL_MAX_AGE, max_age.clone());
                }
                h.insert(VARY, VARY_PREFLIGHT.clone());
                res
            }
            Err(reason) => {
                tracing::debug!(target: "cors", ?reason, "preflight rejected");
                let mut res = HttpResponse::new(StatusCode::FORBIDDEN);
                res.headers_mut().insert(VARY, VARY_PREFLIGHT.clone());
                res
            }
        }
    }

    /// Sets the CORS headers of an actual (non-preflight) response.
    ///
    /// The policy wins over the handler: any `Access-Control-Allow-Origin`,
    /// `-Allow-Credentials` or `-Expose-Headers` the handler set is replaced, or removed when
    /// the origin is not allowed, so a handler cannot widen the policy by accident.
    /// `Vary: Origin` is appended unless already listed (and never for the any-origin policy).
    pub fn apply_actual(&self, acao: Option<HeaderValue>, headers: &mut HeaderMap) {
        // One pass over what the handler set, then only appends: cheaper than a lookup per name.
        let mut handler_cors = false;
        let mut vary_listed = self.any_origin;
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
        if let Some(v) = acao {
            headers.append(ACCESS_CONTROL_ALLOW_ORIGIN, v);
            if self.credentials {
                headers.append(ACCESS_CONTROL_ALLOW_CREDENTIALS, TRUE.clone());
            }
            if let Some(e) = &self.expose {
                headers.append(ACCESS_CONTROL_EXPOSE_HEADERS, e.clone());
            }
        }
        if !vary_listed {
            headers.append(VARY, VARY_ORIGIN.clone());
        }
    }
}

/// Whether a `Vary` value lists `Origin` (or `*`, which covers it).
fn lists_origin(v: &HeaderValue) -> bool {
    v.as_bytes().split(|&b| b == b',').any(|t| {
        let t = t.trim_ascii();
        t.eq_ignore_ascii_case(b"origin") || t == b"*"
    })
}
