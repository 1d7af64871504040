//! [`Policy`]: a validated policy in the form the engine serves it.

use std::borrow::Cow;

use actix_web::http::header::HeaderValue;
use cors_policy::table::KeyLengths;
use cors_policy::{PolicySpec, ValidPolicy, Violations, validate};

/// One slot of the origin hash table: the lookup key, and the same bytes as a ready
/// `Access-Control-Allow-Origin` value, so that an exact match is answered without copying.
#[derive(Clone, Debug)]
pub struct Slot {
    pub(crate) key: Cow<'static, str>,
    pub(crate) value: HeaderValue,
    /// An exact origin, as opposed to a `*.` or `:*` pattern, which must never be echoed.
    pub(crate) exact: bool,
}

impl Slot {
    /// An empty slot.
    pub const EMPTY: Slot = Slot { key: Cow::Borrowed(""), value: HeaderValue::from_static(""), exact: false };

    /// A slot holding an exact origin known at compile time.
    pub const fn exact(key: &'static str) -> Slot {
        Slot { key: Cow::Borrowed(key), value: HeaderValue::from_static(key), exact: true }
    }

    /// A slot holding a pattern key known at compile time.
    pub const fn pattern(key: &'static str) -> Slot {
        Slot { key: Cow::Borrowed(key), value: HeaderValue::from_static(""), exact: false }
    }

    fn owned(key: String) -> Slot {
        let exact = !key.contains('*');
        let value = if exact { HeaderValue::from_str(&key).ok() } else { None };
        Slot { key: Cow::Owned(key), value: value.unwrap_or_else(|| HeaderValue::from_static("")), exact }
    }
}

impl AsRef<str> for Slot {
    fn as_ref(&self) -> &str {
        &self.key
    }
}

/// A validated CORS policy, ready to serve.
///
/// `#[cors]` builds one per handler at compile time, as a `static`. Policies whose origins
/// come from configuration are built at start-up with [`Policy::builder`], which runs the same
/// validation as the attribute and returns every violation instead of a policy.
#[derive(Clone, Debug)]
pub struct Policy {
    pub(crate) any_origin: bool,
    pub(crate) slots: Cow<'static, [Slot]>,
    pub(crate) wildcards: bool,
    pub(crate) any_port: bool,
    /// The lengths of the pattern keys, so that wildcard matching skips impossible candidates.
    pub(crate) pattern_lens: KeyLengths,
    pub(crate) methods: Cow<'static, [HeaderValue]>,
    pub(crate) any_header: bool,
    pub(crate) headers: Cow<'static, [Cow<'static, str>]>,
    pub(crate) max_header_len: usize,
    pub(crate) credentials: bool,
    pub(crate) expose: Option<HeaderValue>,
    pub(crate) max_age: Option<HeaderValue>,
}

impl Policy {
    /// Starts a policy built at run time.
    ///
    /// ```
    /// use cors_runtime::Policy;
    ///
    /// let policy = Policy::builder()
    ///     .origins(["https://app.example.com"])
    ///     .methods(["GET", "PUT"])
    ///     .headers(["content-type"])
    ///     .credentials(true)
    ///     .build()
    ///     .expect("a valid policy");
    /// assert!(policy.credentials());
    ///
    /// let err = Policy::builder().origins(["*"]).methods(["GET"]).credentials(true).build().unwrap_err();
    /// assert!(err.to_string().contains("credentials"));
    /// ```
    pub fn builder() -> PolicyBuilder {
        PolicyBuilder::default()
    }

    /// Whether the policy allows credentialed requests.
    pub fn credentials(&self) -> bool {
        self.credentials
    }

    /// Whether the policy allows every origin (`"*"`).
    pub fn allows_any_origin(&self) -> bool {
        self.any_origin
    }

    /// Builds the served form of a validated policy; `dev` says whether to include
    /// `dev_origins`.
    pub(crate) fn from_valid(v: &ValidPolicy, dev: bool) -> Policy {
        let mut list = v.origins.clone();
        if dev {
            list.patterns.extend(v.dev_origins.patterns.iter().cloned());
        }
        let slots = list.slots().into_iter().map(|k| if k.is_empty() { Slot::EMPTY } else { Slot::owned(k) });
        let pattern_lens = KeyLengths::of(list.keys().into_iter().filter(|k| k.contains('*')));
        let hv = |s: String| HeaderValue::from_str(&s).ok();
        Policy {
            any_origin: list.any,
            slots: slots.collect::<Vec<_>>().into(),
            wildcards: list.has_wildcards(),
            any_port: list.has_any_port(),
            pattern_lens,
            methods: v.methods.iter().filter_map(|m| HeaderValue::from_str(m).ok()).collect::<Vec<_>>().into(),
            any_header: v.headers.any,
            max_header_len: v.headers.max_name_len(),
            headers: v.headers.names.iter().cloned().map(Cow::Owned).collect::<Vec<_>>().into(),
            credentials: v.credentials,
            expose: v.expose_value().and_then(hv),
            max_age: v.max_age_value().and_then(hv),
        }
    }
}

/// Builds a [`Policy`] at start-up, for origins that come from configuration.
///
/// Every setter mirrors a key of `#[cors(...)]`, and [`build`](Self::build) applies the same
/// rules as the attribute, returning all violations at once. It never panics and never logs.
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct PolicyBuilder {
    spec: PolicySpec,
}

impl PolicyBuilder {
    /// `origins`: the allowed origins, `"*"` for any, `"https://*.example.com"` for subdomains.
    pub fn origins<I: IntoIterator<Item = S>, S: Into<String>>(mut self, origins: I) -> Self {
        self.spec.origins.get_or_insert_default().extend(origins.into_iter().map(Into::into));
        self
    }

    /// `dev_origins`: loopback origins, served only when `debug_assertions` is on.
    pub fn dev_origins<I: IntoIterator<Item = S>, S: Into<String>>(mut self, origins: I) -> Self {
        self.spec.dev_origins.extend(origins.into_iter().map(Into::into));
        self
    }

    /// `methods`: the methods preflights may ask for. Required: a run-time policy has no route
    /// to take them from.
    pub fn methods<I: IntoIterator<Item = S>, S: Into<String>>(mut self, methods: I) -> Self {
        self.spec.methods.get_or_insert_default().extend(methods.into_iter().map(Into::into));
        self
    }

    /// `headers`: request headers scripts may send.
    pub fn headers<I: IntoIterator<Item = S>, S: Into<String>>(mut self, headers: I) -> Self {
        self.spec.headers.extend(headers.into_iter().map(Into::into));
        self
    }

    /// `expose`: response headers scripts may read.
    pub fn expose<I: IntoIterator<Item = S>, S: Into<String>>(mut self, headers: I) -> Self {
        self.spec.expose.extend(headers.into_iter().map(Into::into));
        self
    }

    /// `credentials`: allow cookies and HTTP authentication.
    pub fn credentials(mut self, yes: bool) -> Self {
        self.spec.credentials = yes;
        self
    }

    /// `max_age`: how long browsers may cache a preflight, in seconds (0 to 86400).
    pub fn max_age(mut self, seconds: i64) -> Self {
        self.spec.max_age = Some(seconds);
        self
    }

    /// `dangerously_allow_insecure_origins`: accept `http` origins.
    pub fn dangerously_allow_insecure_origins(mut self, yes: bool) -> Self {
        self.spec.allow_insecure_origins = yes;
        self
    }

    /// `dangerously_allow_public_suffix_wildcards`: accept credentialed `*.` entries over a
    /// public suffix such as `*.github.io`.
    pub fn dangerously_allow_public_suffix_wildcards(mut self, yes: bool) -> Self {
        self.spec.allow_public_suffix_wildcards = yes;
        self
    }

    /// The policy as written so far.
    pub fn spec(&self) -> &PolicySpec {
        &self.spec
    }

    /// Validates the policy. `dev_origins` are included only in debug builds.
    pub fn build(self) -> Result<Policy, Violations> {
        let valid = validate(&self.spec)?;
        Ok(Policy::from_valid(&valid, cfg!(debug_assertions)))
    }
}
