use actix_web::{App, HttpResponse, patch};
use cors_runtime::cors;

#[cors(origins = ["https://app.example.com"], methods = [patch])]
#[patch("/items/{id}")]
async fn update_item() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {
    let _app = App::new().service(update_item);
}
