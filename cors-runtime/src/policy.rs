//! [`Policy`]: a validated policy in the form the engine serves it, and its run-time builder.

use std::time::Duration;

use cors_policy::{DevOrigins, PolicySpec, Violations, compile, validate};

use crate::served::Served;

/// A validated CORS policy, ready to serve.
///
/// There are three ways to get one, and all three apply the same rules:
/// - `#[cors(...)]` builds one per handler at compile time;
/// - [`policy!`](crate::policy!) builds one at compile time to share between routes and
///   middleware: `static SPA: Policy = policy!(...);`;
/// - [`Policy::builder`] builds one at start-up, for origins that come from configuration,
///   and returns every violation instead of a policy.
#[derive(Clone, Debug)]
pub struct Policy(pub(crate) Served);

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
    /// let err = Policy::builder().origins(["*"]).credentials(true).build().unwrap_err();
    /// assert!(err.to_string().contains("credentials"));
    /// ```
    pub fn builder() -> PolicyBuilder {
        PolicyBuilder::default()
    }

    /// Whether the policy allows credentialed requests.
    pub fn credentials(&self) -> bool {
        self.0.credentials
    }

    /// Whether the policy allows every origin (`"*"`).
    pub fn allows_any_origin(&self) -> bool {
        matches!(self.0.origins, crate::served::Origins::Any)
    }

    /// The tenant store the policy's origins come from, if they do.
    #[inline]
    pub(crate) fn store_name(&self) -> Option<&str> {
        match &self.0.origins {
            crate::served::Origins::Store { name, .. } => Some(name),
            _ => None,
        }
    }

    #[inline]
    pub(crate) fn served(&self) -> &Served {
        &self.0
    }
}

/// Builds a [`Policy`] at start-up, for origins that come from configuration.
///
/// Every setter mirrors a key of `#[cors(...)]`, and [`build`](Self::build) applies the same
/// rules as the attribute, returning all violations at once. It never panics and never logs.
/// A policy that lists no `methods` answers preflights for `GET`, `HEAD` and `POST`.
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

    /// `origins_from_store`: the origins come from the tenant store of this name (see the
    /// `cors-store` crate), instead of `origins`.
    pub fn origins_from_store(mut self, name: impl Into<String>) -> Self {
        self.spec.origins_from_store = Some(name.into());
        self
    }

    /// `dev_origins`: local origins, served only when `debug_assertions` is on.
    pub fn dev_origins<I: IntoIterator<Item = S>, S: Into<String>>(mut self, origins: I) -> Self {
        self.spec.dev_origins.extend(origins.into_iter().map(Into::into));
        self
    }

    /// `methods`: the methods preflights may ask for.
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

    /// `max_age`: how long browsers may cache a preflight, in whole seconds (0 to 86400;
    /// a fraction of a second is dropped).
    pub fn max_age(mut self, max_age: Duration) -> Self {
        self.spec.max_age = Some(i64::try_from(max_age.as_secs()).unwrap_or(i64::MAX));
        self
    }

    /// `dangerously_allow_insecure_origins`: accept `http` origins.
    pub fn dangerously_allow_insecure_origins(mut self, yes: bool) -> Self {
        self.spec.allow_insecure_origins = yes;
        self
    }

    /// `dangerously_allow_public_suffix_wildcards`: accept credentialed `*.` entries that
    /// admit sites anyone can register, such as `*.github.io`.
    pub fn dangerously_allow_public_suffix_wildcards(mut self, yes: bool) -> Self {
        self.spec.allow_public_suffix_wildcards = yes;
        self
    }

    /// `dangerously_allow_loopback_origins`: accept loopback origins in `origins`, for an
    /// application that serves one in production (a desktop app's web view).
    pub fn dangerously_allow_loopback_origins(mut self, yes: bool) -> Self {
        self.spec.allow_loopback_origins = yes;
        self
    }

    /// `dangerously_accept_cross_origin_writes`: let writes and WebSocket handshakes from
    /// any origin run (POLICY §4), for an endpoint other sites may post to.
    pub fn dangerously_accept_cross_origin_writes(mut self, yes: bool) -> Self {
        self.spec.accept_cross_origin_writes = yes;
        self
    }

    /// Validates the policy. `dev_origins` are served only by debug builds of this crate.
    pub fn build(self) -> Result<Policy, Violations> {
        let valid = validate(&self.spec)?;
        let dev = if cfg!(debug_assertions) { DevOrigins::Serve } else { DevOrigins::Leave };
        Ok(Policy(Served::from_compiled(compile(&valid, dev))))
    }
}
