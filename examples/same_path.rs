//! Two handlers on one path with different policies. Each answers the preflights for its own
//! method: anyone may read `/api/articles/{id}`, only the editor may `PUT` it.
//!
//! ```sh
//! cargo run --example same_path
//! # 204: the editor asks to PUT
//! curl -i -X OPTIONS http://127.0.0.1:8083/api/articles/1 \
//!   -H 'Origin: https://editor.example.com' -H 'Access-Control-Request-Method: PUT'
//! # 403: another site asks to PUT
//! curl -i -X OPTIONS http://127.0.0.1:8083/api/articles/1 \
//!   -H 'Origin: https://blog.example.org' -H 'Access-Control-Request-Method: PUT'
//! ```

use actix_web::{App, HttpResponse, HttpServer, get, put, web};
use cors_runtime::cors;

/// Public read access.
#[cors(origins = ["*"], max_age = 3600)]
#[get("/api/articles/{id}")]
async fn read_article(id: web::Path<u32>) -> HttpResponse {
    HttpResponse::Ok().body(format!("article {id}"))
}

/// Editing: one origin, with credentials.
#[cors(origins = ["https://editor.example.com"], headers = ["content-type"], credentials, max_age = 600)]
#[put("/api/articles/{id}")]
async fn edit_article(id: web::Path<u32>, body: String) -> HttpResponse {
    HttpResponse::Ok().body(format!("article {id} is now {} bytes", body.len()))
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    println!("listening on http://127.0.0.1:8083");
    HttpServer::new(|| App::new().service(read_article).service(edit_article)).bind(("127.0.0.1", 8083))?.run().await
}
