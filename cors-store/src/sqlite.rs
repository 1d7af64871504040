//! [`SqliteStore`]: the embedded store, one SQLite file beside the application.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use futures_util::FutureExt;
use futures_util::future::BoxFuture;
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::store::{OriginStore, StoreError};

/// How long a connection waits for another process's write lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a query waits for a free connection before failing.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);
/// Connections in the pool: reads run side by side in WAL mode; writes take turns anyway.
const MAX_CONNECTIONS: u32 = 4;

/// Tenants' origins in an SQLite file, created with its schema on first use.
///
/// The file is opened in WAL mode, so that several processes (two instances of an
/// application on one machine, or an administration tool) can share it; each instance sees
/// the others' changes when its cached entries expire.
///
/// ```
/// use cors_store::{OriginStore, SqliteStore};
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let dir = tempfile::tempdir().unwrap();
/// let store = SqliteStore::open(dir.path().join("origins.db")).await.unwrap();
/// assert!(store.is_empty().await.unwrap());
/// store.insert("acme", "https://app.acme.example").await.unwrap();
/// assert!(!store.is_empty().await.unwrap());
/// # });
/// ```
#[derive(Clone, Debug)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating it if needed) the database file at `path` and brings its schema up
    /// to date.
    pub async fn open(path: impl AsRef<Path>) -> Result<SqliteStore, StoreError> {
        let options = SqliteConnectOptions::new().filename(path);
        SqliteStore::with_options(options).await
    }

    /// Opens the database at an `sqlite:` URL, such as `sqlite://origins.db` (created if
    /// missing), and brings its schema up to date.
    pub async fn connect(url: &str) -> Result<SqliteStore, StoreError> {
        SqliteStore::with_options(SqliteConnectOptions::from_str(url)?).await
    }

    async fn with_options(options: SqliteConnectOptions) -> Result<SqliteStore, StoreError> {
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(BUSY_TIMEOUT);
        let pool = SqlitePoolOptions::new()
            .max_connections(MAX_CONNECTIONS)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options)
            .await?;
        SqliteStore::from_pool(pool).await
    }

    /// A store on an existing pool; runs the migrations. The pool's database should hold
    /// nothing else that is migrated with `sqlx`: the store keeps its migration history in
    /// `_sqlx_migrations`, as the application's own migrations would.
    pub async fn from_pool(pool: SqlitePool) -> Result<SqliteStore, StoreError> {
        let mut migrator = sqlx::migrate!("migrations/sqlite");
        // A newer release's migrations, applied by another instance, do not stop this one.
        migrator.set_ignore_missing(true);
        migrator.run(&pool).await?;
        Ok(SqliteStore { pool })
    }

    /// The connection pool, for the application's own use (closing it, say).
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

impl OriginStore for SqliteStore {
    fn origins<'a>(&'a self, tenant: &'a str) -> BoxFuture<'a, Result<Vec<String>, StoreError>> {
        sqlx::query_scalar("SELECT origin FROM cors_tenant_origins WHERE tenant = ?1 ORDER BY origin")
            .bind(tenant)
            .fetch_all(&self.pool)
            .map(|r| r.map_err(StoreError::from))
            .boxed()
    }

    fn insert<'a>(&'a self, tenant: &'a str, origin: &'a str) -> BoxFuture<'a, Result<bool, StoreError>> {
        sqlx::query("INSERT INTO cors_tenant_origins (tenant, origin) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
            .bind(tenant)
            .bind(origin)
            .execute(&self.pool)
            .map(|r| Ok(r?.rows_affected() > 0))
            .boxed()
    }

    fn remove<'a>(&'a self, tenant: &'a str, origin: &'a str) -> BoxFuture<'a, Result<bool, StoreError>> {
        sqlx::query("DELETE FROM cors_tenant_origins WHERE tenant = ?1 AND origin = ?2")
            .bind(tenant)
            .bind(origin)
            .execute(&self.pool)
            .map(|r| Ok(r?.rows_affected() > 0))
            .boxed()
    }

    fn is_empty(&self) -> BoxFuture<'_, Result<bool, StoreError>> {
        sqlx::query_scalar("SELECT NOT EXISTS (SELECT 1 FROM cors_tenant_origins)")
            .fetch_one(&self.pool)
            .map(|r| r.map_err(StoreError::from))
            .boxed()
    }
}
