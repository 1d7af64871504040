//! Behaviour of `#[cors]` handlers in real `App`s: shared paths, scopes, errors, and the route
//! attribute's own options.

use actix_web::dev::{Service, ServiceResponse};
use actix_web::guard::GuardContext;
use actix_web::http::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN, VARY,
};
use actix_web::http::{Method, StatusCode};
use actix_web::test::{TestRequest, call_service, init_service, read_body};
use actix_web::{App, HttpRequest, HttpResponse, delete, error, get, put, route, routes, web};
use cors_runtime::cors;

const APP: &str = "https://app.example.com";
const ADMIN: &str = "https://admin.example.com";

#[cors(origins = ["*"], max_age = 60)]
#[get("/articles/{id}")]
async fn read_article() -> HttpResponse {
    HttpResponse::Ok().body("read")
}

#[cors(origins = ["https://admin.example.com"], headers = ["content-type"], credentials)]
#[put("/articles/{id}")]
async fn edit_article(body: web::Json<serde_json::Value>) -> HttpResponse {
    HttpResponse::Ok().body(body.to_string())
}

#[cors(origins = ["https://app.example.com"], credentials)]
#[delete("/articles/{id}")]
async fn delete_article(id: web::Path<u32>) -> Result<HttpResponse, actix_web::Error> {
    if *id == 0 { Err(error::ErrorConflict("article 0 is locked")) } else { Ok(HttpResponse::NoContent().finish()) }
}

fn preflight(path: &str, origin: &str, method: &str) -> TestRequest {
    TestRequest::default()
        .method(Method::OPTIONS)
        .uri(path)
        .insert_header(("Origin", origin))
        .insert_header(("Access-Control-Request-Method", method))
}

fn acao<B>(res: &ServiceResponse<B>) -> Option<&str> {
    res.headers().get(ACCESS_CONTROL_ALLOW_ORIGIN).map(|v| v.to_str().unwrap())
}

#[actix_web::test]
async fn handlers_on_one_path_answer_their_own_preflights() {
    let app = init_service(App::new().service(read_article).service(edit_article).service(delete_article)).await;
    let res = call_service(&app, preflight("/articles/1", "https://anyone.example", "GET").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(acao(&res), Some("*"));
    let res = call_service(&app, preflight("/articles/1", ADMIN, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(acao(&res), Some(ADMIN));
    assert_eq!(res.headers().get(ACCESS_CONTROL_ALLOW_CREDENTIALS).unwrap(), "true");
    assert_eq!(res.headers().get(ACCESS_CONTROL_ALLOW_METHODS).unwrap(), "PUT");
    // The PUT policy does not admit APP, and the GET policy does not answer for PUT.
    let res = call_service(&app, preflight("/articles/1", APP, "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(acao(&res), None);
    let res = call_service(&app, preflight("/articles/1", APP, "DELETE").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(acao(&res), Some(APP));
    // No handler serves PATCH: the preflight falls through to the 404 default.
    let res = call_service(&app, preflight("/articles/1", APP, "PATCH").to_request()).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(acao(&res), None);
    // Handlers still serve their actual requests.
    let res =
        call_service(&app, TestRequest::get().uri("/articles/1").insert_header(("Origin", APP)).to_request()).await;
    assert_eq!(acao(&res), Some("*"));
    assert_eq!(read_body(res).await, "read");
}

#[actix_web::test]
async fn extractor_errors_and_handler_errors_carry_the_headers() {
    let app = init_service(App::new().service(edit_article).service(delete_article)).await;
    let bad_json = TestRequest::put()
        .uri("/articles/1")
        .insert_header(("Origin", ADMIN))
        .insert_header(("Content-Type", "application/json"))
        .set_payload("{not json")
        .to_request();
    let res = call_service(&app, bad_json).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(acao(&res), Some(ADMIN));
    assert_eq!(res.headers().get(ACCESS_CONTROL_ALLOW_CREDENTIALS).unwrap(), "true");
    let res =
        call_service(&app, TestRequest::delete().uri("/articles/0").insert_header(("Origin", APP)).to_request()).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(acao(&res), Some(APP));
    assert_eq!(res.headers().get(VARY).unwrap(), "Origin");
    // POLICY §4: a `DELETE` from a disallowed origin is a cross-origin write, refused with
    // `403` before the handler runs.
    let res =
        call_service(&app, TestRequest::delete().uri("/articles/0").insert_header(("Origin", ADMIN)).to_request())
            .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(acao(&res), None);
    // Sent by a page of the server's own origin (`Sec-Fetch-Site: same-origin`), it runs, and
    // its error gets no CORS headers for the disallowed origin either.
    let req = TestRequest::delete()
        .uri("/articles/0")
        .insert_header(("Origin", ADMIN))
        .insert_header(("Sec-Fetch-Site", "same-origin"));
    let res = call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(acao(&res), None, "a disallowed origin gets no CORS headers on errors either");
}

#[actix_web::test]
async fn scope_prefixes_apply_to_both_routes() {
    let app = init_service(App::new().service(web::scope("/api/v1").service(delete_article))).await;
    let res = call_service(&app, preflight("/api/v1/articles/3", APP, "DELETE").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = call_service(&app, preflight("/articles/3", APP, "DELETE").to_request()).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let req = TestRequest::delete().uri("/api/v1/articles/3").insert_header(("Origin", APP)).to_request();
    let res = call_service(&app, req).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(acao(&res), Some(APP));
}

fn is_json(ctx: &GuardContext<'_>) -> bool {
    ctx.head().uri.query() != Some("off")
}

/// The route attribute keeps its own `name`, `guard` and `wrap`.
#[cors(origins = ["https://app.example.com"])]
#[route(
    "/named",
    method = "GET",
    method = "POST",
    name = "named_route",
    guard = "is_json",
    wrap = "actix_web::middleware::from_fn(wrapped)"
)]
async fn named(req: HttpRequest) -> HttpResponse {
    HttpResponse::Ok().body(req.url_for_static("named_route").unwrap().to_string())
}

async fn wrapped(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    if req.headers().contains_key("x-fail") {
        return Err(error::ErrorUnauthorized("no"));
    }
    next.call(req).await
}

#[actix_web::test]
async fn route_options_are_kept() {
    let app = init_service(App::new().service(named)).await;
    let res = call_service(&app, TestRequest::get().uri("/named").insert_header(("Origin", APP)).to_request()).await;
    assert_eq!(acao(&res), Some(APP));
    assert_eq!(read_body(res).await, "http://localhost:8080/named");
    // The user's guard applies to the route and to its preflight.
    let res = call_service(&app, TestRequest::get().uri("/named?off").to_request()).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = call_service(&app, preflight("/named?off", APP, "POST").to_request()).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = call_service(&app, preflight("/named", APP, "POST").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    // An error from the user's own `wrap` still gets the CORS headers: ours is outermost.
    let req = TestRequest::post().uri("/named").insert_header(("Origin", APP)).insert_header(("x-fail", "1"));
    let res = app.call(req.to_request()).await;
    let res = match res {
        Ok(res) => res.into_parts().1,
        Err(e) => e.error_response(),
    };
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(res.headers().get(ACCESS_CONTROL_ALLOW_ORIGIN).map(|v| v.to_str().unwrap()), Some(APP));
}

/// Several route attributes under `#[routes]`.
#[cors(origins = ["https://app.example.com"], methods = [GET, POST])]
#[routes]
#[get("/many/a")]
#[post("/many/b")]
async fn many() -> HttpResponse {
    HttpResponse::Ok().body("many")
}

#[actix_web::test]
async fn routes_with_several_attributes() {
    let app = init_service(App::new().service(many)).await;
    let res = call_service(&app, preflight("/many/a", APP, "GET").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = call_service(&app, preflight("/many/b", APP, "POST").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    // Each path answers only for the methods it serves.
    let res = call_service(&app, preflight("/many/a", APP, "POST").to_request()).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = call_service(&app, TestRequest::post().uri("/many/b").insert_header(("Origin", APP)).to_request()).await;
    assert_eq!(acao(&res), Some(APP));
}

mod reexport {
    pub use cors_runtime as runtime;
}

/// `crate = "..."` for crates that re-export the runtime; a path-qualified route attribute.
#[cors(origins = ["https://app.example.com"], crate = "crate::reexport::runtime")]
#[actix_web::get("/renamed")]
async fn renamed() -> HttpResponse {
    HttpResponse::Ok().finish()
}

#[actix_web::test]
async fn crate_path_override() {
    let app = init_service(App::new().service(renamed)).await;
    let res = call_service(&app, TestRequest::get().uri("/renamed").insert_header(("Origin", APP)).to_request()).await;
    assert_eq!(acao(&res), Some(APP));
}
