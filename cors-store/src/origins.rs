//! [`StoreOrigins`]: a store's entries, checked and cached, as `cors-runtime` asks for them.

use std::sync::Arc;
use std::time::Duration;

use actix_web::HttpRequest;
use actix_web::http::header::ORIGIN;
use cors_policy::{MAX_ORIGIN_LEN, Violations};
use cors_runtime::tenant::{Lookup, OriginSet, TenantOrigins};

use crate::cache::{Inner, Settings, Stats, TenantFn};
use crate::entry::{Timing, now};
use crate::store::{OriginStore, StoreError};
use crate::tenant::{InvalidTenant, is_valid_tenant};

/// The origins of each tenant, from an [`OriginStore`], for the policies declared with
/// `origins_from_store = "name"`.
///
/// Register it with the application under the policy's store name; a route's policy gives
/// everything else (methods, headers, credentials, max-age, the cross-origin write check):
///
/// ```
/// use actix_web::{App, HttpRequest, HttpResponse, get};
/// use cors_runtime::tenant::TenantStores;
/// use cors_runtime::{Policy, cors, policy};
/// use cors_store::{SqliteStore, StoreOrigins};
///
/// static TENANTS: Policy = policy!(origins_from_store = "tenants", headers = ["content-type"], credentials);
///
/// #[cors(TENANTS)]
/// #[get("/t/{tenant}/me")]
/// async fn me() -> HttpResponse {
///     HttpResponse::Ok().finish()
/// }
///
/// # actix_web::rt::System::new().block_on(async {
/// let dir = tempfile::tempdir().unwrap();
/// let store = SqliteStore::open(dir.path().join("origins.db")).await.unwrap();
/// let origins = StoreOrigins::builder("tenants", store, |req: &HttpRequest| req.match_info().get("tenant"))
///     .credentials(TENANTS.credentials())
///     .build();
/// origins.add("acme", "https://app.acme.example").await.unwrap();
///
/// let stores = TenantStores::new().with(origins.clone());
/// let app = App::new().app_data(stores).service(me);
/// # });
/// ```
///
/// Every entry is checked with the policy rules when it is written ([`add`](Self::add)) and
/// again when it is loaded; an invalid one is never served. Requests are answered from a
/// per-tenant cache:
/// - an entry is served for its time-to-live ([`ttl`](StoreOriginsBuilder::ttl)) without
///   asking the store; a request in its last quarter starts a reload in the background, so
///   that a busy tenant's requests never wait;
/// - a request for a tenant not in the cache, or whose entry has expired, waits for one load,
///   shared with every other request for that tenant; unknown tenants are cached too;
/// - when a load fails, the last good entries serve until
///   [`max_stale`](StoreOriginsBuilder::max_stale) past their time-to-live, with a retry in
///   the background every [`retry_after`](StoreOriginsBuilder::retry_after); after that the
///   tenant is allowed no origin until the store answers again;
/// - a store that pushes changes ([`OriginStore::changes`]: PostgreSQL) has every instance
///   reload a changed tenant at once; a write through [`add`](Self::add) or
///   [`remove`](Self::remove) is served by this instance before it returns.
#[derive(Clone)]
pub struct StoreOrigins {
    inner: Arc<Inner>,
}

impl StoreOrigins {
    /// Starts a cache named `name` (the policy's `origins_from_store`) over `store`, with the
    /// function that tells a request's tenant (`None`: the request is for no tenant, and is
    /// allowed no origin).
    ///
    /// The function runs on every request to a route of the policy, before anything else is
    /// known: read the tenant from the request's path (`req.match_info()`, filled for a route
    /// and inside a scope, not in App-level middleware) or its `Host`.
    pub fn builder<S, F>(name: impl Into<String>, store: S, tenant: F) -> StoreOriginsBuilder
    where
        S: OriginStore,
        F: Fn(&HttpRequest) -> Option<&str> + Send + Sync + 'static,
    {
        StoreOriginsBuilder {
            name: name.into(),
            store: Box::new(store),
            tenant: Box::new(tenant),
            credentials: true,
            ttl: Duration::from_secs(30),
            max_stale: Duration::from_secs(60),
            retry_after: Duration::from_secs(1),
            load_timeout: Duration::from_secs(5),
            capacity: 100_000,
        }
    }

    /// Adds `origin` to `tenant`'s entries after checking it with the policy rules; `false`
    /// when it was there already. This instance serves the change before the call returns;
    /// others when the store pushes it or when their entry expires.
    ///
    /// ```
    /// # use actix_web::HttpRequest;
    /// # use cors_store::{SqliteStore, StoreOrigins, WriteError};
    /// # actix_web::rt::System::new().block_on(async {
    /// # let dir = tempfile::tempdir().unwrap();
    /// # let store = SqliteStore::open(dir.path().join("origins.db")).await.unwrap();
    /// # let origins = StoreOrigins::builder("tenants", store, |req: &HttpRequest| req.match_info().get("tenant")).build();
    /// assert!(origins.add("acme", "https://app.acme.example").await.unwrap());
    /// let Err(WriteError::Invalid(violations)) = origins.add("acme", "http://app.acme.example").await else {
    ///     panic!("plain http is refused");
    /// };
    /// assert!(violations.first().fix.contains("https://app.acme.example"));
    /// # });
    /// ```
    pub async fn add(&self, tenant: &str, origin: &str) -> Result<bool, WriteError> {
        InvalidTenant::check(tenant).map_err(WriteError::Tenant)?;
        cors_policy::validate_stored_origin(origin, self.inner.credentials).map_err(WriteError::Invalid)?;
        let added = self.inner.store.insert(tenant, origin).await?;
        self.inner.refresh_if_cached(tenant).await;
        Ok(added)
    }

    /// Removes `origin` from `tenant`'s entries; `false` when it was not there. Served like
    /// [`add`](Self::add). Any stored string can be removed, valid or not.
    pub async fn remove(&self, tenant: &str, origin: &str) -> Result<bool, WriteError> {
        InvalidTenant::check(tenant).map_err(WriteError::Tenant)?;
        let removed = self.inner.store.remove(tenant, origin).await?;
        self.inner.refresh_if_cached(tenant).await;
        Ok(removed)
    }

    /// The entries stored for `tenant`, as written, invalid ones included (for an
    /// administrator); straight from the store.
    pub async fn stored(&self, tenant: &str) -> Result<Vec<String>, StoreError> {
        if !is_valid_tenant(tenant) {
            return Ok(Vec::new());
        }
        self.inner.store.origins(tenant).await
    }

    /// The origins a request for `tenant` is allowed now, through the cache (waiting for a
    /// load when a request would).
    pub async fn allowed(&self, tenant: &str) -> Option<Arc<OriginSet>> {
        if !is_valid_tenant(tenant) {
            return None;
        }
        match self.cached(tenant) {
            Some(set) => set,
            None => Arc::clone(&self.inner).load_waiting(tenant.to_owned()).await,
        }
    }

    /// How many loads the cache made so far.
    pub fn stats(&self) -> Stats {
        self.inner.stats()
    }

    /// The store.
    pub fn store(&self) -> &dyn OriginStore {
        &*self.inner.store
    }

    /// The cached set of `tenant` when it may be served without waiting, starting a
    /// background reload when one is due.
    #[inline]
    fn cached(&self, tenant: &str) -> Option<Option<Arc<OriginSet>>> {
        let entry = self.inner.get(tenant)?;
        let now = now();
        if !entry.usable(now, self.inner.epoch()) {
            return None;
        }
        if entry.claim_refresh(now) {
            self.inner.refresh_in_background(tenant, &entry);
        }
        Some(entry.served.clone())
    }
}

impl TenantOrigins for StoreOrigins {
    fn name(&self) -> &str {
        &self.inner.name
    }

    /// The hot path: no allocation and no waiting when the tenant is cached.
    fn lookup(&self, req: &HttpRequest) -> Lookup {
        let Some(tenant) = (self.inner.tenant)(req) else { return Lookup::Ready(None) };
        if let Some(set) = self.cached(tenant) {
            return Lookup::Ready(set);
        }
        // Without an `Origin` (or with one no browser sends) the engine allows no origin
        // whatever the set: not worth a load. Nor is a name no tenant can have.
        if req.headers().get(ORIGIN).is_none_or(|o| o.len() > MAX_ORIGIN_LEN) || !is_valid_tenant(tenant) {
            return Lookup::Ready(None);
        }
        Lookup::Pending(Box::pin(Arc::clone(&self.inner).load_waiting(tenant.to_owned())))
    }

    fn checked_for_credentials(&self) -> bool {
        self.inner.credentials
    }
}

impl std::fmt::Debug for StoreOrigins {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let i = &self.inner;
        f.debug_struct("StoreOrigins")
            .field("name", &i.name)
            .field("credentials", &i.credentials)
            .field("timing", &i.timing)
            .field("stats", &i.stats())
            .finish_non_exhaustive()
    }
}

/// Settings of a [`StoreOrigins`]; from [`StoreOrigins::builder`].
#[must_use]
pub struct StoreOriginsBuilder {
    name: String,
    store: Box<dyn OriginStore>,
    tenant: Box<TenantFn>,
    credentials: bool,
    ttl: Duration,
    max_stale: Duration,
    retry_after: Duration,
    load_timeout: Duration,
    capacity: usize,
}

impl StoreOriginsBuilder {
    /// The `credentials` of the policies that use the store, which the rules depend on (a
    /// credentialed `*.` entry must not admit sites anyone can register). Default `true`, the
    /// stricter; pass `POLICY.credentials()`. A policy with `credentials` served by a store
    /// built with `false` allows no origin (and logs an error): it never fails open.
    pub fn credentials(mut self, credentials: bool) -> Self {
        self.credentials = credentials;
        self
    }

    /// How long a tenant's entries are served without asking the store: the longest another
    /// instance serves a change late when the store pushes none. Default 30 s; at least 1 ms.
    pub fn ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl.max(Duration::from_millis(1));
        self
    }

    /// How long past their time-to-live the last good entries serve while the store fails.
    /// Default 60 s; zero refuses a tenant's origins as soon as its entry expires unrenewed.
    pub fn max_stale(mut self, max_stale: Duration) -> Self {
        self.max_stale = max_stale;
        self
    }

    /// How long after a failed load the next one is tried. Default 1 s.
    pub fn retry_after(mut self, retry_after: Duration) -> Self {
        self.retry_after = retry_after;
        self
    }

    /// How long a load may take before it counts as failed. Default 5 s.
    pub fn load_timeout(mut self, load_timeout: Duration) -> Self {
        self.load_timeout = load_timeout;
        self
    }

    /// How many tenants the cache holds at most (unknown ones included); the least useful
    /// are evicted first. Default 100 000.
    pub fn capacity(mut self, tenants: usize) -> Self {
        self.capacity = tenants.max(1);
        self
    }

    /// The cache. With a store that pushes changes, it starts listening on the current Tokio
    /// runtime (the one `#[actix_web::main]` runs), and stops when the last clone is dropped.
    pub fn build(self) -> StoreOrigins {
        let timing = Timing {
            ttl: self.ttl.into(),
            refresh_after: (self.ttl * 3 / 4).into(),
            max_stale: self.max_stale.into(),
            retry_after: self.retry_after.min(self.ttl).into(),
        };
        let changes = self.store.changes();
        let inner = Arc::new(Inner::new(Settings {
            name: self.name.into(),
            store: self.store,
            tenant: self.tenant,
            credentials: self.credentials,
            timing,
            load_timeout: self.load_timeout,
            capacity: self.capacity,
        }));
        if let Some(changes) = changes {
            crate::listen::start(&inner, changes);
        }
        StoreOrigins { inner }
    }
}

/// A write that was refused or failed.
#[derive(Debug)]
pub enum WriteError {
    /// The origin breaks the policy rules; each violation says how to fix it.
    Invalid(Violations),
    /// The tenant name cannot be a tenant's.
    Tenant(InvalidTenant),
    /// The store failed.
    Store(StoreError),
}

impl From<StoreError> for WriteError {
    fn from(err: StoreError) -> WriteError {
        WriteError::Store(err)
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Invalid(v) => write!(f, "{v}"),
            WriteError::Tenant(t) => write!(f, "invalid tenant: {t}"),
            WriteError::Store(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WriteError::Invalid(v) => Some(v),
            WriteError::Tenant(_) => None,
            WriteError::Store(e) => Some(e),
        }
    }
}
