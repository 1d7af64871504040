//! `dev_origins` are served by debug builds only: the same policy compiled with and without
//! debug assertions (`cors-release-probe` is built as a release build builds it).

use actix_web::http::header::ACCESS_CONTROL_ALLOW_ORIGIN;
use actix_web::test::{TestRequest, call_service, init_service};
use actix_web::{App, HttpResponse, get};
use cors_runtime::cors;

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials)]
#[get("/probe/debug")]
async fn probe() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

async fn acao(path: &str, origin: &str) -> Option<String> {
    let app = init_service(App::new().service(probe).configure(cors_release_probe::configure)).await;
    let res = call_service(&app, TestRequest::get().uri(path).insert_header(("Origin", origin)).to_request()).await;
    assert_eq!(res.status(), 200);
    res.headers().get(ACCESS_CONTROL_ALLOW_ORIGIN).map(|v| v.to_str().unwrap().to_owned())
}

#[actix_web::test]
async fn release_builds_leave_dev_origins_out() {
    const { assert!(!cors_release_probe::DEBUG_ASSERTIONS, "the probe must be built without debug assertions") };
    let dev = "http://localhost:5173";
    let prod = "https://app.example.com";
    // The same policy in this crate serves the dev origin exactly when it is a debug build.
    let here = acao("/probe/debug", dev).await;
    assert_eq!(here.as_deref(), cfg!(debug_assertions).then_some(dev));
    assert_eq!(acao("/probe/release", dev).await, None);
    assert_eq!(acao("/probe/debug", prod).await.as_deref(), Some(prod));
    assert_eq!(acao("/probe/release", prod).await.as_deref(), Some(prod));
}

#[actix_web::test]
async fn release_builds_refuse_dev_preflights() {
    let app = init_service(App::new().configure(cors_release_probe::configure)).await;
    let req = TestRequest::default()
        .method(actix_web::http::Method::OPTIONS)
        .uri("/probe/release")
        .insert_header(("Origin", "http://localhost:5173"))
        .insert_header(("Access-Control-Request-Method", "GET"))
        .to_request();
    let res = call_service(&app, req).await;
    assert_eq!(res.status(), 403);
    assert!(res.headers().get(ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
}
