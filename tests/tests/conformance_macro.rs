//! Every vector of `vectors.json`, served by `#[cors]` handlers in a real `App`.

#[path = "conformance_macro/generated.rs"]
mod generated;

use actix_web::App;
use actix_web::test::{call_service, init_service};
use cors_tests::{Observed, generate_handlers, run_all, vectors};

const GENERATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance_macro/generated.rs");

#[test]
fn generated_handlers_match_the_vectors() {
    let want = generate_handlers(&vectors());
    if std::env::var_os("UPDATE_VECTORS").is_some() {
        std::fs::write(GENERATED, &want).expect("write generated.rs");
    }
    let have = std::fs::read_to_string(GENERATED).expect("read generated.rs");
    assert!(have == want, "{GENERATED} is out of date; rerun with UPDATE_VECTORS=1");
}

#[actix_web::test]
async fn attribute_policies_pass_every_vector() {
    let app = init_service(App::new().configure(generated::configure)).await;
    run_all(&vectors(), |_, req| {
        let req = req.to_request();
        let app = &app;
        async move { Observed::from_response(call_service(app, req).await).await }
    })
    .await;
}
