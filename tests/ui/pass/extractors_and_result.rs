#![deny(warnings)]

use std::collections::HashMap;

use actix_web::{App, HttpRequest, HttpResponse, put, web};
use cors_runtime::cors;

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], expose = ["x-item-id"])]
#[put("/items/{id}")]
async fn update_item(
    req: HttpRequest,
    id: web::Path<u32>,
    query: web::Query<HashMap<String, String>>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, actix_web::Error> {
    if body.is_null() || query.contains_key("dry_run") {
        return Err(actix_web::error::ErrorBadRequest("nothing to store"));
    }
    let _ = req.path();
    Ok(HttpResponse::Ok().insert_header(("x-item-id", id.to_string())).finish())
}

fn main() {
    let _app = App::new().service(update_item);
}
