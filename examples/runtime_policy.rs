//! A policy whose origins come from the environment, validated at start-up by the same rules
//! as `#[cors]`. A bad value stops the server with every problem listed, before it listens.
//! As with `#[cors]`, a `POST` from a page on an origin the list does not name is refused
//! with `403` before the handler runs.
//!
//! ```sh
//! ALLOWED_ORIGINS='https://app.example.com,https://*.example.org' cargo run --example runtime_policy
//! ALLOWED_ORIGINS='https://app.example.com/' cargo run --example runtime_policy   # refused
//! ```

use std::sync::Arc;
use std::time::Duration;

use actix_web::{App, HttpResponse, HttpServer, web};
use cors_runtime::{Cors, Policy};

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let origins = std::env::var("ALLOWED_ORIGINS").unwrap_or_else(|_| "https://app.example.com".into());
    let policy = Policy::builder()
        .origins(origins.split(',').map(str::trim))
        .methods(["GET", "POST"])
        .headers(["content-type"])
        .max_age(Duration::from_secs(600))
        .build();
    let policy = match policy {
        Ok(p) => Arc::new(p),
        Err(violations) => {
            eprintln!("{violations}");
            std::process::exit(2);
        }
    };
    println!("listening on http://127.0.0.1:8084");
    HttpServer::new(move || {
        App::new().service(
            web::scope("/api")
                .wrap(Cors::new(policy.clone()))
                .route("/items", web::get().to(|| async { HttpResponse::Ok().body("[]") }))
                .route("/items", web::post().to(|| async { HttpResponse::Created().finish() })),
        )
    })
    .bind(("127.0.0.1", 8084))?
    .run()
    .await
}
