//! Origins that change while the application runs, per tenant: the hook through which a
//! policy declared with `origins_from_store = "name"` gets the request's tenant's origins.
//!
//! The `cors-store` crate implements it on SQLite and PostgreSQL with a cache; this module
//! only defines what the engine needs, so that `cors-runtime` stays small.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use actix_web::HttpRequest;
use cors_policy::OriginPattern;

use crate::served::OriginTable;

/// A tenant's allowed origins, validated and laid out for matching.
///
/// Build it from patterns that passed `cors_policy::validate_stored_origin` (the store does
/// this on every load); the table is the one static policies use.
#[derive(Clone, Debug)]
pub struct OriginSet {
    pub(crate) table: OriginTable,
    len: usize,
}

impl OriginSet {
    /// The set of `patterns`, which must be distinct.
    pub fn new(patterns: &[OriginPattern]) -> OriginSet {
        let table = OriginTable::from_compiled(cors_policy::OriginTable::build(patterns));
        OriginSet { table, len: patterns.len() }
    }

    /// The set that allows no origin.
    pub fn empty() -> OriginSet {
        OriginSet::new(&[])
    }

    /// Whether `origin`, a request's `Origin` value, is in the set.
    pub fn allows(&self, origin: &str) -> bool {
        self.table.allows(origin.as_bytes())
    }

    /// How many entries the set holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the set holds no entry.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// What a lookup found: the tenant's set (`None`: no origin is allowed, for an unknown tenant
/// or a store that has failed for too long), now or once loaded.
pub enum Lookup {
    /// Known without waiting: the hot path.
    Ready(Option<Arc<OriginSet>>),
    /// To be loaded; the request waits for it.
    Pending(Pin<Box<dyn Future<Output = Option<Arc<OriginSet>>>>>),
}

impl fmt::Debug for Lookup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lookup::Ready(set) => f.debug_tuple("Ready").field(set).finish(),
            Lookup::Pending(_) => f.write_str("Pending"),
        }
    }
}

/// A source of per-tenant origins, named as in `origins_from_store = "name"`.
///
/// Register it with the application, `App::new().app_data(TenantStores::new().with(source))`;
/// every route and middleware whose policy names it then asks it for the request's tenant's
/// origins. A policy whose store is not registered allows no origin (and says so in the log).
pub trait TenantOrigins: Send + Sync + 'static {
    /// The name policies use for it.
    fn name(&self) -> &str;

    /// The origins of the tenant this request is for. Only asked for requests with an
    /// `Origin`.
    fn lookup(&self, req: &HttpRequest) -> Lookup;

    /// Whether every origin it returns passed `validate_stored_origin(origin, true)`, the
    /// rules of a policy with `credentials`, which also refuse wildcards over public suffixes.
    /// A policy with `credentials` allows no origin from a store that says `false`.
    fn checked_for_credentials(&self) -> bool;
}

/// The tenant stores of an application, by name: add it with `App::app_data`.
#[derive(Clone, Default)]
pub struct TenantStores {
    stores: Vec<Arc<dyn TenantOrigins>>,
}

impl TenantStores {
    /// No store yet.
    pub fn new() -> TenantStores {
        TenantStores::default()
    }

    /// Adds a store; a later one with the same name replaces it.
    #[must_use]
    pub fn with(mut self, store: impl TenantOrigins) -> TenantStores {
        self.stores.retain(|s| s.name() != store.name());
        self.stores.push(Arc::new(store));
        self
    }

    /// The store named `name`.
    pub fn get(&self, name: &str) -> Option<&dyn TenantOrigins> {
        self.stores.iter().find(|s| s.name() == name).map(|s| &**s)
    }
}

impl fmt::Debug for TenantStores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.stores.iter().map(|s| s.name())).finish()
    }
}
