use actix_web::{App, HttpResponse, get};
use cors_runtime::cors;

const ORIGINS: [&str; 1] = ["https://app.example.com"];

#[cors(origins = ORIGINS)]
#[get("/items")]
async fn list_items() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {
    let _ = ORIGINS;
    let _app = App::new().service(list_items);
}
