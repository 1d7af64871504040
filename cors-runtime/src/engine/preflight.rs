//! Answering a preflight: `204` with the CORS headers, or `403` without them.

use std::borrow::Cow;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_HEADERS, ACCESS_CONTROL_REQUEST_METHOD,
    HeaderMap, HeaderValue, VARY,
};

use super::acrh::{self, AcrhError, Requested};
use super::{OriginDenied, TRUE, VARY_PREFLIGHT, single_origin};
use crate::Policy;
use crate::served::OriginTable;

/// The methods a policy that lists none answers preflights for (POLICY §5): those a page may
/// send without a preflight, which still need one when they carry other headers.
pub static DEFAULT_METHODS: [Cow<'static, str>; 3] =
    [Cow::Borrowed("GET"), Cow::Borrowed("HEAD"), Cow::Borrowed("POST")];

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
    fn header_allowed(&self, name: &[u8]) -> bool {
        let headers = &self.served().headers;
        // Browsers send names in lower case, as they are listed: compare bytes first.
        let listed = || headers.names.iter().any(|h| h.as_bytes() == name || h.as_bytes().eq_ignore_ascii_case(name));
        if headers.any { !name.eq_ignore_ascii_case(b"authorization") || listed() } else { listed() }
    }

    /// Checks a preflight in the Fetch standard's order: origin, method (one of `methods`),
    /// then headers.
    pub(crate) fn check_preflight<'a, M: AsRef<str>>(
        &self,
        headers: &'a HeaderMap,
        origin: Result<&HeaderValue, OriginDenied>,
        methods: &[M],
        tenant: Option<&OriginTable>,
    ) -> Result<PreflightAnswer<'a>, PreflightError> {
        let acao = self.allow_seen(origin, tenant).map_err(PreflightError::Origin)?;
        let mut lines = headers.get_all(ACCESS_CONTROL_REQUEST_METHOD);
        let (Some(acrm), None) = (lines.next(), lines.next()) else {
            return Err(PreflightError::MethodLines);
        };
        if !methods.iter().any(|m| m.as_ref().as_bytes() == acrm.as_bytes()) {
            return Err(PreflightError::Method);
        }
        let lines = headers.get_all(ACCESS_CONTROL_REQUEST_HEADERS).as_slice();
        let requested = match lines {
            // A browser asking for one listed header sends exactly its name: the answer.
            [one] if self.served().headers.names.iter().any(|h| h.as_bytes() == one.as_bytes()) => {
                Requested::Canonical(one)
            }
            _ => {
                let max_len = self.served().headers.max_name_len;
                acrh::check(lines.iter(), max_len, |n| self.header_allowed(n)).map_err(PreflightError::Headers)?
            }
        };
        Ok(PreflightAnswer { acao, method: acrm.clone(), requested })
    }

    /// The complete answer to a preflight for one of `methods`: `204` with the CORS headers,
    /// or `403` without them. No handler runs.
    pub(crate) fn preflight_response<M: AsRef<str>>(
        &self,
        headers: &HeaderMap,
        methods: &[M],
        tenant: Option<&OriginTable>,
    ) -> HttpResponse {
        self.preflight_answer(headers, single_origin(headers), methods, tenant)
    }

    /// [`Self::preflight_response`] for a request whose `Origin` was already looked up.
    pub(crate) fn preflight_answer<M: AsRef<str>>(
        &self,
        headers: &HeaderMap,
        origin: Result<&HeaderValue, OriginDenied>,
        methods: &[M],
        tenant: Option<&OriginTable>,
    ) -> HttpResponse {
        let answer = match self.check_preflight(headers, origin, methods, tenant) {
            Ok(answer) => answer,
            Err(reason) => {
                tracing::debug!(target: "cors", ?reason, origin = ?headers.get(actix_web::http::header::ORIGIN), "preflight refused");
                let mut res = HttpResponse::new(StatusCode::FORBIDDEN);
                res.headers_mut().insert(VARY, VARY_PREFLIGHT.clone());
                return res;
            }
        };
        let mut res = HttpResponse::new(StatusCode::NO_CONTENT);
        let h = res.headers_mut();
        h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, answer.acao);
        if self.served().credentials {
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
                let value = HeaderValue::try_from(names).expect("rebuilt from tokens, which are valid header bytes");
                h.insert(ACCESS_CONTROL_ALLOW_HEADERS, value);
            }
        }
        if let Some(max_age) = &self.served().max_age {
            h.insert(ACCESS_CONTROL_MAX_AGE, max_age.value());
        }
        h.insert(VARY, VARY_PREFLIGHT.clone());
        res
    }
}
