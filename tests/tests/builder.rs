//! A policy built at run time behaves the same on an `App`, a `Scope` and a `Resource`, and a
//! rejected one lists every problem.

use std::sync::Arc;
use std::time::Duration;

use actix_web::http::header::{ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN, VARY};
use actix_web::http::{Method, StatusCode};
use actix_web::test::{TestRequest, call_service, init_service};
use actix_web::{App, HttpResponse, web};
use cors_runtime::{Cors, Key, Policy, Rule};

const APP: &str = "https://app.example.com";

fn policy() -> Arc<Policy> {
    Arc::new(
        Policy::builder()
            .origins([APP, "https://*.example.org"])
            .methods(["GET", "PUT"])
            .headers(["content-type"])
            .max_age(Duration::from_secs(60))
            .build()
            .expect("valid"),
    )
}

fn ok() -> actix_web::Route {
    web::route().to(|| async { HttpResponse::Ok().body("ok") })
}

type Seen = (u16, Option<String>, Option<String>, Option<String>);

fn requests() -> Vec<TestRequest> {
    vec![
        TestRequest::get().insert_header(("Origin", APP)),
        TestRequest::get().insert_header(("Origin", "https://a.b.example.org")),
        TestRequest::get().insert_header(("Origin", "https://evil.example")),
        TestRequest::get(),
        TestRequest::default()
            .method(Method::OPTIONS)
            .insert_header(("Origin", APP))
            .insert_header(("Access-Control-Request-Method", "PUT"))
            .insert_header(("Access-Control-Request-Headers", "content-type")),
        TestRequest::default()
            .method(Method::OPTIONS)
            .insert_header(("Origin", "https://evil.example"))
            .insert_header(("Access-Control-Request-Method", "PUT")),
        TestRequest::default()
            .method(Method::OPTIONS)
            .insert_header(("Origin", APP))
            .insert_header(("Access-Control-Request-Method", "PUT"))
            .insert_header(("Access-Control-Request-Headers", "x-other")),
        TestRequest::put().insert_header(("Origin", "https://evil.example")),
        TestRequest::put().insert_header(("Origin", APP)),
    ]
}

/// (status, ACAO, ACAM, Vary) for each of [`requests`], sent to `/api/items`.
macro_rules! probe {
    ($app:expr) => {{
        let app = init_service($app).await;
        let text = |v: Option<&actix_web::http::header::HeaderValue>| v.map(|v| v.to_str().unwrap().to_owned());
        let mut seen: Vec<Seen> = Vec::new();
        for req in requests() {
            let res = call_service(&app, req.uri("/api/items").to_request()).await;
            let h = res.headers();
            seen.push((
                res.status().as_u16(),
                text(h.get(ACCESS_CONTROL_ALLOW_ORIGIN)),
                text(h.get(ACCESS_CONTROL_ALLOW_METHODS)),
                text(h.get(VARY)),
            ));
        }
        seen
    }};
}

#[actix_web::test]
async fn same_behaviour_on_app_scope_and_resource() {
    let p = policy();
    let a = probe!(App::new().wrap(Cors::new(p.clone())).route("/api/items", ok()));
    let s = probe!(App::new().service(web::scope("/api").wrap(Cors::new(p.clone())).route("/items", ok())));
    let r = probe!(App::new().service(web::resource("/api/items").wrap(Cors::new(p.clone())).route(ok())));
    assert_eq!(a, s);
    assert_eq!(a, r);
    let vary = Some("Origin".to_owned());
    let pre_vary = Some("Origin, Access-Control-Request-Method, Access-Control-Request-Headers".to_owned());
    assert_eq!(a[0], (200, Some(APP.into()), None, vary.clone()));
    assert_eq!(a[1], (200, Some("https://a.b.example.org".into()), None, vary.clone()));
    assert_eq!(a[2], (200, None, None, vary.clone()));
    assert_eq!(a[3], (200, None, None, vary.clone()));
    assert_eq!(a[4], (204, Some(APP.into()), Some("PUT".into()), pre_vary.clone()));
    assert_eq!(a[5], (403, None, None, pre_vary.clone()));
    assert_eq!(a[6], (403, None, None, pre_vary));
    // POLICY §4: a write from an origin the policy does not list is refused before the handler;
    // one from a listed origin runs.
    assert_eq!(a[7], (403, None, None, vary.clone()));
    assert_eq!(a[8], (200, Some(APP.into()), None, vary));
}

#[actix_web::test]
async fn unanswered_preflights_reach_routing() {
    let app = init_service(
        App::new()
            .service(web::resource("/api/items").wrap(Cors::new(policy())).route(web::get().to(HttpResponse::Ok))),
    )
    .await;
    let req = TestRequest::default()
        .method(Method::OPTIONS)
        .uri("/api/items")
        .insert_header(("Origin", APP))
        .insert_header(("Access-Control-Request-Method", "DELETE"))
        .to_request();
    let res = call_service(&app, req).await;
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(res.headers().get(ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
}

#[test]
fn rejected_policies_list_every_problem() {
    let err = Policy::builder()
        .origins(["https://app.example.com/", "*", "http://intranet.example"])
        .methods(["patch"])
        .headers(["cookie"])
        .credentials(true)
        .max_age(Duration::from_secs(90_000))
        .build()
        .unwrap_err();
    let rules: Vec<Rule> = err.iter().map(|v| v.rule).collect();
    for r in [
        Rule::Path,
        Rule::AnyOriginWithCredentials,
        Rule::AnyOriginNotAlone,
        Rule::InsecureOrigin,
        Rule::MethodCase,
        Rule::ForbiddenRequestHeader,
        Rule::MaxAgeRange,
    ] {
        assert!(rules.contains(&r), "{r:?} missing from {err}");
    }
    assert_eq!(err.len(), 7, "{err}");
    assert_eq!(err[0].field, cors_runtime::Field::Item(Key::Origins, 0));
    let text = err.to_string();
    assert!(text.starts_with("invalid CORS policy (7 problems):"), "{text}");
    assert!(text.contains("did you mean `https://app.example.com`?"), "{text}");
}

/// POLICY §5: a run-time policy without `methods` is valid (it used to be refused), and its
/// middleware answers the preflights of `GET`, `HEAD` and `POST`, byte for byte, and passes
/// the others on to routing.
#[actix_web::test]
async fn a_policy_without_methods_answers_get_head_and_post() {
    let policy = Arc::new(Policy::builder().origins([APP]).build().expect("methods are optional at run time"));
    let app = init_service(App::new().service(web::resource("/api/items").wrap(Cors::new(policy)).route(ok()))).await;
    for (method, status) in [("GET", 204), ("HEAD", 204), ("POST", 204), ("PUT", 200), ("DELETE", 200), ("post", 200)] {
        let req = TestRequest::default()
            .method(Method::OPTIONS)
            .uri("/api/items")
            .insert_header(("Origin", APP))
            .insert_header(("Access-Control-Request-Method", method));
        let res = call_service(&app, req.to_request()).await;
        assert_eq!(res.status().as_u16(), status, "preflight for {method}");
        let acam = res.headers().get(ACCESS_CONTROL_ALLOW_METHODS).map(|v| v.to_str().unwrap().to_owned());
        assert_eq!(acam, (status == 204).then(|| method.to_owned()), "{method}");
        if status != 204 {
            assert!(res.headers().get(ACCESS_CONTROL_ALLOW_ORIGIN).is_none(), "a passed-on preflight grants nothing");
        }
    }
}
