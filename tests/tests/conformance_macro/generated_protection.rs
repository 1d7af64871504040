// Generated from ../shared/conformance/v2/protection-vectors.json by `cors_tests::generate_handlers`.
// Regenerate with `UPDATE_VECTORS=1 cargo test -p cors-tests --test conformance_macro`.

use actix_web::{HttpResponse, route, web};
use cors_runtime::{Policy, cors, policy};

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p01-post-unlisted-origin-no-fetch-metadata", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p01_post_unlisted_origin_no_fetch_metadata() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P01_POST_UNLISTED_ORIGIN_NO_FETCH_METADATA: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P01_POST_UNLISTED_ORIGIN_NO_FETCH_METADATA)]
#[route("/v/p01-post-unlisted-origin-no-fetch-metadata", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p01_post_unlisted_origin_no_fetch_metadata() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P01_POST_UNLISTED_ORIGIN_NO_FETCH_METADATA: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p02-post-unlisted-origin-cross-site", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p02_post_unlisted_origin_cross_site() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P02_POST_UNLISTED_ORIGIN_CROSS_SITE: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P02_POST_UNLISTED_ORIGIN_CROSS_SITE)]
#[route("/v/p02-post-unlisted-origin-cross-site", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p02_post_unlisted_origin_cross_site() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P02_POST_UNLISTED_ORIGIN_CROSS_SITE: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p03-post-listed-origin-cross-site", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p03_post_listed_origin_cross_site() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P03_POST_LISTED_ORIGIN_CROSS_SITE: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P03_POST_LISTED_ORIGIN_CROSS_SITE)]
#[route("/v/p03-post-listed-origin-cross-site", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p03_post_listed_origin_cross_site() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P03_POST_LISTED_ORIGIN_CROSS_SITE: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p04-post-same-origin-by-fetch-metadata", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p04_post_same_origin_by_fetch_metadata() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P04_POST_SAME_ORIGIN_BY_FETCH_METADATA: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P04_POST_SAME_ORIGIN_BY_FETCH_METADATA)]
#[route("/v/p04-post-same-origin-by-fetch-metadata", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p04_post_same_origin_by_fetch_metadata() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P04_POST_SAME_ORIGIN_BY_FETCH_METADATA: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p05-post-user-initiated", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p05_post_user_initiated() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P05_POST_USER_INITIATED: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P05_POST_USER_INITIATED)]
#[route("/v/p05-post-user-initiated", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p05_post_user_initiated() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P05_POST_USER_INITIATED: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p06-post-non-browser", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p06_post_non_browser() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P06_POST_NON_BROWSER: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P06_POST_NON_BROWSER)]
#[route("/v/p06-post-non-browser", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p06_post_non_browser() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P06_POST_NON_BROWSER: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p07-post-same-origin-by-host", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p07_post_same_origin_by_host() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P07_POST_SAME_ORIGIN_BY_HOST: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P07_POST_SAME_ORIGIN_BY_HOST)]
#[route("/v/p07-post-same-origin-by-host", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p07_post_same_origin_by_host() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P07_POST_SAME_ORIGIN_BY_HOST: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p08-post-host-port-mismatch", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p08_post_host_port_mismatch() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P08_POST_HOST_PORT_MISMATCH: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P08_POST_HOST_PORT_MISMATCH)]
#[route("/v/p08-post-host-port-mismatch", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p08_post_host_port_mismatch() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P08_POST_HOST_PORT_MISMATCH: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p09-post-null-origin", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p09_post_null_origin() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P09_POST_NULL_ORIGIN: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P09_POST_NULL_ORIGIN)]
#[route("/v/p09-post-null-origin", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p09_post_null_origin() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P09_POST_NULL_ORIGIN: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p10-post-cross-site-without-origin", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p10_post_cross_site_without_origin() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P10_POST_CROSS_SITE_WITHOUT_ORIGIN: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P10_POST_CROSS_SITE_WITHOUT_ORIGIN)]
#[route("/v/p10-post-cross-site-without-origin", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p10_post_cross_site_without_origin() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P10_POST_CROSS_SITE_WITHOUT_ORIGIN: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p11-get-unlisted-origin-cross-site", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p11_get_unlisted_origin_cross_site() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P11_GET_UNLISTED_ORIGIN_CROSS_SITE: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P11_GET_UNLISTED_ORIGIN_CROSS_SITE)]
#[route("/v/p11-get-unlisted-origin-cross-site", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p11_get_unlisted_origin_cross_site() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P11_GET_UNLISTED_ORIGIN_CROSS_SITE: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p12-websocket-handshake-unlisted", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p12_websocket_handshake_unlisted() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P12_WEBSOCKET_HANDSHAKE_UNLISTED: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P12_WEBSOCKET_HANDSHAKE_UNLISTED)]
#[route("/v/p12-websocket-handshake-unlisted", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p12_websocket_handshake_unlisted() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P12_WEBSOCKET_HANDSHAKE_UNLISTED: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p13-websocket-handshake-listed-mixed-case", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p13_websocket_handshake_listed_mixed_case() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P13_WEBSOCKET_HANDSHAKE_LISTED_MIXED_CASE: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P13_WEBSOCKET_HANDSHAKE_LISTED_MIXED_CASE)]
#[route("/v/p13-websocket-handshake-listed-mixed-case", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p13_websocket_handshake_listed_mixed_case() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P13_WEBSOCKET_HANDSHAKE_LISTED_MIXED_CASE: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["*"])]
#[route("/v/p14-put-any-origin-policy", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p14_put_any_origin_policy() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P14_PUT_ANY_ORIGIN_POLICY: Policy = policy!(origins = ["*"]);

#[cors(SHARED_P14_PUT_ANY_ORIGIN_POLICY)]
#[route("/v/p14-put-any-origin-policy", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p14_put_any_origin_policy() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P14_PUT_ANY_ORIGIN_POLICY: Policy = policy!(origins = ["*"], methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], dangerously_accept_cross_origin_writes)]
#[route("/v/p15-delete-opted-out", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p15_delete_opted_out() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P15_DELETE_OPTED_OUT: Policy = policy!(origins = ["https://app.example.com"], dangerously_accept_cross_origin_writes);

#[cors(SHARED_P15_DELETE_OPTED_OUT)]
#[route("/v/p15-delete-opted-out", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p15_delete_opted_out() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P15_DELETE_OPTED_OUT: Policy = policy!(origins = ["https://app.example.com"], dangerously_accept_cross_origin_writes, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials)]
#[route("/v/p16-patch-dev-origin-debug", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p16_patch_dev_origin_debug() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P16_PATCH_DEV_ORIGIN_DEBUG: Policy = policy!(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials);

#[cors(SHARED_P16_PATCH_DEV_ORIGIN_DEBUG)]
#[route("/v/p16-patch-dev-origin-debug", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p16_patch_dev_origin_debug() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P16_PATCH_DEV_ORIGIN_DEBUG: Policy = policy!(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p17-post-unlisted-same-site", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p17_post_unlisted_same_site() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P17_POST_UNLISTED_SAME_SITE: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P17_POST_UNLISTED_SAME_SITE)]
#[route("/v/p17-post-unlisted-same-site", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p17_post_unlisted_same_site() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P17_POST_UNLISTED_SAME_SITE: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p18-post-two-origin-lines", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p18_post_two_origin_lines() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P18_POST_TWO_ORIGIN_LINES: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P18_POST_TWO_ORIGIN_LINES)]
#[route("/v/p18-post-two-origin-lines", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p18_post_two_origin_lines() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P18_POST_TWO_ORIGIN_LINES: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p19-options-non-preflight-unlisted", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p19_options_non_preflight_unlisted() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P19_OPTIONS_NON_PREFLIGHT_UNLISTED: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P19_OPTIONS_NON_PREFLIGHT_UNLISTED)]
#[route("/v/p19-options-non-preflight-unlisted", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p19_options_non_preflight_unlisted() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P19_OPTIONS_NON_PREFLIGHT_UNLISTED: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p20-post-uppercase-fetch-metadata", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p20_post_uppercase_fetch_metadata() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P20_POST_UPPERCASE_FETCH_METADATA: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P20_POST_UPPERCASE_FETCH_METADATA)]
#[route("/v/p20-post-uppercase-fetch-metadata", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p20_post_uppercase_fetch_metadata() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P20_POST_UPPERCASE_FETCH_METADATA: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials)]
#[route("/v/p21-post-listed-origin-preflight-unaffected", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p21_post_listed_origin_preflight_unaffected() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P21_POST_LISTED_ORIGIN_PREFLIGHT_UNAFFECTED: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_P21_POST_LISTED_ORIGIN_PREFLIGHT_UNAFFECTED)]
#[route("/v/p21-post-listed-origin-preflight-unaffected", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p21_post_listed_origin_preflight_unaffected() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P21_POST_LISTED_ORIGIN_PREFLIGHT_UNAFFECTED: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

#[cors(origins = ["https://*.shop.example.com"], credentials)]
#[route("/v/p22-delete-wildcard-subdomain-listed", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn p22_delete_wildcard_subdomain_listed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_P22_DELETE_WILDCARD_SUBDOMAIN_LISTED: Policy = policy!(origins = ["https://*.shop.example.com"], credentials);

#[cors(SHARED_P22_DELETE_WILDCARD_SUBDOMAIN_LISTED)]
#[route("/v/p22-delete-wildcard-subdomain-listed", method = "GET", method = "POST", method = "PUT", method = "DELETE", method = "PATCH", method = "OPTIONS")]
async fn shared_p22_delete_wildcard_subdomain_listed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_P22_DELETE_WILDCARD_SUBDOMAIN_LISTED: Policy = policy!(origins = ["https://*.shop.example.com"], credentials, methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

/// Registers every vector's handler with its policy written out.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(p01_post_unlisted_origin_no_fetch_metadata);
    cfg.service(p02_post_unlisted_origin_cross_site);
    cfg.service(p03_post_listed_origin_cross_site);
    cfg.service(p04_post_same_origin_by_fetch_metadata);
    cfg.service(p05_post_user_initiated);
    cfg.service(p06_post_non_browser);
    cfg.service(p07_post_same_origin_by_host);
    cfg.service(p08_post_host_port_mismatch);
    cfg.service(p09_post_null_origin);
    cfg.service(p10_post_cross_site_without_origin);
    cfg.service(p11_get_unlisted_origin_cross_site);
    cfg.service(p12_websocket_handshake_unlisted);
    cfg.service(p13_websocket_handshake_listed_mixed_case);
    cfg.service(p14_put_any_origin_policy);
    cfg.service(p15_delete_opted_out);
    cfg.service(p16_patch_dev_origin_debug);
    cfg.service(p17_post_unlisted_same_site);
    cfg.service(p18_post_two_origin_lines);
    cfg.service(p19_options_non_preflight_unlisted);
    cfg.service(p20_post_uppercase_fetch_metadata);
    cfg.service(p21_post_listed_origin_preflight_unaffected);
    cfg.service(p22_delete_wildcard_subdomain_listed);
}

/// Registers every vector's handler under its shared policy.
pub fn configure_shared(cfg: &mut web::ServiceConfig) {
    cfg.service(shared_p01_post_unlisted_origin_no_fetch_metadata);
    cfg.service(shared_p02_post_unlisted_origin_cross_site);
    cfg.service(shared_p03_post_listed_origin_cross_site);
    cfg.service(shared_p04_post_same_origin_by_fetch_metadata);
    cfg.service(shared_p05_post_user_initiated);
    cfg.service(shared_p06_post_non_browser);
    cfg.service(shared_p07_post_same_origin_by_host);
    cfg.service(shared_p08_post_host_port_mismatch);
    cfg.service(shared_p09_post_null_origin);
    cfg.service(shared_p10_post_cross_site_without_origin);
    cfg.service(shared_p11_get_unlisted_origin_cross_site);
    cfg.service(shared_p12_websocket_handshake_unlisted);
    cfg.service(shared_p13_websocket_handshake_listed_mixed_case);
    cfg.service(shared_p14_put_any_origin_policy);
    cfg.service(shared_p15_delete_opted_out);
    cfg.service(shared_p16_patch_dev_origin_debug);
    cfg.service(shared_p17_post_unlisted_same_site);
    cfg.service(shared_p18_post_two_origin_lines);
    cfg.service(shared_p19_options_non_preflight_unlisted);
    cfg.service(shared_p20_post_uppercase_fetch_metadata);
    cfg.service(shared_p21_post_listed_origin_preflight_unaffected);
    cfg.service(shared_p22_delete_wildcard_subdomain_listed);
}

/// Per vector id, the shared policy for `Cors::new`.
pub static MIDDLEWARE: [(&str, &Policy); 22] = [
    ("p01-post-unlisted-origin-no-fetch-metadata", &MIDDLEWARE_P01_POST_UNLISTED_ORIGIN_NO_FETCH_METADATA),
    ("p02-post-unlisted-origin-cross-site", &MIDDLEWARE_P02_POST_UNLISTED_ORIGIN_CROSS_SITE),
    ("p03-post-listed-origin-cross-site", &MIDDLEWARE_P03_POST_LISTED_ORIGIN_CROSS_SITE),
    ("p04-post-same-origin-by-fetch-metadata", &MIDDLEWARE_P04_POST_SAME_ORIGIN_BY_FETCH_METADATA),
    ("p05-post-user-initiated", &MIDDLEWARE_P05_POST_USER_INITIATED),
    ("p06-post-non-browser", &MIDDLEWARE_P06_POST_NON_BROWSER),
    ("p07-post-same-origin-by-host", &MIDDLEWARE_P07_POST_SAME_ORIGIN_BY_HOST),
    ("p08-post-host-port-mismatch", &MIDDLEWARE_P08_POST_HOST_PORT_MISMATCH),
    ("p09-post-null-origin", &MIDDLEWARE_P09_POST_NULL_ORIGIN),
    ("p10-post-cross-site-without-origin", &MIDDLEWARE_P10_POST_CROSS_SITE_WITHOUT_ORIGIN),
    ("p11-get-unlisted-origin-cross-site", &MIDDLEWARE_P11_GET_UNLISTED_ORIGIN_CROSS_SITE),
    ("p12-websocket-handshake-unlisted", &MIDDLEWARE_P12_WEBSOCKET_HANDSHAKE_UNLISTED),
    ("p13-websocket-handshake-listed-mixed-case", &MIDDLEWARE_P13_WEBSOCKET_HANDSHAKE_LISTED_MIXED_CASE),
    ("p14-put-any-origin-policy", &MIDDLEWARE_P14_PUT_ANY_ORIGIN_POLICY),
    ("p15-delete-opted-out", &MIDDLEWARE_P15_DELETE_OPTED_OUT),
    ("p16-patch-dev-origin-debug", &MIDDLEWARE_P16_PATCH_DEV_ORIGIN_DEBUG),
    ("p17-post-unlisted-same-site", &MIDDLEWARE_P17_POST_UNLISTED_SAME_SITE),
    ("p18-post-two-origin-lines", &MIDDLEWARE_P18_POST_TWO_ORIGIN_LINES),
    ("p19-options-non-preflight-unlisted", &MIDDLEWARE_P19_OPTIONS_NON_PREFLIGHT_UNLISTED),
    ("p20-post-uppercase-fetch-metadata", &MIDDLEWARE_P20_POST_UPPERCASE_FETCH_METADATA),
    ("p21-post-listed-origin-preflight-unaffected", &MIDDLEWARE_P21_POST_LISTED_ORIGIN_PREFLIGHT_UNAFFECTED),
    ("p22-delete-wildcard-subdomain-listed", &MIDDLEWARE_P22_DELETE_WILDCARD_SUBDOMAIN_LISTED),
];
