//! Two handlers on one path with different policies. Each answers the preflights for its own
//! method: anyone may read `/api/articles/{id}`, only the editor may `PUT` it.

use actix_web::{HttpResponse, get, put, web};
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

/// Registers `GET` and `PUT /api/articles/{id}`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(read_article).service(edit_article);
}
