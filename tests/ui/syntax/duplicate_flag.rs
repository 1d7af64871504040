use actix_web::{App, HttpResponse, get};
use cors_runtime::cors;

#[cors(origins = ["https://app.example.com"], credentials, credentials)]
#[get("/items")]
async fn list_items() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {
    let _app = App::new().service(list_items);
}
