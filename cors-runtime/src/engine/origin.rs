//! Is the request's `Origin` allowed?

use actix_web::http::header::{HeaderMap, HeaderValue, ORIGIN};
use cors_policy::MAX_ORIGIN_LEN;
use cors_policy::origin::match_origin_filtered;
use cors_policy::table;

use super::STAR;
use crate::Policy;
use crate::served::{OriginTable, Origins};

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

impl OriginTable {
    /// Whether `origin` (a request's `Origin` value) is in the table, byte for byte, or
    /// matches one of its patterns.
    pub fn allows(&self, origin: &[u8]) -> bool {
        if let Some(i) = table::find(&self.slots, origin)
            && self.slots[i].exact
        {
            return true;
        }
        (self.wildcards || self.any_port)
            && match_origin_filtered(
                origin,
                self.wildcards,
                self.any_port,
                |n| self.pattern_lens.contains(n),
                |k| table::find(&self.slots, k).is_some(),
            )
    }
}

/// The request's one `Origin` line, if it has exactly one of browser length.
#[inline]
pub fn single_origin(headers: &HeaderMap) -> Result<&HeaderValue, OriginDenied> {
    let mut lines = headers.get_all(ORIGIN);
    let origin = lines.next().ok_or(OriginDenied::Missing)?;
    if lines.next().is_some() {
        return Err(OriginDenied::Repeated);
    }
    if origin.len() > MAX_ORIGIN_LEN {
        return Err(OriginDenied::TooLong);
    }
    Ok(origin)
}

impl Policy {
    /// The `Access-Control-Allow-Origin` value for a request with these headers.
    ///
    /// `"*"` for the any-origin policy (whatever the request says, so that the response does
    /// not vary); the request's own origin, byte for byte, when it is allowed; otherwise why
    /// not. `tenant` holds the entries of a store-backed policy for the request's tenant.
    pub(crate) fn allow_origin(
        &self,
        headers: &HeaderMap,
        tenant: Option<&OriginTable>,
    ) -> Result<HeaderValue, OriginDenied> {
        self.allow_seen(single_origin(headers), tenant)
    }

    /// [`Self::allow_origin`] for the request's `Origin` line, already looked up.
    #[inline]
    pub(crate) fn allow_seen(
        &self,
        origin: Result<&HeaderValue, OriginDenied>,
        tenant: Option<&OriginTable>,
    ) -> Result<HeaderValue, OriginDenied> {
        let allowed = match &self.served().origins {
            Origins::Any => return Ok(STAR.clone()),
            Origins::Table(t) => t.allows(origin?.as_bytes()),
            Origins::Store { dev, .. } => {
                let bytes = origin?.as_bytes();
                tenant.is_some_and(|t| t.allows(bytes)) || dev.allows(bytes)
            }
        };
        if allowed { Ok(origin?.clone()) } else { Err(OriginDenied::NotAllowed) }
    }
}
