//! The per-tenant cache behind [`StoreOrigins`](crate::StoreOrigins): entries, loads, and
//! what happens when the store fails.
//!
//! Loads of one tenant never overlap: each takes one of [`STRIPES`] async locks, chosen by
//! the tenant's hash, and looks at the cache again once it holds it. A thousand requests for
//! a cold tenant therefore cause one query, and a reload started after a change always writes
//! last, so an older result never replaces a newer one.

use std::collections::HashSet;
use std::fmt;
use std::hash::{BuildHasher, RandomState};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};

use actix_web::HttpRequest;
use cors_runtime::tenant::OriginSet;
use tokio::sync::{Mutex, MutexGuard};

use crate::entry::{Entry, Timing, now};
use crate::store::OriginStore;

/// Async locks that serialise the loads of each tenant.
const STRIPES: usize = 64;

/// The application's function from a request to its tenant.
pub(crate) type TenantFn = dyn Fn(&HttpRequest) -> Option<&str> + Send + Sync;

/// How many loads the cache made, and how many failed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Loads started: one query to the store each.
    pub loads: u64,
    /// Loads that failed or timed out.
    pub failed_loads: u64,
    /// Tenants in the cache, unknown ones included.
    pub cached_tenants: usize,
    /// How many times every entry was expired at once: the store's change feed (re)connected
    /// (changes may have been missed before), or reported a bulk change.
    pub resyncs: u64,
}

/// Everything a [`StoreOrigins`](crate::StoreOrigins) shares between its clones.
pub(crate) struct Inner {
    pub name: Box<str>,
    pub store: Box<dyn OriginStore>,
    pub tenant: Box<TenantFn>,
    pub credentials: bool,
    pub timing: Timing,
    pub load_timeout: std::time::Duration,
    cache: quick_cache::sync::Cache<Box<str>, Arc<Entry>>,
    stripes: Box<[Mutex<()>]>,
    hasher: RandomState,
    epoch: AtomicU64,
    loads: AtomicU64,
    failed_loads: AtomicU64,
    resyncs: AtomicU64,
    failing: AtomicBool,
    /// The task that applies the store's pushed changes, stopped with the cache.
    pub listener: std::sync::Mutex<Option<tokio::task::AbortHandle>>,
}

/// The settings [`Inner::new`] takes.
pub(crate) struct Settings {
    pub name: Box<str>,
    pub store: Box<dyn OriginStore>,
    pub tenant: Box<TenantFn>,
    pub credentials: bool,
    pub timing: Timing,
    pub load_timeout: std::time::Duration,
    pub capacity: usize,
}

impl Inner {
    pub fn new(s: Settings) -> Inner {
        Inner {
            name: s.name,
            store: s.store,
            tenant: s.tenant,
            credentials: s.credentials,
            timing: s.timing,
            load_timeout: s.load_timeout,
            cache: quick_cache::sync::Cache::new(s.capacity),
            stripes: (0..STRIPES).map(|_| Mutex::new(())).collect(),
            hasher: RandomState::new(),
            epoch: AtomicU64::new(0),
            loads: AtomicU64::new(0),
            failed_loads: AtomicU64::new(0),
            resyncs: AtomicU64::new(0),
            failing: AtomicBool::new(false),
            listener: std::sync::Mutex::new(None),
        }
    }

    /// The cached entry of `tenant`, if any: the hot path.
    #[inline]
    pub fn get(&self, tenant: &str) -> Option<Arc<Entry>> {
        self.cache.get(tenant)
    }

    /// The store's change counter: entries loaded before the last [`Change::All`] are expired.
    ///
    /// [`Change::All`]: crate::Change::All
    #[inline]
    pub fn epoch(&self) -> u64 {
        self.epoch.load(Relaxed)
    }

    /// Expires every entry at once, keeping their last good sets for failures.
    pub fn expire_all(&self) {
        self.epoch.fetch_add(1, Relaxed);
        self.resyncs.fetch_add(1, Relaxed);
    }

    pub fn stats(&self) -> Stats {
        Stats {
            loads: self.loads.load(Relaxed),
            failed_loads: self.failed_loads.load(Relaxed),
            cached_tenants: self.cache.len(),
            resyncs: self.resyncs.load(Relaxed),
        }
    }

    async fn lock(&self, tenant: &str) -> MutexGuard<'_, ()> {
        let i = self.hasher.hash_one(tenant) as usize % STRIPES;
        self.stripes[i].lock().await
    }

    /// The origins of `tenant` for a request that found no usable entry: waits for the load
    /// in flight, or makes one.
    pub async fn load_waiting(self: Arc<Self>, tenant: String) -> Option<Arc<OriginSet>> {
        let _loading = self.lock(&tenant).await;
        let prev = self.get(&tenant);
        if let Some(e) = &prev
            && e.usable(now(), self.epoch())
        {
            return e.served.clone();
        }
        self.reload(&tenant, prev).await
    }

    /// Starts a reload of `tenant` in the background, unless `seen` has been replaced by then.
    /// Without a Tokio runtime to run it on, the entry simply expires at its time.
    pub fn refresh_in_background(self: &Arc<Self>, tenant: &str, seen: &Arc<Entry>) {
        let Ok(rt) = tokio::runtime::Handle::try_current() else { return };
        let (inner, tenant, seen) = (Arc::clone(self), tenant.to_owned(), Arc::clone(seen));
        rt.spawn(async move {
            let _loading = inner.lock(&tenant).await;
            let current = inner.get(&tenant);
            if current.as_ref().is_some_and(|c| Arc::ptr_eq(c, &seen)) {
                inner.reload(&tenant, current).await;
            }
        });
    }

    /// Reloads `tenant` if it is cached: after a write, or a change pushed by the store.
    pub async fn refresh_if_cached(&self, tenant: &str) {
        let _loading = self.lock(tenant).await;
        if let Some(prev) = self.get(tenant) {
            self.reload(tenant, Some(prev)).await;
        }
    }

    /// Asks the store, caches the outcome and returns what requests are now served. The
    /// caller holds the tenant's lock.
    async fn reload(&self, tenant: &str, prev: Option<Arc<Entry>>) -> Option<Arc<OriginSet>> {
        let (started, epoch) = (now(), self.epoch());
        self.loads.fetch_add(1, Relaxed);
        let entry = match tokio::time::timeout(self.load_timeout, self.store.origins(tenant)).await {
            Ok(Ok(stored)) => {
                if self.failing.swap(false, Relaxed) {
                    tracing::info!(target: "cors", store = %self.name, "tenant store answers again");
                }
                Entry::loaded(self.build_set(tenant, stored), started, epoch, &self.timing)
            }
            Ok(Err(err)) => self.failed(tenant, prev.as_deref(), epoch, &err),
            Err(_) => {
                self.failed(tenant, prev.as_deref(), epoch, &format_args!("no answer within {:?}", self.load_timeout))
            }
        };
        let served = entry.served.clone();
        self.cache.insert(tenant.into(), Arc::new(entry));
        served
    }

    /// The entry after a failed load, logged: an error when the store starts failing, a
    /// warning when a tenant's last good origins pass their bound.
    fn failed(&self, tenant: &str, prev: Option<&Entry>, epoch: u64, err: &dyn fmt::Display) -> Entry {
        self.failed_loads.fetch_add(1, Relaxed);
        let entry = Entry::failed(prev, now(), epoch, &self.timing);
        let serving = if entry.stale { "its last good origins, for a bounded time" } else { "no origin" };
        if !self.failing.swap(true, Relaxed) {
            tracing::error!(target: "cors", store = %self.name, tenant, error = %err, serving, "tenant store failed");
        } else if prev.is_some_and(|p| p.stale) && !entry.stale {
            tracing::warn!(target: "cors", store = %self.name, tenant, error = %err, "tenant store still failing: the tenant's last good origins expired; no origin is allowed");
        } else {
            tracing::debug!(target: "cors", store = %self.name, tenant, error = %err, serving, "tenant store failed");
        }
        entry
    }

    /// The set of the entries that pass the policy rules; each other one is logged and left
    /// out. `None` when none is left: the tenant is allowed no origin.
    fn build_set(&self, tenant: &str, stored: Vec<String>) -> Option<Arc<OriginSet>> {
        let mut keys = HashSet::with_capacity(stored.len());
        let mut patterns = Vec::with_capacity(stored.len());
        for origin in &stored {
            match cors_policy::validate_stored_origin(origin, self.credentials) {
                Ok(p) if keys.insert(p.key()) => patterns.push(p),
                Ok(_) => {}
                Err(violations) => tracing::warn!(
                    target: "cors", store = %self.name, tenant, origin = %Clipped(origin),
                    violations = %OneLine(&violations), "stored origin is invalid and is not served"
                ),
            }
        }
        (!patterns.is_empty()).then(|| Arc::new(OriginSet::new(&patterns)))
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(task) = self.listener.get_mut().ok().and_then(Option::take) {
            task.abort();
        }
    }
}

/// Violations on one line, for the log: `message; fix`, separated by ` | `.
struct OneLine<'a>(&'a cors_policy::Violations);

impl fmt::Display for OneLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.0.iter().enumerate() {
            write!(f, "{}{}; {}", if i == 0 { "" } else { " | " }, v.message, v.fix)?;
        }
        Ok(())
    }
}

/// A stored string for the log: escaped, and cut after a few hundred bytes.
struct Clipped<'a>(&'a str);

impl fmt::Display for Clipped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MAX: usize = 400;
        let end = (0..=MAX.min(self.0.len())).rev().find(|&i| self.0.is_char_boundary(i)).unwrap_or(0);
        write!(f, "{:?}", &self.0[..end])?;
        if end < self.0.len() { write!(f, " ({} bytes in all)", self.0.len()) } else { Ok(()) }
    }
}
