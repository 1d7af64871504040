//! Applying the changes a store pushes: each changed tenant that is cached is reloaded at
//! once; a bulk change, or a gap in the feed, expires every entry.

use std::collections::HashSet;
use std::sync::{Arc, Weak};

use futures_util::stream::{self, BoxStream};
use futures_util::{FutureExt, StreamExt};

use crate::cache::Inner;
use crate::store::Change;

/// Reloads of changed tenants that run side by side.
const PARALLEL_RELOADS: usize = 8;

/// Starts applying `changes` to `inner` on the current Tokio runtime, until `inner` is
/// dropped. Without a runtime, changes are not applied and entries expire by their ttl.
pub(crate) fn start(inner: &Arc<Inner>, changes: BoxStream<'static, Change>) {
    let Ok(rt) = tokio::runtime::Handle::try_current() else {
        tracing::warn!(
            target: "cors", store = %inner.name,
            "tenant store: no Tokio runtime to listen for changes on; cached origins expire by their time-to-live"
        );
        return;
    };
    let task = rt.spawn(apply(Arc::downgrade(inner), changes));
    if let Ok(mut slot) = inner.listener.lock() {
        *slot = Some(task.abort_handle());
    }
}

async fn apply(inner: Weak<Inner>, mut changes: BoxStream<'static, Change>) {
    while let Some(first) = changes.next().await {
        // A burst (one transaction touching many rows) arrives together: take all of it.
        let mut batch = vec![first];
        while let Some(Some(more)) = changes.next().now_or_never() {
            batch.push(more);
        }
        let Some(inner) = inner.upgrade() else { return };
        if batch.contains(&Change::All) {
            inner.expire_all();
            continue;
        }
        let tenants: HashSet<String> =
            batch.into_iter().filter_map(|c| if let Change::Tenant(t) = c { Some(t) } else { None }).collect();
        let inner = &inner;
        stream::iter(tenants)
            .for_each_concurrent(PARALLEL_RELOADS, |tenant| async move { inner.refresh_if_cached(&tenant).await })
            .await;
    }
}
