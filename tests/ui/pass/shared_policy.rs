//! A shared policy by path, narrowed on one route, and in App- and Scope-level middleware.
use actix_web::{App, HttpResponse, get, route, test, web};
use cors_runtime::{Cors, cors};

mod policies {
    use cors_runtime::{Policy, policy};

    pub static SPA: Policy = policy!(
        origins = ["https://app.example.com"],
        dev_origins = ["http://localhost:*"],
        methods = [GET, PUT, PATCH],
        headers = ["content-type"],
        credentials,
        max_age = 600,
    );
}

#[cors(policies::SPA)]
#[get("/me")]
async fn me() -> HttpResponse {
    HttpResponse::Ok().finish()
}

#[cors(crate::policies::SPA, methods = [PUT])]
#[route("/items/{id}", method = "PUT", method = "PATCH")]
async fn update_item() -> HttpResponse {
    HttpResponse::Ok().finish()
}

#[actix_web::main]
async fn main() {
    let app = test::init_service(
        App::new()
            .service(me)
            .service(update_item)
            .service(web::scope("/admin").wrap(Cors::new(&policies::SPA)).route("/stats", web::get().to(HttpResponse::Ok))),
    )
    .await;
    let preflight = |method: &str, uri: &str| {
        test::TestRequest::default()
            .method(actix_web::http::Method::OPTIONS)
            .uri(uri)
            .insert_header(("Origin", "https://app.example.com"))
            .insert_header(("Access-Control-Request-Method", method))
            .to_request()
    };
    assert_eq!(test::call_service(&app, preflight("PUT", "/items/1")).await.status(), 204);
    assert_eq!(test::call_service(&app, preflight("PATCH", "/items/1")).await.status(), 403);
    assert_eq!(test::call_service(&app, preflight("GET", "/admin/stats")).await.status(), 204);
}
