//! [`PgStore`]: the store for a fleet of instances, one PostgreSQL database shared by all,
//! with every change pushed to every instance by `LISTEN`/`NOTIFY`.

use std::str::FromStr;
use std::time::Duration;

use futures_util::future::BoxFuture;
use futures_util::stream::{self, BoxStream};
use futures_util::{FutureExt, StreamExt};
use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgListener, PgPoolOptions};

use crate::store::{Change, OriginStore, StoreError};

/// How long a query waits for a free connection before failing.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);
/// Connections in the pool, the listener's included.
const MAX_CONNECTIONS: u32 = 6;
/// The wait before reconnecting the listener after a failure, doubled up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(100);
const MAX_BACKOFF: Duration = Duration::from_secs(5);

/// Tenants' origins in a PostgreSQL schema, created with its tables on first use.
///
/// Every insert, update, delete or truncate of the table sends a notification (a trigger
/// does it, so changes made with `psql` count too); [`StoreOrigins`](crate::StoreOrigins)
/// listens, and every instance reloads the tenant within milliseconds of the commit.
///
/// The tables live in their own schema (`cors_store` unless told otherwise), with their own
/// `sqlx` migration history, so that the store can share a database with the application.
///
/// ```no_run
/// use cors_store::PgStore;
///
/// # async fn run() -> Result<(), cors_store::StoreError> {
/// let store = PgStore::connect("postgres://app@db.internal/app").await?;
/// assert_eq!(store.schema(), "cors_store");
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct PgStore {
    pool: PgPool,
    schema: String,
    channel: String,
}

impl PgStore {
    /// The schema the store uses unless told otherwise.
    pub const DEFAULT_SCHEMA: &'static str = "cors_store";

    /// Connects to the database at a `postgres://` URL and brings the schema `cors_store`
    /// up to date.
    pub async fn connect(url: &str) -> Result<PgStore, StoreError> {
        PgStore::connect_in_schema(url, PgStore::DEFAULT_SCHEMA).await
    }

    /// Like [`connect`](Self::connect), with the tables in `schema`: lower-case ASCII
    /// letters, digits and `_`, not starting with a digit, at most 40 bytes.
    pub async fn connect_in_schema(url: &str, schema: &str) -> Result<PgStore, StoreError> {
        if !valid_schema(schema) {
            return Err(StoreError::new(format!(
                "invalid schema name {schema:?}: use lower-case ASCII letters, digits and `_`, at most 40 bytes"
            )));
        }
        let options = PgConnectOptions::from_str(url)?.options([("search_path", schema)]);
        let pool = PgPoolOptions::new()
            .max_connections(MAX_CONNECTIONS)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options)
            .await?;
        create_schema(&pool, schema).await?;
        let mut migrator = sqlx::migrate!("migrations/postgres");
        // A newer release's migrations, applied by another instance, do not stop this one.
        migrator.set_ignore_missing(true);
        migrator.run(&pool).await?;
        let channel = format!("{schema}.cors_tenant_origins");
        Ok(PgStore { pool, schema: schema.to_owned(), channel })
    }

    /// The connection pool; every connection's `search_path` is the store's schema.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// The schema holding the tables.
    pub fn schema(&self) -> &str {
        &self.schema
    }
}

fn valid_schema(s: &str) -> bool {
    let b = s.as_bytes();
    (1..=40).contains(&b.len())
        && !b[0].is_ascii_digit()
        && b.iter().all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_')
}

/// `CREATE SCHEMA IF NOT EXISTS`, under a lock: two instances starting together would
/// otherwise race on it. The name is checked by [`valid_schema`], so quoting it is enough.
async fn create_schema(pool: &PgPool, schema: &str) -> Result<(), StoreError> {
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock(hashtext('cors_store.create_schema'))").execute(&mut *tx).await?;
    sqlx::query(&format!("CREATE SCHEMA IF NOT EXISTS \"{schema}\"")).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

impl OriginStore for PgStore {
    fn origins<'a>(&'a self, tenant: &'a str) -> BoxFuture<'a, Result<Vec<String>, StoreError>> {
        sqlx::query_scalar("SELECT origin FROM cors_tenant_origins WHERE tenant = $1 ORDER BY origin")
            .bind(tenant)
            .fetch_all(&self.pool)
            .map(|r| r.map_err(StoreError::from))
            .boxed()
    }

    fn insert<'a>(&'a self, tenant: &'a str, origin: &'a str) -> BoxFuture<'a, Result<bool, StoreError>> {
        sqlx::query("INSERT INTO cors_tenant_origins (tenant, origin) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(tenant)
            .bind(origin)
            .execute(&self.pool)
            .map(|r| Ok(r?.rows_affected() > 0))
            .boxed()
    }

    fn remove<'a>(&'a self, tenant: &'a str, origin: &'a str) -> BoxFuture<'a, Result<bool, StoreError>> {
        sqlx::query("DELETE FROM cors_tenant_origins WHERE tenant = $1 AND origin = $2")
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

    fn changes(&self) -> Option<BoxStream<'static, Change>> {
        let state = Listen { pool: self.pool.clone(), channel: self.channel.clone(), listener: None };
        Some(stream::unfold(state, |mut s| async move { Some((s.next().await, s)) }).boxed())
    }
}

/// The notification feed: a listener, reconnected with backoff whenever it fails.
struct Listen {
    pool: PgPool,
    channel: String,
    listener: Option<PgListener>,
}

impl Listen {
    /// The next change. After every (re)connection it yields [`Change::All`] first: whatever
    /// changed while nobody listened is then reloaded.
    async fn next(&mut self) -> Change {
        let mut backoff = FIRST_BACKOFF;
        loop {
            let Some(listener) = &mut self.listener else {
                match self.connect().await {
                    Ok(listener) => {
                        self.listener = Some(listener);
                        return Change::All;
                    }
                    Err(err) => {
                        tracing::warn!(
                            target: "cors", channel = %self.channel, error = %err, retry_in = ?backoff,
                            "tenant store: cannot listen for changes; cached origins expire by their time-to-live meanwhile"
                        );
                        tokio::time::sleep(backoff).await;
                        backoff = (backoff * 2).min(MAX_BACKOFF);
                        continue;
                    }
                }
            };
            match listener.try_recv().await {
                Ok(Some(n)) if n.payload().is_empty() => return Change::All,
                Ok(Some(n)) => return Change::Tenant(n.payload().to_owned()),
                // The connection was lost and has been made again: notifications were missed.
                Ok(None) => return Change::All,
                Err(err) => {
                    tracing::warn!(target: "cors", channel = %self.channel, error = %err, "tenant store: change notifications lost");
                    self.listener = None;
                }
            }
        }
    }

    async fn connect(&self) -> Result<PgListener, sqlx::Error> {
        let mut listener = PgListener::connect_with(&self.pool).await?;
        listener.listen(&self.channel).await?;
        Ok(listener)
    }
}
