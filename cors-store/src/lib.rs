//! Per-tenant CORS origins for `cors-runtime`, from a database, checked and cached.
//!
//! A SaaS whose customers register their own front-ends declares the policy of their routes
//! once, with everything but the origins checked at compile time, and names a store:
//!
//! ```
//! use cors_runtime::{Policy, policy};
//!
//! static TENANTS: Policy = policy!(origins_from_store = "tenants", headers = ["content-type"], credentials);
//! ```
//!
//! This crate provides that store: [`StoreOrigins`], a per-tenant cache over an
//! [`OriginStore`], registered with `App::app_data(TenantStores::new().with(origins))`. Two
//! stores come with it, each behind a cargo feature:
//! - [`SqliteStore`] (`sqlite`, the default): one embedded SQLite file;
//! - `PgStore` (`postgres`): PostgreSQL, shared by a fleet of instances, which it tells of
//!   every change within milliseconds (`LISTEN`/`NOTIFY`).
//!
//! Both create their schema with migrations. Every entry is checked with the policy rules
//! (POLICY.md §2) when written and again when loaded, and an invalid one is never served; a
//! cached tenant costs a request no I/O and no allocation; a failing store never fails open.
//! See [`StoreOrigins`] for the cache's rules, and the crate's README for the trade-offs of
//! the time-to-live.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod cache;
mod entry;
mod listen;
mod origins;
#[cfg(feature = "postgres")]
mod postgres;
#[cfg(feature = "sqlite")]
mod sqlite;
mod store;
mod tenant;

pub use cache::Stats;
pub use origins::{StoreOrigins, StoreOriginsBuilder, WriteError};
#[cfg(feature = "postgres")]
pub use postgres::PgStore;
#[cfg(feature = "sqlite")]
pub use sqlite::SqliteStore;
pub use store::{Change, OriginStore, StoreError};
pub use tenant::{InvalidTenant, MAX_TENANT_LEN, is_valid_tenant};

/// Opens the store a URL names: `sqlite:` (a file, created if missing) or, with the
/// `postgres` feature, `postgres://` / `postgresql://`. Either way the schema is brought up
/// to date.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let dir = tempfile::tempdir().unwrap();
/// let url = format!("sqlite://{}", dir.path().join("origins.db").display());
/// let store = cors_store::connect(&url).await.unwrap();
/// assert!(store.is_empty().await.unwrap());
/// assert!(cors_store::connect("mysql://db/app").await.is_err());
/// # });
/// ```
pub async fn connect(url: &str) -> Result<Box<dyn OriginStore>, StoreError> {
    let scheme = url.split_once(':').map_or("", |(s, _)| s);
    match scheme {
        #[cfg(feature = "sqlite")]
        "sqlite" => Ok(Box::new(SqliteStore::connect(url).await?)),
        #[cfg(feature = "postgres")]
        "postgres" | "postgresql" => Ok(Box::new(PgStore::connect(url).await?)),
        _ => Err(StoreError::new(format!(
            "unsupported database URL scheme {scheme:?}: this build supports {}",
            SUPPORTED.join(", ")
        ))),
    }
}

const SUPPORTED: &[&str] = &[
    #[cfg(feature = "sqlite")]
    "sqlite:",
    #[cfg(feature = "postgres")]
    "postgres://",
];
