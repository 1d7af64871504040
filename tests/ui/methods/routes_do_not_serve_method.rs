use actix_web::{App, HttpResponse, routes};
use cors_runtime::cors;

#[cors(origins = ["https://app.example.com"], methods = [DELETE])]
#[routes]
#[get("/items")]
#[post("/items")]
async fn items() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {
    let _app = App::new().service(items);
}
