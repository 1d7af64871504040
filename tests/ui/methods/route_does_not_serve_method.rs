use actix_web::{App, HttpResponse, route};
use cors_runtime::cors;

#[cors(origins = ["https://app.example.com"], methods = [GET, PUT])]
#[route("/items", method = "GET", method = "POST")]
async fn items() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {
    let _app = App::new().service(items);
}
