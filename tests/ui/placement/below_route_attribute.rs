use actix_web::{App, HttpResponse, get};
use cors_runtime::cors;

#[get("/items")]
#[cors(origins = ["https://app.example.com"])]
async fn list_items() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {
    let _app = App::new().service(list_items);
}
