//! A SaaS API whose tenants register their own front-ends: each tenant's allowed origins come
//! from a database, and change while the server runs. Everything else in the policy
//! (methods, headers, credentials, the cross-origin write check) is checked at compile time.
//! The routes are the application `cors_examples::app::multi_tenant`; this binary opens and
//! seeds the store and starts the server.
//!
//! ```sh
//! cargo run --example multi_tenant                      # SQLite file ./multi_tenant.db
//! DATABASE_URL=postgres://app@127.0.0.1/app cargo run --example multi_tenant
//! ADMIN_TOKEN=s3cret PORT=8081 CORS_CACHE_TTL=5 cargo run --example multi_tenant
//! ```
//!
//! An empty store is seeded with `acme` (`https://app.acme.example`) and `globex`
//! (`https://portal.globex.example`). Tenant routes, credentialed, `content-type` allowed:
//! - `GET /t/{tenant}/me`: `200` with a small JSON body;
//! - `POST /t/{tenant}/notes` with `{"text": "..."}`: `201`.
//!
//! The admin API (`Authorization: Bearer $ADMIN_TOKEN`; without `ADMIN_TOKEN` it is off, and
//! every call gets `401`):
//! - `GET /admin/tenants/{tenant}/origins`: a JSON array of strings;
//! - `POST /admin/tenants/{tenant}/origins` with `{"origin": "..."}`: `201`, or `422` with
//!   `{"violations": [{"message": "...", "fix": "..."}]}`;
//! - `DELETE /admin/tenants/{tenant}/origins?origin=...`: `204`.
//!
//! ```sh
//! curl -i -H 'Origin: https://app.acme.example' http://127.0.0.1:8080/t/acme/me
//! curl -i -H 'Authorization: Bearer s3cret' -H 'content-type: application/json' \
//!      -d '{"origin": "https://beta.acme.example"}' http://127.0.0.1:8080/admin/tenants/acme/origins
//! ```
//!
//! This instance serves an admin change at once; another instance on the same database
//! within one second on PostgreSQL (notifications), within `CORS_CACHE_TTL` seconds (default
//! 30) on SQLite.

use std::time::Duration;

use actix_web::{App, HttpServer, web};
use cors_examples::app::multi_tenant::{self, AdminToken, TENANTS, tenant_of};
use cors_runtime::tenant::TenantStores;
use cors_store::{OriginStore, SqliteStore, StoreOrigins, WriteError};

/// The SQLite file used when `DATABASE_URL` is not set.
const DEFAULT_DB: &str = "multi_tenant.db";

/// The tenants an empty store starts with.
const SEED: [(&str, &str); 2] = [("acme", "https://app.acme.example"), ("globex", "https://portal.globex.example")];

/// Settings from the environment, with their defaults.
struct Settings {
    port: u16,
    database_url: Option<String>,
    admin_token: Option<String>,
    ttl: Duration,
}

impl Settings {
    fn from_env() -> Result<Settings, String> {
        let var = |name| std::env::var(name).ok().filter(|v: &String| !v.is_empty());
        let port =
            var("PORT").map_or(Ok(8080), |p| p.parse().map_err(|_| format!("PORT={p:?} is not a port number")))?;
        let ttl = match var("CORS_CACHE_TTL") {
            None => Duration::from_secs(30),
            Some(s) => s
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && *n > 0.0 && *n <= 86_400.0)
                .map(Duration::from_secs_f64)
                .ok_or_else(|| format!("CORS_CACHE_TTL={s:?} is not a number of seconds (0 < n <= 86400)"))?,
        };
        Ok(Settings { port, database_url: var("DATABASE_URL"), admin_token: var("ADMIN_TOKEN"), ttl })
    }
}

/// Opens the store: `DATABASE_URL`, else the SQLite file [`DEFAULT_DB`].
async fn open_store(url: Option<&str>) -> Result<Box<dyn OriginStore>, cors_store::StoreError> {
    match url {
        Some(url) => cors_store::connect(url).await,
        None => Ok(Box::new(SqliteStore::open(DEFAULT_DB).await?)),
    }
}

/// Gives an empty store its first tenants, checked like any other write.
async fn seed(origins: &StoreOrigins) -> Result<(), WriteError> {
    if origins.store().is_empty().await? {
        for (tenant, origin) in SEED {
            origins.add(tenant, origin).await?;
        }
        println!("seeded an empty store with {}", SEED.map(|(t, o)| format!("{t} ({o})")).join(" and "));
    }
    Ok(())
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".parse().expect("a filter")),
        )
        .with_writer(std::io::stderr)
        .init();
    let settings = Settings::from_env().unwrap_or_else(|msg| {
        eprintln!("{msg}");
        std::process::exit(2);
    });
    let store = open_store(settings.database_url.as_deref()).await.unwrap_or_else(|err| {
        eprintln!("cannot open the store: {err}");
        std::process::exit(1);
    });
    let origins =
        StoreOrigins::builder("tenants", store, tenant_of).credentials(TENANTS.credentials()).ttl(settings.ttl).build();
    seed(&origins).await.unwrap_or_else(|err| {
        eprintln!("cannot seed the store: {err}");
        std::process::exit(1);
    });
    let stores = TenantStores::new().with(origins.clone());
    let token = AdminToken(settings.admin_token);

    let db = if settings.database_url.is_some() { "DATABASE_URL" } else { DEFAULT_DB };
    println!("store: {db}; cache time-to-live: {:?}", settings.ttl);
    match &token.0 {
        Some(_) => println!("admin API: send `Authorization: Bearer $ADMIN_TOKEN`"),
        None => {
            println!("admin API: off; start with ADMIN_TOKEN=<a secret> and send `Authorization: Bearer <the secret>`")
        }
    }
    println!("listening on http://127.0.0.1:{}", settings.port);
    HttpServer::new(move || {
        App::new()
            .app_data(stores.clone())
            .app_data(web::Data::new(origins.clone()))
            .app_data(token.clone())
            .configure(multi_tenant::configure)
    })
    .bind(("127.0.0.1", settings.port))?
    .run()
    .await
}
