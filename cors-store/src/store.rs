//! [`OriginStore`]: where tenants' origins are kept, and nothing else.
//!
//! The trait is small on purpose: reading one tenant's entries, adding and removing one, and
//! an optional feed of changes made elsewhere. Validation, caching and failure handling live
//! in [`StoreOrigins`](crate::StoreOrigins), so that every store gets them alike.

use std::fmt;
use std::sync::Arc;

use futures_util::future::BoxFuture;
use futures_util::stream::BoxStream;

/// A persistent set of `(tenant, origin)` entries.
///
/// Implementations store strings as given: [`StoreOrigins`](crate::StoreOrigins) checks every
/// entry with the policy rules before writing it and again after reading it, so that a row
/// written by another tool is never served unchecked. Queries must be parameterised: tenant
/// names and origins come from requests and from administrators.
///
/// ```
/// use cors_store::{OriginStore, SqliteStore};
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let dir = tempfile::tempdir().unwrap();
/// let store = SqliteStore::open(dir.path().join("origins.db")).await.unwrap();
/// assert!(store.insert("acme", "https://app.acme.example").await.unwrap());
/// assert_eq!(store.origins("acme").await.unwrap(), ["https://app.acme.example"]);
/// assert!(store.origins("globex").await.unwrap().is_empty());
/// # });
/// ```
pub trait OriginStore: Send + Sync + 'static {
    /// The entries stored for `tenant`, as written; none for a tenant the store does not know.
    fn origins<'a>(&'a self, tenant: &'a str) -> BoxFuture<'a, Result<Vec<String>, StoreError>>;

    /// Adds an entry; `false` when it was there already.
    fn insert<'a>(&'a self, tenant: &'a str, origin: &'a str) -> BoxFuture<'a, Result<bool, StoreError>>;

    /// Removes an entry; `false` when it was not there.
    fn remove<'a>(&'a self, tenant: &'a str, origin: &'a str) -> BoxFuture<'a, Result<bool, StoreError>>;

    /// Whether the store holds no entry at all (to seed a new deployment, say).
    fn is_empty(&self) -> BoxFuture<'_, Result<bool, StoreError>>;

    /// Changes made through any instance, as the store pushes them: PostgreSQL's
    /// `LISTEN`/`NOTIFY`. `None` (the default) means the store cannot push changes, and other
    /// instances see them when their cached entries expire.
    ///
    /// The stream should yield [`Change::All`] whenever it may have missed changes (after a
    /// reconnection, say), and go on for as long as the store lives.
    fn changes(&self) -> Option<BoxStream<'static, Change>> {
        None
    }
}

/// A change pushed by a store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The entries of this tenant changed.
    Tenant(String),
    /// Anything may have changed (a bulk change, or a gap in the notifications).
    All,
}

/// A store that did not answer: the database is unreachable, a query failed or timed out.
#[derive(Debug)]
pub struct StoreError(Box<dyn std::error::Error + Send + Sync>);

impl StoreError {
    /// Wraps the underlying error.
    pub fn new(err: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> StoreError {
        StoreError(err.into())
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "tenant store error: {}", self.0)
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.0)
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> StoreError {
        StoreError::new(err)
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(err: sqlx::migrate::MigrateError) -> StoreError {
        StoreError::new(err)
    }
}

macro_rules! forward {
    ($($ty:ty),*) => {$(
        impl<S: OriginStore + ?Sized> OriginStore for $ty {
            fn origins<'a>(&'a self, tenant: &'a str) -> BoxFuture<'a, Result<Vec<String>, StoreError>> {
                (**self).origins(tenant)
            }
            fn insert<'a>(&'a self, tenant: &'a str, origin: &'a str) -> BoxFuture<'a, Result<bool, StoreError>> {
                (**self).insert(tenant, origin)
            }
            fn remove<'a>(&'a self, tenant: &'a str, origin: &'a str) -> BoxFuture<'a, Result<bool, StoreError>> {
                (**self).remove(tenant, origin)
            }
            fn is_empty(&self) -> BoxFuture<'_, Result<bool, StoreError>> {
                (**self).is_empty()
            }
            fn changes(&self) -> Option<BoxStream<'static, Change>> {
                (**self).changes()
            }
        }
    )*};
}

// A store shared with the application (to close it, or to reach its pool) or chosen at run
// time (`connect`) is a store too.
forward!(Arc<S>, Box<S>);
