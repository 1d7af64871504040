//! Values handed over by `macro_rules!` arrive wrapped in invisible groups: `$o:literal` and
//! `$o:expr` holding a literal work like the literal itself.
use actix_web::{App, HttpResponse, get, test};
use cors_runtime::cors;

macro_rules! public_route {
    ($name:ident, $path:literal, $origin:literal, $max_age:expr, $header:expr) => {
        #[cors(origins = [$origin], headers = [$header], max_age = $max_age)]
        #[get($path)]
        async fn $name() -> HttpResponse {
            HttpResponse::Ok().finish()
        }
    };
}

public_route!(items, "/items", "https://app.example.com", 600, "content-type");

#[actix_web::main]
async fn main() {
    let app = test::init_service(App::new().service(items)).await;
    let req = test::TestRequest::get().uri("/items").insert_header(("Origin", "https://app.example.com"));
    let res = test::call_service(&app, req.to_request()).await;
    assert_eq!(res.headers().get("access-control-allow-origin").unwrap(), "https://app.example.com");
}
