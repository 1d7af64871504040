//! What the cache holds for one tenant, and when it may be served.
//!
//! Times come from a coarse monotonic clock (a few nanoseconds to read, a few milliseconds
//! of resolution): the hot path reads it on every request.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use coarsetime::{Duration, Instant};
use cors_runtime::tenant::OriginSet;

/// The clock of every deadline here.
#[inline]
pub(crate) fn now() -> Instant {
    // Not `Instant::now`, which also writes a process-wide atomic: every worker thread would
    // contend on it.
    Instant::now_without_cache_update()
}

/// The timing settings of a cache.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Timing {
    /// How long a load's result is served without asking the store again.
    pub ttl: Duration,
    /// From when a request starts a reload in the background (before `ttl`, so that a busy
    /// tenant's requests never wait).
    pub refresh_after: Duration,
    /// How long past `ttl` the last good result stands in for a failing store.
    pub max_stale: Duration,
    /// How long after a failed load the next one is tried.
    pub retry_after: Duration,
}

/// The last successful load: what it found, and until when it may stand in for a failing
/// store.
#[derive(Clone, Debug)]
pub(crate) struct Good {
    pub set: Option<Arc<OriginSet>>,
    pub until: Instant,
}

/// One tenant's cache entry. Entries are never changed, only replaced (except the flag that
/// lets a single request start a background reload).
#[derive(Debug)]
pub(crate) struct Entry {
    /// What requests get: `None` allows no origin.
    pub served: Option<Arc<OriginSet>>,
    /// From then on a request starts a background reload, and is served meanwhile.
    pub refresh_at: Instant,
    /// From then on a request waits for a reload.
    pub expires_at: Instant,
    /// The store's change counter when the load started: a later [`Change::All`] expires it.
    ///
    /// [`Change::All`]: crate::Change::All
    pub epoch: u64,
    /// The last successful load, for failures.
    pub good: Option<Good>,
    /// Whether `served` is the last good set, standing in for a failed load.
    pub stale: bool,
    /// Whether a background reload was started from this entry.
    refreshing: AtomicBool,
}

impl Entry {
    /// The result of a successful load that started at `started`.
    pub fn loaded(set: Option<Arc<OriginSet>>, started: Instant, epoch: u64, t: &Timing) -> Entry {
        let good = Good { set: set.clone(), until: started + t.ttl + t.max_stale };
        Entry::new(set, started + t.refresh_after, started + t.ttl, epoch, Some(good), false)
    }

    /// The entry after a load failed at `now`: the last good set while it is within its
    /// bound (with a background retry every `retry_after`), then nothing.
    pub fn failed(prev: Option<&Entry>, now: Instant, epoch: u64, t: &Timing) -> Entry {
        match prev.and_then(|p| p.good.clone()).filter(|g| now < g.until) {
            Some(good) => Entry::new(good.set.clone(), now + t.retry_after, good.until, epoch, Some(good), true),
            None => Entry::new(None, now + t.retry_after, now + t.ttl, epoch, None, false),
        }
    }

    fn new(
        served: Option<Arc<OriginSet>>,
        refresh_at: Instant,
        expires_at: Instant,
        epoch: u64,
        good: Option<Good>,
        stale: bool,
    ) -> Entry {
        Entry { served, refresh_at, expires_at, epoch, good, stale, refreshing: AtomicBool::new(false) }
    }

    /// Whether a request at `now` may be served from this entry without waiting.
    #[inline]
    pub fn usable(&self, now: Instant, epoch: u64) -> bool {
        now < self.expires_at && self.epoch == epoch
    }

    /// Whether a request at `now` should start a background reload; true once per entry.
    #[inline]
    pub fn claim_refresh(&self, now: Instant) -> bool {
        now >= self.refresh_at
            && !self.refreshing.load(Ordering::Relaxed)
            && !self.refreshing.swap(true, Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timing() -> Timing {
        Timing {
            ttl: Duration::from_secs(30),
            refresh_after: Duration::from_secs(20),
            max_stale: Duration::from_secs(60),
            retry_after: Duration::from_secs(1),
        }
    }

    fn set() -> Option<Arc<OriginSet>> {
        let p = cors_policy::validate_stored_origin("https://app.acme.example", true).unwrap();
        Some(Arc::new(OriginSet::new(&[p])))
    }

    #[test]
    fn a_load_serves_until_its_ttl_and_refreshes_once_before() {
        let t0 = now();
        let e = Entry::loaded(set(), t0, 0, &timing());
        assert!(e.usable(t0, 0));
        assert!(!e.claim_refresh(t0 + Duration::from_secs(19)));
        assert!(e.claim_refresh(t0 + Duration::from_secs(21)));
        assert!(!e.claim_refresh(t0 + Duration::from_secs(22)), "one background reload per entry");
        assert!(e.usable(t0 + Duration::from_secs(29), 0));
        assert!(!e.usable(t0 + Duration::from_secs(30), 0));
        assert!(!e.usable(t0, 1), "a bulk change expires it");
        assert!(!e.stale);
    }

    #[test]
    fn a_failure_serves_the_last_good_set_within_its_bound_then_nothing() {
        let t0 = now();
        let good = Entry::loaded(set(), t0, 0, &timing());
        let at = t0 + Duration::from_secs(40);
        let stale = Entry::failed(Some(&good), at, 0, &timing());
        assert!(stale.served.is_some() && stale.stale);
        assert!(stale.usable(at, 0));
        assert!(stale.claim_refresh(at + Duration::from_secs(1)), "retried in the background");
        assert!(stale.usable(t0 + Duration::from_secs(89), 0));
        assert!(!stale.usable(t0 + Duration::from_secs(90), 0), "never past ttl + max_stale");

        let late = t0 + Duration::from_secs(90);
        let gone = Entry::failed(Some(&stale), late, 0, &timing());
        assert!(gone.served.is_none() && gone.good.is_none());
        assert!(gone.usable(late, 0));
        assert!(Entry::failed(None, late, 0, &timing()).served.is_none());
    }
}
