//! Fixtures shared by the store's tests: a fresh database on either backend, the application
//! under test, requests, and log capture.
//!
//! SQLite runs everywhere, on a file in a temporary directory. PostgreSQL runs when
//! `CORS_TEST_POSTGRES_URL` names a server (CI starts one); each test gets a database of
//! its own there, dropped at the end. Without the variable a PostgreSQL test prints one line
//! and passes, unless `CORS_POSTGRES_REQUIRED=1`, which makes it fail.
#![allow(dead_code)] // each test file uses its own part

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::StatusCode;
use actix_web::http::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_REQUEST_HEADERS,
    ACCESS_CONTROL_REQUEST_METHOD, HeaderMap, ORIGIN,
};
use actix_web::test::TestRequest;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use cors_runtime::{Cors, Policy, cors, policy};
use cors_store::{OriginStore, PgStore, SqliteStore, StoreError, StoreOrigins, StoreOriginsBuilder};
use futures_util::future::BoxFuture;
use futures_util::stream::BoxStream;
use sqlx::{Connection, Executor};

pub const ACME: &str = "https://app.acme.example";
pub const GLOBEX: &str = "https://portal.globex.example";
pub const EVIL: &str = "https://evil.example";

// ---------------------------------------------------------------------------------------------
// Databases
// ---------------------------------------------------------------------------------------------

/// Which database a test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server to test against, or `None` (with the line that says so) when there
/// is none and none is required.
pub fn postgres_url() -> Option<String> {
    match std::env::var("CORS_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var("CORS_POSTGRES_REQUIRED").as_deref() == Ok("1") => {
            panic!("CORS_POSTGRES_REQUIRED=1, but CORS_TEST_POSTGRES_URL names no PostgreSQL server")
        }
        _ => {
            println!("skipped: no PostgreSQL (set CORS_TEST_POSTGRES_URL=postgres://user@127.0.0.1:PORT/postgres)");
            None
        }
    }
}

/// `url` with its database replaced by `db`.
pub fn with_database(url: &str, db: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let (scheme, rest) = base.split_once("://").expect("a URL with a scheme");
    let authority = rest.split_once('/').map_or(rest, |(a, _)| a);
    match query {
        Some(q) => format!("{scheme}://{authority}/{db}?{q}"),
        None => format!("{scheme}://{authority}/{db}"),
    }
}

fn unique(prefix: &str) -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    format!("{prefix}_{}_{}_{nanos}", std::process::id(), N.fetch_add(1, Ordering::Relaxed))
}

/// A fresh database for one test: a file in a temporary directory, or a database of its
/// own on the PostgreSQL server.
pub struct Db {
    pub backend: Backend,
    /// The URL stores connect to.
    pub url: String,
    /// PostgreSQL: the server's URL as given, and the test database's name.
    admin: Option<(String, String)>,
    _dir: Option<tempfile::TempDir>,
}

impl Db {
    /// A new, empty database; `None` when the backend is PostgreSQL and there is none.
    pub async fn new(backend: Backend) -> Option<Db> {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("a temporary directory");
                let url = format!("sqlite://{}", dir.path().join("origins.db").display());
                Some(Db { backend, url, admin: None, _dir: Some(dir) })
            }
            Backend::Postgres => {
                let server = postgres_url()?;
                let name = unique("cors_t");
                let mut conn = sqlx::PgConnection::connect(&server).await.expect("connect to CORS_TEST_POSTGRES_URL");
                conn.execute(&*format!("CREATE DATABASE \"{name}\"")).await.expect("create a test database");
                let url = with_database(&server, &name);
                Some(Db { backend, url, admin: Some((server, name)), _dir: None })
            }
        }
    }

    /// A new store on this database (a new pool: another instance's, as far as the cache can
    /// tell).
    pub async fn open(&self) -> AnyStore {
        match self.backend {
            Backend::Sqlite => AnyStore::Sqlite(SqliteStore::connect(&self.url).await.expect("open SQLite")),
            Backend::Postgres => AnyStore::Pg(PgStore::connect(&self.url).await.expect("open PostgreSQL")),
        }
    }

    /// Makes the database fail every query: SQLite loses its table, PostgreSQL stops
    /// accepting connections and drops the open ones.
    pub async fn break_it(&self) {
        match &self.admin {
            None => self.sqlite_exec("ALTER TABLE cors_tenant_origins RENAME TO cors_tenant_origins_away").await,
            Some((server, name)) => {
                let mut conn = sqlx::PgConnection::connect(server).await.expect("connect");
                conn.execute(&*format!("ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false")).await.expect("close");
                sqlx::query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1")
                    .bind(name)
                    .execute(&mut conn)
                    .await
                    .expect("terminate");
            }
        }
    }

    /// Undoes [`break_it`](Self::break_it).
    pub async fn repair(&self) {
        match &self.admin {
            None => self.sqlite_exec("ALTER TABLE cors_tenant_origins_away RENAME TO cors_tenant_origins").await,
            Some((server, name)) => {
                let mut conn = sqlx::PgConnection::connect(server).await.expect("connect");
                conn.execute(&*format!("ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true")).await.expect("open");
            }
        }
    }

    /// Runs one statement on a connection of its own.
    pub async fn exec(&self, sql: &str) {
        match self.backend {
            Backend::Sqlite => self.sqlite_exec(sql).await,
            Backend::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&self.url).await.expect("connect");
                conn.execute(&*format!("SET search_path = cors_store; {sql}")).await.expect("execute");
            }
        }
    }

    async fn sqlite_exec(&self, sql: &str) {
        let mut conn = sqlx::SqliteConnection::connect(&self.url).await.expect("connect");
        conn.execute(sql).await.expect("execute");
    }

    /// Drops the PostgreSQL database (the SQLite directory goes with `self`).
    pub async fn finish(self) {
        if let Some((server, name)) = &self.admin
            && let Ok(mut conn) = sqlx::PgConnection::connect(server).await
        {
            let _ = conn.execute(&*format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).await;
        }
    }
}

/// Either store, so that one test body runs on both.
#[derive(Clone)]
pub enum AnyStore {
    Sqlite(SqliteStore),
    Pg(PgStore),
}

impl AnyStore {
    /// Closes the pool: every later query fails.
    pub async fn close(&self) {
        match self {
            AnyStore::Sqlite(s) => s.pool().close().await,
            AnyStore::Pg(s) => s.pool().close().await,
        }
    }

    fn as_dyn(&self) -> &dyn OriginStore {
        match self {
            AnyStore::Sqlite(s) => s,
            AnyStore::Pg(s) => s,
        }
    }
}

impl OriginStore for AnyStore {
    fn origins<'a>(&'a self, tenant: &'a str) -> BoxFuture<'a, Result<Vec<String>, StoreError>> {
        self.as_dyn().origins(tenant)
    }
    fn insert<'a>(&'a self, tenant: &'a str, origin: &'a str) -> BoxFuture<'a, Result<bool, StoreError>> {
        self.as_dyn().insert(tenant, origin)
    }
    fn remove<'a>(&'a self, tenant: &'a str, origin: &'a str) -> BoxFuture<'a, Result<bool, StoreError>> {
        self.as_dyn().remove(tenant, origin)
    }
    fn is_empty(&self) -> BoxFuture<'_, Result<bool, StoreError>> {
        self.as_dyn().is_empty()
    }
    fn changes(&self) -> Option<BoxStream<'static, cors_store::Change>> {
        self.as_dyn().changes()
    }
}

/// A real store that counts its reads, and can hold them until a gate opens: to see how
/// many queries the cache makes, and to keep a load in flight.
pub struct Counted<S> {
    inner: S,
    pub reads: Arc<AtomicUsize>,
    gate: Option<tokio::sync::watch::Receiver<bool>>,
}

impl<S: OriginStore> Counted<S> {
    pub fn new(inner: S) -> Counted<S> {
        Counted { inner, reads: Arc::default(), gate: None }
    }

    /// Reads wait until the returned sender sends `true`.
    pub fn gated(inner: S) -> (Counted<S>, tokio::sync::watch::Sender<bool>) {
        let (open, gate) = tokio::sync::watch::channel(false);
        (Counted { inner, reads: Arc::default(), gate: Some(gate) }, open)
    }
}

impl<S: OriginStore> OriginStore for Counted<S> {
    fn origins<'a>(&'a self, tenant: &'a str) -> BoxFuture<'a, Result<Vec<String>, StoreError>> {
        self.reads.fetch_add(1, Ordering::SeqCst);
        let mut gate = self.gate.clone();
        Box::pin(async move {
            if let Some(gate) = &mut gate {
                gate.wait_for(|open| *open).await.expect("the gate stays");
            }
            self.inner.origins(tenant).await
        })
    }
    fn insert<'a>(&'a self, tenant: &'a str, origin: &'a str) -> BoxFuture<'a, Result<bool, StoreError>> {
        self.inner.insert(tenant, origin)
    }
    fn remove<'a>(&'a self, tenant: &'a str, origin: &'a str) -> BoxFuture<'a, Result<bool, StoreError>> {
        self.inner.remove(tenant, origin)
    }
    fn is_empty(&self) -> BoxFuture<'_, Result<bool, StoreError>> {
        self.inner.is_empty()
    }
    fn changes(&self) -> Option<BoxStream<'static, cors_store::Change>> {
        self.inner.changes()
    }
}

/// The example's tenant function.
pub fn tenant_of(req: &HttpRequest) -> Option<&str> {
    req.match_info().get("tenant")
}

/// A cache over `store` for [`TENANTS`], with the given time-to-live.
pub fn origins(store: impl OriginStore, ttl: Duration) -> StoreOriginsBuilder {
    StoreOrigins::builder("tenants", store, tenant_of).credentials(TENANTS.credentials()).ttl(ttl)
}

/// Waits until the cache listens for the store's changes (PostgreSQL): the feed's first
/// connection expires every entry loaded before it, which would make a load count off by one.
pub async fn listening(origins: &StoreOrigins, backend: Backend) {
    if backend == Backend::Postgres {
        within(Duration::from_secs(10), || async { origins.stats().resyncs > 0 }).await.expect("the cache listens");
    }
}

/// Seeds `acme` and `globex` through the checked write path.
pub async fn seed(origins: &StoreOrigins) {
    assert!(origins.add("acme", ACME).await.expect("seed acme"));
    assert!(origins.add("globex", GLOBEX).await.expect("seed globex"));
}

// ---------------------------------------------------------------------------------------------
// The application under test
// ---------------------------------------------------------------------------------------------

/// The tenant routes' policy, as in the example.
pub static TENANTS: Policy = policy!(origins_from_store = "tenants", headers = ["content-type"], credentials);

/// How many times a handler ran, to show that a refused request never reaches one.
#[derive(Default)]
pub struct Ran(pub AtomicUsize);

#[cors(TENANTS)]
#[get("/t/{tenant}/me")]
async fn me(tenant: web::Path<String>, ran: web::Data<Ran>) -> HttpResponse {
    ran.0.fetch_add(1, Ordering::SeqCst);
    HttpResponse::Ok().json(serde_json::json!({ "tenant": tenant.as_str() }))
}

#[cors(TENANTS)]
#[post("/t/{tenant}/notes")]
async fn create_note(ran: web::Data<Ran>, body: web::Json<serde_json::Value>) -> HttpResponse {
    ran.0.fetch_add(1, Ordering::SeqCst);
    HttpResponse::Created().json(body.into_inner())
}

async fn scoped(ran: web::Data<Ran>) -> HttpResponse {
    ran.0.fetch_add(1, Ordering::SeqCst);
    HttpResponse::Created().finish()
}

/// The annotated routes, and the same behind `Cors::new(&TENANTS)` on a scope (`/s/...`).
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(me).service(create_note).service(
        web::scope("/s/{tenant}")
            .wrap(Cors::new(&TENANTS))
            .route("/me", web::get().to(scoped))
            .route("/notes", web::post().to(scoped)),
    );
}

/// Builds the application for `origins` and gives back the handler counter.
#[macro_export]
macro_rules! app {
    ($origins:expr) => {{
        let ran = actix_web::web::Data::new($crate::common::Ran::default());
        let app = actix_web::test::init_service(
            actix_web::App::new()
                .app_data(cors_runtime::tenant::TenantStores::new().with($origins.clone()))
                .app_data(ran.clone())
                .configure($crate::common::routes),
        )
        .await;
        (app, ran)
    }};
}

/// A `GET`, with this `Origin` if any.
pub fn get(path: &str, origin: Option<&str>) -> TestRequest {
    let req = TestRequest::get().uri(path);
    match origin {
        Some(o) => req.insert_header((ORIGIN, o)),
        None => req,
    }
}

/// A cross-site `POST` of a JSON note, as a browser sends it from a page on `origin`.
pub fn post_note(path: &str, origin: &str) -> TestRequest {
    TestRequest::post()
        .uri(path)
        .insert_header((ORIGIN, origin))
        .insert_header(("sec-fetch-site", "cross-site"))
        .set_json(serde_json::json!({ "text": "hello" }))
}

/// A preflight from `origin` for `method` with these request headers.
pub fn preflight(path: &str, origin: &str, method: &str, headers: Option<&str>) -> TestRequest {
    let req = TestRequest::default()
        .method(Method::OPTIONS)
        .uri(path)
        .insert_header((ORIGIN, origin))
        .insert_header((ACCESS_CONTROL_REQUEST_METHOD, method));
    match headers {
        Some(h) => req.insert_header((ACCESS_CONTROL_REQUEST_HEADERS, h)),
        None => req,
    }
}

/// The status and headers of `app`'s answer.
pub async fn call<S, B>(app: &S, req: TestRequest) -> (StatusCode, HeaderMap)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
{
    let res = actix_web::test::call_service(app, req.to_request()).await;
    (res.status(), res.headers().clone())
}

/// Whether the answer lets a page on `origin` read it, with credentials.
pub fn allows(headers: &HeaderMap, origin: &str) -> bool {
    let acao = headers.get(ACCESS_CONTROL_ALLOW_ORIGIN).map(|v| v.as_bytes());
    let creds = headers.get(ACCESS_CONTROL_ALLOW_CREDENTIALS).map(|v| v.as_bytes());
    acao == Some(origin.as_bytes()) && creds == Some(b"true")
}

/// Whether the answer carries no CORS header at all.
pub fn no_cors(headers: &HeaderMap) -> bool {
    headers.keys().all(|k| !k.as_str().starts_with("access-control-"))
}

/// Polls `check` every 10 ms until it holds or `limit` passes; how long it took, if it held.
pub async fn within<F, Fut>(limit: Duration, mut check: F) -> Option<Duration>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let start = std::time::Instant::now();
    loop {
        if check().await {
            return Some(start.elapsed());
        }
        if start.elapsed() > limit {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

// ---------------------------------------------------------------------------------------------
// Logs
// ---------------------------------------------------------------------------------------------

/// What the code under test logged through `tracing` on this thread.
#[derive(Clone, Default)]
pub struct Logs(Arc<Mutex<Vec<u8>>>);

impl Logs {
    /// Captures this thread's events (target `cors`, debug and above) until the guard drops.
    pub fn capture() -> (Logs, tracing::subscriber::DefaultGuard) {
        let logs = Logs::default();
        let writer = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::DEBUG)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        (logs, tracing::subscriber::set_default(subscriber))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("logs")).into_owned()
    }

    /// The lines that contain every one of `parts`.
    pub fn lines_with(&self, parts: &[&str]) -> Vec<String> {
        self.text().lines().filter(|l| parts.iter().all(|p| l.contains(p))).map(str::to_owned).collect()
    }
}

impl Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("logs").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
