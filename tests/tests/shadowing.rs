//! A preflight is never answered by a handler (POLICY §3): an annotated `#[options]` route
//! on a path does not answer the preflights of another handler on that path, whatever the
//! order in which they were registered.

use std::sync::atomic::{AtomicUsize, Ordering};

use actix_web::http::{Method, StatusCode};
use actix_web::{App, HttpResponse, delete, options, test};
use cors_runtime::cors;

static OPTIONS_RAN: AtomicUsize = AtomicUsize::new(0);

#[cors(origins = ["https://partner.example"], credentials)]
#[options("/account")]
async fn account_options() -> HttpResponse {
    OPTIONS_RAN.fetch_add(1, Ordering::SeqCst);
    HttpResponse::Ok().body("options")
}

#[cors(origins = ["https://app.example.com"], credentials)]
#[delete("/account")]
async fn account_delete() -> HttpResponse {
    HttpResponse::Ok().body("deleted")
}

fn preflight(origin: &str, method: &str) -> test::TestRequest {
    test::TestRequest::default()
        .method(Method::OPTIONS)
        .uri("/account")
        .insert_header(("Origin", origin))
        .insert_header(("Access-Control-Request-Method", method))
}

async fn check_order(options_first: bool) {
    let app = if options_first {
        App::new().service(account_options).service(account_delete)
    } else {
        App::new().service(account_delete).service(account_options)
    };
    let app = test::init_service(app).await;
    let before = OPTIONS_RAN.load(Ordering::SeqCst);

    // The partner may not delete: the DELETE handler's own policy refuses it.
    let res = test::call_service(&app, preflight("https://partner.example", "DELETE").to_request()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "options first: {options_first}");
    assert!(res.headers().get("access-control-allow-origin").is_none());
    assert!(res.headers().get("access-control-allow-credentials").is_none());

    // The app may, and gets the DELETE handler's answer.
    let res = test::call_service(&app, preflight("https://app.example.com", "DELETE").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT, "options first: {options_first}");
    assert_eq!(res.headers().get("access-control-allow-origin").unwrap(), "https://app.example.com");
    assert_eq!(res.headers().get("access-control-allow-methods").unwrap(), "DELETE");
    assert_eq!(OPTIONS_RAN.load(Ordering::SeqCst), before, "account_options ran for a preflight");

    // A preflight asking for OPTIONS itself is the OPTIONS handler's, answered by its policy.
    let res = test::call_service(&app, preflight("https://partner.example", "OPTIONS").to_request()).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(res.headers().get("access-control-allow-origin").unwrap(), "https://partner.example");
    assert_eq!(OPTIONS_RAN.load(Ordering::SeqCst), before, "account_options ran for a preflight");

    // A method no handler serves falls through to routing; no handler runs.
    let res = test::call_service(&app, preflight("https://partner.example", "PUT").to_request()).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(OPTIONS_RAN.load(Ordering::SeqCst), before, "account_options ran for a preflight");

    // An `OPTIONS` that is not a preflight reaches the handler, decorated by its policy.
    let req = test::TestRequest::default()
        .method(Method::OPTIONS)
        .uri("/account")
        .insert_header(("Origin", "https://partner.example"));
    let res = test::call_service(&app, req.to_request()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers().get("access-control-allow-origin").unwrap(), "https://partner.example");
    assert_eq!(OPTIONS_RAN.load(Ordering::SeqCst), before + 1);
}

/// Both orders in one test: the handlers count their runs in one static.
#[actix_web::test]
async fn an_options_route_answers_no_other_preflight_in_either_order() {
    check_order(true).await;
    check_order(false).await;
}
