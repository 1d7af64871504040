// Generated from ../shared/conformance/vectors.json by `cors_tests::generate_handlers`.
// Regenerate with `UPDATE_VECTORS=1 cargo test -p cors-tests --test conformance_macro`.

use actix_web::{HttpResponse, route, web};
use cors_runtime::{Policy, cors, policy};

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v01-preflight-ok-credentialed-exact", method = "GET", method = "DELETE", method = "PUT")]
async fn v01_preflight_ok_credentialed_exact() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V01_PREFLIGHT_OK_CREDENTIALED_EXACT: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600);

#[cors(SHARED_V01_PREFLIGHT_OK_CREDENTIALED_EXACT)]
#[route("/v/v01-preflight-ok-credentialed-exact", method = "GET", method = "DELETE", method = "PUT")]
async fn shared_v01_preflight_ok_credentialed_exact() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V01_PREFLIGHT_OK_CREDENTIALED_EXACT: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600, methods = ["GET", "DELETE", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v02-actual-allowed-credentialed", method = "GET", method = "DELETE", method = "PUT")]
async fn v02_actual_allowed_credentialed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V02_ACTUAL_ALLOWED_CREDENTIALED: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600);

#[cors(SHARED_V02_ACTUAL_ALLOWED_CREDENTIALED)]
#[route("/v/v02-actual-allowed-credentialed", method = "GET", method = "DELETE", method = "PUT")]
async fn shared_v02_actual_allowed_credentialed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V02_ACTUAL_ALLOWED_CREDENTIALED: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600, methods = ["GET", "DELETE", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v03-actual-no-origin", method = "GET", method = "DELETE", method = "PUT")]
async fn v03_actual_no_origin() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V03_ACTUAL_NO_ORIGIN: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600);

#[cors(SHARED_V03_ACTUAL_NO_ORIGIN)]
#[route("/v/v03-actual-no-origin", method = "GET", method = "DELETE", method = "PUT")]
async fn shared_v03_actual_no_origin() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V03_ACTUAL_NO_ORIGIN: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600, methods = ["GET", "DELETE", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v04-actual-reflect-origin-attack", method = "GET", method = "PUT")]
async fn v04_actual_reflect_origin_attack() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V04_ACTUAL_REFLECT_ORIGIN_ATTACK: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V04_ACTUAL_REFLECT_ORIGIN_ATTACK)]
#[route("/v/v04-actual-reflect-origin-attack", method = "GET", method = "PUT")]
async fn shared_v04_actual_reflect_origin_attack() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V04_ACTUAL_REFLECT_ORIGIN_ATTACK: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v05-preflight-disallowed-origin", method = "GET", method = "DELETE", method = "PUT")]
async fn v05_preflight_disallowed_origin() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V05_PREFLIGHT_DISALLOWED_ORIGIN: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600);

#[cors(SHARED_V05_PREFLIGHT_DISALLOWED_ORIGIN)]
#[route("/v/v05-preflight-disallowed-origin", method = "GET", method = "DELETE", method = "PUT")]
async fn shared_v05_preflight_disallowed_origin() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V05_PREFLIGHT_DISALLOWED_ORIGIN: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600, methods = ["GET", "DELETE", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v06-options-without-acrm-is-not-preflight", method = "GET", method = "DELETE", method = "PUT", method = "OPTIONS")]
async fn v06_options_without_acrm_is_not_preflight() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V06_OPTIONS_WITHOUT_ACRM_IS_NOT_PREFLIGHT: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600);

#[cors(SHARED_V06_OPTIONS_WITHOUT_ACRM_IS_NOT_PREFLIGHT)]
#[route("/v/v06-options-without-acrm-is-not-preflight", method = "GET", method = "DELETE", method = "PUT", method = "OPTIONS")]
async fn shared_v06_options_without_acrm_is_not_preflight() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V06_OPTIONS_WITHOUT_ACRM_IS_NOT_PREFLIGHT: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600, methods = ["GET", "DELETE", "PUT", "OPTIONS"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v07-preflight-safelisted-method-no-headers", method = "GET", method = "DELETE", method = "PUT")]
async fn v07_preflight_safelisted_method_no_headers() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V07_PREFLIGHT_SAFELISTED_METHOD_NO_HEADERS: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600);

#[cors(SHARED_V07_PREFLIGHT_SAFELISTED_METHOD_NO_HEADERS)]
#[route("/v/v07-preflight-safelisted-method-no-headers", method = "GET", method = "DELETE", method = "PUT")]
async fn shared_v07_preflight_safelisted_method_no_headers() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V07_PREFLIGHT_SAFELISTED_METHOD_NO_HEADERS: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600, methods = ["GET", "DELETE", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v08-corscanner-prefix-match", method = "GET", method = "PUT")]
async fn v08_corscanner_prefix_match() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V08_CORSCANNER_PREFIX_MATCH: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V08_CORSCANNER_PREFIX_MATCH)]
#[route("/v/v08-corscanner-prefix-match", method = "GET", method = "PUT")]
async fn shared_v08_corscanner_prefix_match() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V08_CORSCANNER_PREFIX_MATCH: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v09-corscanner-suffix-match", method = "GET", method = "PUT")]
async fn v09_corscanner_suffix_match() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V09_CORSCANNER_SUFFIX_MATCH: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V09_CORSCANNER_SUFFIX_MATCH)]
#[route("/v/v09-corscanner-suffix-match", method = "GET", method = "PUT")]
async fn shared_v09_corscanner_suffix_match() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V09_CORSCANNER_SUFFIX_MATCH: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v10-corscanner-unescaped-dot-code-form", method = "GET", method = "PUT")]
async fn v10_corscanner_unescaped_dot_code_form() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V10_CORSCANNER_UNESCAPED_DOT_CODE_FORM: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V10_CORSCANNER_UNESCAPED_DOT_CODE_FORM)]
#[route("/v/v10-corscanner-unescaped-dot-code-form", method = "GET", method = "PUT")]
async fn shared_v10_corscanner_unescaped_dot_code_form() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V10_CORSCANNER_UNESCAPED_DOT_CODE_FORM: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v11-corscanner-unescaped-dot-readme-form", method = "GET", method = "PUT")]
async fn v11_corscanner_unescaped_dot_readme_form() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V11_CORSCANNER_UNESCAPED_DOT_README_FORM: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V11_CORSCANNER_UNESCAPED_DOT_README_FORM)]
#[route("/v/v11-corscanner-unescaped-dot-readme-form", method = "GET", method = "PUT")]
async fn shared_v11_corscanner_unescaped_dot_readme_form() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V11_CORSCANNER_UNESCAPED_DOT_README_FORM: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v12-corscanner-include-match-code-form", method = "GET", method = "PUT")]
async fn v12_corscanner_include_match_code_form() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V12_CORSCANNER_INCLUDE_MATCH_CODE_FORM: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V12_CORSCANNER_INCLUDE_MATCH_CODE_FORM)]
#[route("/v/v12-corscanner-include-match-code-form", method = "GET", method = "PUT")]
async fn shared_v12_corscanner_include_match_code_form() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V12_CORSCANNER_INCLUDE_MATCH_CODE_FORM: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v13-corscanner-substring-readme-form", method = "GET", method = "PUT")]
async fn v13_corscanner_substring_readme_form() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V13_CORSCANNER_SUBSTRING_README_FORM: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V13_CORSCANNER_SUBSTRING_README_FORM)]
#[route("/v/v13-corscanner-substring-readme-form", method = "GET", method = "PUT")]
async fn shared_v13_corscanner_substring_readme_form() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V13_CORSCANNER_SUBSTRING_README_FORM: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v14-corscanner-trust-null", method = "GET", method = "PUT")]
async fn v14_corscanner_trust_null() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V14_CORSCANNER_TRUST_NULL: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V14_CORSCANNER_TRUST_NULL)]
#[route("/v/v14-corscanner-trust-null", method = "GET", method = "PUT")]
async fn shared_v14_corscanner_trust_null() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V14_CORSCANNER_TRUST_NULL: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v15-corscanner-https-trusts-http", method = "GET", method = "PUT")]
async fn v15_corscanner_https_trusts_http() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V15_CORSCANNER_HTTPS_TRUSTS_HTTP: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V15_CORSCANNER_HTTPS_TRUSTS_HTTP)]
#[route("/v/v15-corscanner-https-trusts-http", method = "GET", method = "PUT")]
async fn shared_v15_corscanner_https_trusts_http() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V15_CORSCANNER_HTTPS_TRUSTS_HTTP: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v16-corscanner-any-subdomain", method = "GET", method = "PUT")]
async fn v16_corscanner_any_subdomain() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V16_CORSCANNER_ANY_SUBDOMAIN: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V16_CORSCANNER_ANY_SUBDOMAIN)]
#[route("/v/v16-corscanner-any-subdomain", method = "GET", method = "PUT")]
async fn shared_v16_corscanner_any_subdomain() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V16_CORSCANNER_ANY_SUBDOMAIN: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v17-corscanner-special-char-underscore", method = "GET", method = "PUT")]
async fn v17_corscanner_special_char_underscore() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V17_CORSCANNER_SPECIAL_CHAR_UNDERSCORE: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V17_CORSCANNER_SPECIAL_CHAR_UNDERSCORE)]
#[route("/v/v17-corscanner-special-char-underscore", method = "GET", method = "PUT")]
async fn shared_v17_corscanner_special_char_underscore() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V17_CORSCANNER_SPECIAL_CHAR_UNDERSCORE: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v18-corscanner-special-char-backtick", method = "GET", method = "PUT")]
async fn v18_corscanner_special_char_backtick() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V18_CORSCANNER_SPECIAL_CHAR_BACKTICK: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V18_CORSCANNER_SPECIAL_CHAR_BACKTICK)]
#[route("/v/v18-corscanner-special-char-backtick", method = "GET", method = "PUT")]
async fn shared_v18_corscanner_special_char_backtick() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V18_CORSCANNER_SPECIAL_CHAR_BACKTICK: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v19-corscanner-special-char-brace", method = "GET", method = "PUT")]
async fn v19_corscanner_special_char_brace() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V19_CORSCANNER_SPECIAL_CHAR_BRACE: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V19_CORSCANNER_SPECIAL_CHAR_BRACE)]
#[route("/v/v19-corscanner-special-char-brace", method = "GET", method = "PUT")]
async fn shared_v19_corscanner_special_char_brace() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V19_CORSCANNER_SPECIAL_CHAR_BRACE: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v20-corscanner-third-party", method = "GET", method = "PUT")]
async fn v20_corscanner_third_party() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V20_CORSCANNER_THIRD_PARTY: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V20_CORSCANNER_THIRD_PARTY)]
#[route("/v/v20-corscanner-third-party", method = "GET", method = "PUT")]
async fn shared_v20_corscanner_third_party() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V20_CORSCANNER_THIRD_PARTY: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v21-origin-uppercase", method = "GET", method = "PUT")]
async fn v21_origin_uppercase() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V21_ORIGIN_UPPERCASE: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V21_ORIGIN_UPPERCASE)]
#[route("/v/v21-origin-uppercase", method = "GET", method = "PUT")]
async fn shared_v21_origin_uppercase() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V21_ORIGIN_UPPERCASE: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v22-origin-trailing-dot", method = "GET", method = "PUT")]
async fn v22_origin_trailing_dot() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V22_ORIGIN_TRAILING_DOT: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V22_ORIGIN_TRAILING_DOT)]
#[route("/v/v22-origin-trailing-dot", method = "GET", method = "PUT")]
async fn shared_v22_origin_trailing_dot() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V22_ORIGIN_TRAILING_DOT: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v23-origin-explicit-default-port", method = "GET", method = "PUT")]
async fn v23_origin_explicit_default_port() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V23_ORIGIN_EXPLICIT_DEFAULT_PORT: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V23_ORIGIN_EXPLICIT_DEFAULT_PORT)]
#[route("/v/v23-origin-explicit-default-port", method = "GET", method = "PUT")]
async fn shared_v23_origin_explicit_default_port() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V23_ORIGIN_EXPLICIT_DEFAULT_PORT: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v24-origin-other-port", method = "GET", method = "PUT")]
async fn v24_origin_other_port() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V24_ORIGIN_OTHER_PORT: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V24_ORIGIN_OTHER_PORT)]
#[route("/v/v24-origin-other-port", method = "GET", method = "PUT")]
async fn shared_v24_origin_other_port() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V24_ORIGIN_OTHER_PORT: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v25-origin-trailing-slash", method = "GET", method = "PUT")]
async fn v25_origin_trailing_slash() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V25_ORIGIN_TRAILING_SLASH: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V25_ORIGIN_TRAILING_SLASH)]
#[route("/v/v25-origin-trailing-slash", method = "GET", method = "PUT")]
async fn shared_v25_origin_trailing_slash() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V25_ORIGIN_TRAILING_SLASH: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v26-origin-userinfo", method = "GET", method = "PUT")]
async fn v26_origin_userinfo() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V26_ORIGIN_USERINFO: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V26_ORIGIN_USERINFO)]
#[route("/v/v26-origin-userinfo", method = "GET", method = "PUT")]
async fn shared_v26_origin_userinfo() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V26_ORIGIN_USERINFO: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v27-origin-very-long", method = "GET", method = "PUT")]
async fn v27_origin_very_long() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V27_ORIGIN_VERY_LONG: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V27_ORIGIN_VERY_LONG)]
#[route("/v/v27-origin-very-long", method = "GET", method = "PUT")]
async fn shared_v27_origin_very_long() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V27_ORIGIN_VERY_LONG: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v28-multiple-origin-lines", method = "GET", method = "PUT")]
async fn v28_multiple_origin_lines() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V28_MULTIPLE_ORIGIN_LINES: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V28_MULTIPLE_ORIGIN_LINES)]
#[route("/v/v28-multiple-origin-lines", method = "GET", method = "PUT")]
async fn shared_v28_multiple_origin_lines() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V28_MULTIPLE_ORIGIN_LINES: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v29-origin-comma-joined-list", method = "GET", method = "PUT")]
async fn v29_origin_comma_joined_list() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V29_ORIGIN_COMMA_JOINED_LIST: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V29_ORIGIN_COMMA_JOINED_LIST)]
#[route("/v/v29-origin-comma-joined-list", method = "GET", method = "PUT")]
async fn shared_v29_origin_comma_joined_list() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V29_ORIGIN_COMMA_JOINED_LIST: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v30-preflight-null-origin", method = "GET", method = "PUT")]
async fn v30_preflight_null_origin() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V30_PREFLIGHT_NULL_ORIGIN: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V30_PREFLIGHT_NULL_ORIGIN)]
#[route("/v/v30-preflight-null-origin", method = "GET", method = "PUT")]
async fn shared_v30_preflight_null_origin() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V30_PREFLIGHT_NULL_ORIGIN: Policy = policy!(origins = ["https://www.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://xn--bcher-kva.example"])]
#[route("/v/v31-idn-punycode-allowed", method = "GET")]
async fn v31_idn_punycode_allowed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V31_IDN_PUNYCODE_ALLOWED: Policy = policy!(origins = ["https://xn--bcher-kva.example"]);

#[cors(SHARED_V31_IDN_PUNYCODE_ALLOWED)]
#[route("/v/v31-idn-punycode-allowed", method = "GET")]
async fn shared_v31_idn_punycode_allowed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V31_IDN_PUNYCODE_ALLOWED: Policy = policy!(origins = ["https://xn--bcher-kva.example"], methods = ["GET"]);

#[cors(origins = ["https://xn--bcher-kva.example"])]
#[route("/v/v32-idn-unicode-rejected", method = "GET")]
async fn v32_idn_unicode_rejected() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V32_IDN_UNICODE_REJECTED: Policy = policy!(origins = ["https://xn--bcher-kva.example"]);

#[cors(SHARED_V32_IDN_UNICODE_REJECTED)]
#[route("/v/v32-idn-unicode-rejected", method = "GET")]
async fn shared_v32_idn_unicode_rejected() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V32_IDN_UNICODE_REJECTED: Policy = policy!(origins = ["https://xn--bcher-kva.example"], methods = ["GET"]);

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v33-subdomain-wildcard-allowed", method = "GET", method = "PATCH")]
async fn v33_subdomain_wildcard_allowed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V33_SUBDOMAIN_WILDCARD_ALLOWED: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V33_SUBDOMAIN_WILDCARD_ALLOWED)]
#[route("/v/v33-subdomain-wildcard-allowed", method = "GET", method = "PATCH")]
async fn shared_v33_subdomain_wildcard_allowed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V33_SUBDOMAIN_WILDCARD_ALLOWED: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PATCH"]);

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v34-subdomain-wildcard-deep", method = "GET", method = "PATCH")]
async fn v34_subdomain_wildcard_deep() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V34_SUBDOMAIN_WILDCARD_DEEP: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V34_SUBDOMAIN_WILDCARD_DEEP)]
#[route("/v/v34-subdomain-wildcard-deep", method = "GET", method = "PATCH")]
async fn shared_v34_subdomain_wildcard_deep() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V34_SUBDOMAIN_WILDCARD_DEEP: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PATCH"]);

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v35-subdomain-wildcard-apex-excluded", method = "GET", method = "PATCH")]
async fn v35_subdomain_wildcard_apex_excluded() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V35_SUBDOMAIN_WILDCARD_APEX_EXCLUDED: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V35_SUBDOMAIN_WILDCARD_APEX_EXCLUDED)]
#[route("/v/v35-subdomain-wildcard-apex-excluded", method = "GET", method = "PATCH")]
async fn shared_v35_subdomain_wildcard_apex_excluded() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V35_SUBDOMAIN_WILDCARD_APEX_EXCLUDED: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PATCH"]);

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v36-subdomain-wildcard-suffix-attack", method = "GET", method = "PATCH")]
async fn v36_subdomain_wildcard_suffix_attack() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V36_SUBDOMAIN_WILDCARD_SUFFIX_ATTACK: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V36_SUBDOMAIN_WILDCARD_SUFFIX_ATTACK)]
#[route("/v/v36-subdomain-wildcard-suffix-attack", method = "GET", method = "PATCH")]
async fn shared_v36_subdomain_wildcard_suffix_attack() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V36_SUBDOMAIN_WILDCARD_SUFFIX_ATTACK: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PATCH"]);

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v37-subdomain-wildcard-label-boundary", method = "GET", method = "PATCH")]
async fn v37_subdomain_wildcard_label_boundary() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V37_SUBDOMAIN_WILDCARD_LABEL_BOUNDARY: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V37_SUBDOMAIN_WILDCARD_LABEL_BOUNDARY)]
#[route("/v/v37-subdomain-wildcard-label-boundary", method = "GET", method = "PATCH")]
async fn shared_v37_subdomain_wildcard_label_boundary() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V37_SUBDOMAIN_WILDCARD_LABEL_BOUNDARY: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PATCH"]);

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v38-subdomain-wildcard-http-downgrade", method = "GET", method = "PATCH")]
async fn v38_subdomain_wildcard_http_downgrade() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V38_SUBDOMAIN_WILDCARD_HTTP_DOWNGRADE: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V38_SUBDOMAIN_WILDCARD_HTTP_DOWNGRADE)]
#[route("/v/v38-subdomain-wildcard-http-downgrade", method = "GET", method = "PATCH")]
async fn shared_v38_subdomain_wildcard_http_downgrade() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V38_SUBDOMAIN_WILDCARD_HTTP_DOWNGRADE: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PATCH"]);

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v39-subdomain-wildcard-port", method = "GET", method = "PATCH")]
async fn v39_subdomain_wildcard_port() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V39_SUBDOMAIN_WILDCARD_PORT: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V39_SUBDOMAIN_WILDCARD_PORT)]
#[route("/v/v39-subdomain-wildcard-port", method = "GET", method = "PATCH")]
async fn shared_v39_subdomain_wildcard_port() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V39_SUBDOMAIN_WILDCARD_PORT: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PATCH"]);

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v40-subdomain-wildcard-preflight-ok", method = "GET", method = "PATCH")]
async fn v40_subdomain_wildcard_preflight_ok() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V40_SUBDOMAIN_WILDCARD_PREFLIGHT_OK: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V40_SUBDOMAIN_WILDCARD_PREFLIGHT_OK)]
#[route("/v/v40-subdomain-wildcard-preflight-ok", method = "GET", method = "PATCH")]
async fn shared_v40_subdomain_wildcard_preflight_ok() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V40_SUBDOMAIN_WILDCARD_PREFLIGHT_OK: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PATCH"]);

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v41-acrm-lowercase-patch", method = "GET", method = "PATCH")]
async fn v41_acrm_lowercase_patch() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V41_ACRM_LOWERCASE_PATCH: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials);

#[cors(SHARED_V41_ACRM_LOWERCASE_PATCH)]
#[route("/v/v41-acrm-lowercase-patch", method = "GET", method = "PATCH")]
async fn shared_v41_acrm_lowercase_patch() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V41_ACRM_LOWERCASE_PATCH: Policy = policy!(origins = ["https://*.example.com"], headers = ["content-type"], credentials, methods = ["GET", "PATCH"]);

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials)]
#[route("/v/v42-localhost-any-port", method = "GET", method = "PUT")]
async fn v42_localhost_any_port() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V42_LOCALHOST_ANY_PORT: Policy = policy!(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials);

#[cors(SHARED_V42_LOCALHOST_ANY_PORT)]
#[route("/v/v42-localhost-any-port", method = "GET", method = "PUT")]
async fn shared_v42_localhost_any_port() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V42_LOCALHOST_ANY_PORT: Policy = policy!(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials)]
#[route("/v/v43-localhost-suffix-attack", method = "GET", method = "PUT")]
async fn v43_localhost_suffix_attack() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V43_LOCALHOST_SUFFIX_ATTACK: Policy = policy!(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials);

#[cors(SHARED_V43_LOCALHOST_SUFFIX_ATTACK)]
#[route("/v/v43-localhost-suffix-attack", method = "GET", method = "PUT")]
async fn shared_v43_localhost_suffix_attack() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V43_LOCALHOST_SUFFIX_ATTACK: Policy = policy!(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials)]
#[route("/v/v44-localhost-vs-loopback-ip", method = "GET", method = "PUT")]
async fn v44_localhost_vs_loopback_ip() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V44_LOCALHOST_VS_LOOPBACK_IP: Policy = policy!(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials);

#[cors(SHARED_V44_LOCALHOST_VS_LOOPBACK_IP)]
#[route("/v/v44-localhost-vs-loopback-ip", method = "GET", method = "PUT")]
async fn shared_v44_localhost_vs_loopback_ip() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V44_LOCALHOST_VS_LOOPBACK_IP: Policy = policy!(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials, methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v45-acrm-lowercase-put", method = "GET", method = "DELETE", method = "PUT")]
async fn v45_acrm_lowercase_put() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V45_ACRM_LOWERCASE_PUT: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600);

#[cors(SHARED_V45_ACRM_LOWERCASE_PUT)]
#[route("/v/v45-acrm-lowercase-put", method = "GET", method = "DELETE", method = "PUT")]
async fn shared_v45_acrm_lowercase_put() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V45_ACRM_LOWERCASE_PUT: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600, methods = ["GET", "DELETE", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v46-acrm-not-allowed", method = "GET", method = "DELETE", method = "PUT")]
async fn v46_acrm_not_allowed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V46_ACRM_NOT_ALLOWED: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600);

#[cors(SHARED_V46_ACRM_NOT_ALLOWED)]
#[route("/v/v46-acrm-not-allowed", method = "GET", method = "DELETE", method = "PUT")]
async fn shared_v46_acrm_not_allowed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V46_ACRM_NOT_ALLOWED: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600, methods = ["GET", "DELETE", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v47-acrm-empty", method = "GET", method = "DELETE", method = "PUT")]
async fn v47_acrm_empty() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V47_ACRM_EMPTY: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600);

#[cors(SHARED_V47_ACRM_EMPTY)]
#[route("/v/v47-acrm-empty", method = "GET", method = "DELETE", method = "PUT")]
async fn shared_v47_acrm_empty() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V47_ACRM_EMPTY: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600, methods = ["GET", "DELETE", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v48-acrm-multiple-lines", method = "GET", method = "DELETE", method = "PUT")]
async fn v48_acrm_multiple_lines() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V48_ACRM_MULTIPLE_LINES: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600);

#[cors(SHARED_V48_ACRM_MULTIPLE_LINES)]
#[route("/v/v48-acrm-multiple-lines", method = "GET", method = "DELETE", method = "PUT")]
async fn shared_v48_acrm_multiple_lines() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V48_ACRM_MULTIPLE_LINES: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600, methods = ["GET", "DELETE", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v49-acrm-forbidden-connect", method = "GET", method = "DELETE", method = "PUT")]
async fn v49_acrm_forbidden_connect() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V49_ACRM_FORBIDDEN_CONNECT: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600);

#[cors(SHARED_V49_ACRM_FORBIDDEN_CONNECT)]
#[route("/v/v49-acrm-forbidden-connect", method = "GET", method = "DELETE", method = "PUT")]
async fn shared_v49_acrm_forbidden_connect() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V49_ACRM_FORBIDDEN_CONNECT: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600, methods = ["GET", "DELETE", "PUT"]);

#[cors(origins = ["*"], headers = ["*"], expose = ["*"], max_age = 60)]
#[route("/v/v50-any-origin-preflight", method = "GET", method = "PURGE")]
async fn v50_any_origin_preflight() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V50_ANY_ORIGIN_PREFLIGHT: Policy = policy!(origins = ["*"], headers = ["*"], expose = ["*"], max_age = 60);

#[cors(SHARED_V50_ANY_ORIGIN_PREFLIGHT)]
#[route("/v/v50-any-origin-preflight", method = "GET", method = "PURGE")]
async fn shared_v50_any_origin_preflight() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V50_ANY_ORIGIN_PREFLIGHT: Policy = policy!(origins = ["*"], headers = ["*"], expose = ["*"], max_age = 60, methods = ["GET", "PURGE"]);

#[cors(origins = ["*"], headers = ["*"], expose = ["*"], max_age = 60)]
#[route("/v/v51-any-origin-actual", method = "GET")]
async fn v51_any_origin_actual() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V51_ANY_ORIGIN_ACTUAL: Policy = policy!(origins = ["*"], headers = ["*"], expose = ["*"], max_age = 60);

#[cors(SHARED_V51_ANY_ORIGIN_ACTUAL)]
#[route("/v/v51-any-origin-actual", method = "GET")]
async fn shared_v51_any_origin_actual() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V51_ANY_ORIGIN_ACTUAL: Policy = policy!(origins = ["*"], headers = ["*"], expose = ["*"], max_age = 60, methods = ["GET"]);

#[cors(origins = ["*"], headers = ["*"], max_age = 60)]
#[route("/v/v52-any-origin-null", method = "GET")]
async fn v52_any_origin_null() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V52_ANY_ORIGIN_NULL: Policy = policy!(origins = ["*"], headers = ["*"], max_age = 60);

#[cors(SHARED_V52_ANY_ORIGIN_NULL)]
#[route("/v/v52-any-origin-null", method = "GET")]
async fn shared_v52_any_origin_null() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V52_ANY_ORIGIN_NULL: Policy = policy!(origins = ["*"], headers = ["*"], max_age = 60, methods = ["GET"]);

#[cors(origins = ["*"], headers = ["*"], max_age = 60)]
#[route("/v/v53-wildcard-headers-exclude-authorization", method = "GET")]
async fn v53_wildcard_headers_exclude_authorization() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V53_WILDCARD_HEADERS_EXCLUDE_AUTHORIZATION: Policy = policy!(origins = ["*"], headers = ["*"], max_age = 60);

#[cors(SHARED_V53_WILDCARD_HEADERS_EXCLUDE_AUTHORIZATION)]
#[route("/v/v53-wildcard-headers-exclude-authorization", method = "GET")]
async fn shared_v53_wildcard_headers_exclude_authorization() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V53_WILDCARD_HEADERS_EXCLUDE_AUTHORIZATION: Policy = policy!(origins = ["*"], headers = ["*"], max_age = 60, methods = ["GET"]);

#[cors(origins = ["*"], headers = ["*", "authorization"])]
#[route("/v/v54-wildcard-plus-authorization", method = "GET", method = "PUT")]
async fn v54_wildcard_plus_authorization() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V54_WILDCARD_PLUS_AUTHORIZATION: Policy = policy!(origins = ["*"], headers = ["*", "authorization"]);

#[cors(SHARED_V54_WILDCARD_PLUS_AUTHORIZATION)]
#[route("/v/v54-wildcard-plus-authorization", method = "GET", method = "PUT")]
async fn shared_v54_wildcard_plus_authorization() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V54_WILDCARD_PLUS_AUTHORIZATION: Policy = policy!(origins = ["*"], headers = ["*", "authorization"], methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v56-acrh-canonical", method = "GET", method = "PUT")]
async fn v56_acrh_canonical() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V56_ACRH_CANONICAL: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"]);

#[cors(SHARED_V56_ACRH_CANONICAL)]
#[route("/v/v56-acrh-canonical", method = "GET", method = "PUT")]
async fn shared_v56_acrh_canonical() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V56_ACRH_CANONICAL: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v57-acrh-unsorted", method = "GET", method = "PUT")]
async fn v57_acrh_unsorted() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V57_ACRH_UNSORTED: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"]);

#[cors(SHARED_V57_ACRH_UNSORTED)]
#[route("/v/v57-acrh-unsorted", method = "GET", method = "PUT")]
async fn shared_v57_acrh_unsorted() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V57_ACRH_UNSORTED: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v58-acrh-uppercase", method = "GET", method = "PUT")]
async fn v58_acrh_uppercase() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V58_ACRH_UPPERCASE: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"]);

#[cors(SHARED_V58_ACRH_UPPERCASE)]
#[route("/v/v58-acrh-uppercase", method = "GET", method = "PUT")]
async fn shared_v58_acrh_uppercase() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V58_ACRH_UPPERCASE: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v59-acrh-duplicates", method = "GET", method = "PUT")]
async fn v59_acrh_duplicates() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V59_ACRH_DUPLICATES: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"]);

#[cors(SHARED_V59_ACRH_DUPLICATES)]
#[route("/v/v59-acrh-duplicates", method = "GET", method = "PUT")]
async fn shared_v59_acrh_duplicates() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V59_ACRH_DUPLICATES: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v60-acrh-small-ows", method = "GET", method = "PUT")]
async fn v60_acrh_small_ows() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V60_ACRH_SMALL_OWS: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"]);

#[cors(SHARED_V60_ACRH_SMALL_OWS)]
#[route("/v/v60-acrh-small-ows", method = "GET", method = "PUT")]
async fn shared_v60_acrh_small_ows() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V60_ACRH_SMALL_OWS: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v61-acrh-some-empty-elements", method = "GET", method = "PUT")]
async fn v61_acrh_some_empty_elements() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V61_ACRH_SOME_EMPTY_ELEMENTS: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"]);

#[cors(SHARED_V61_ACRH_SOME_EMPTY_ELEMENTS)]
#[route("/v/v61-acrh-some-empty-elements", method = "GET", method = "PUT")]
async fn shared_v61_acrh_some_empty_elements() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V61_ACRH_SOME_EMPTY_ELEMENTS: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v62-acrh-split-over-lines", method = "GET", method = "PUT")]
async fn v62_acrh_split_over_lines() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V62_ACRH_SPLIT_OVER_LINES: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"]);

#[cors(SHARED_V62_ACRH_SPLIT_OVER_LINES)]
#[route("/v/v62-acrh-split-over-lines", method = "GET", method = "PUT")]
async fn shared_v62_acrh_split_over_lines() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V62_ACRH_SPLIT_OVER_LINES: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v63-acrh-comma-flood", method = "GET", method = "PUT")]
async fn v63_acrh_comma_flood() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V63_ACRH_COMMA_FLOOD: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"]);

#[cors(SHARED_V63_ACRH_COMMA_FLOOD)]
#[route("/v/v63-acrh-comma-flood", method = "GET", method = "PUT")]
async fn shared_v63_acrh_comma_flood() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V63_ACRH_COMMA_FLOOD: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v64-acrh-ows-flood", method = "GET", method = "PUT")]
async fn v64_acrh_ows_flood() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V64_ACRH_OWS_FLOOD: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"]);

#[cors(SHARED_V64_ACRH_OWS_FLOOD)]
#[route("/v/v64-acrh-ows-flood", method = "GET", method = "PUT")]
async fn shared_v64_acrh_ows_flood() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V64_ACRH_OWS_FLOOD: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v65-acrh-too-many-empty-lines", method = "GET", method = "PUT")]
async fn v65_acrh_too_many_empty_lines() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V65_ACRH_TOO_MANY_EMPTY_LINES: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"]);

#[cors(SHARED_V65_ACRH_TOO_MANY_EMPTY_LINES)]
#[route("/v/v65-acrh-too-many-empty-lines", method = "GET", method = "PUT")]
async fn shared_v65_acrh_too_many_empty_lines() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V65_ACRH_TOO_MANY_EMPTY_LINES: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v66-acrh-unknown-header", method = "GET", method = "PUT")]
async fn v66_acrh_unknown_header() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V66_ACRH_UNKNOWN_HEADER: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"]);

#[cors(SHARED_V66_ACRH_UNKNOWN_HEADER)]
#[route("/v/v66-acrh-unknown-header", method = "GET", method = "PUT")]
async fn shared_v66_acrh_unknown_header() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V66_ACRH_UNKNOWN_HEADER: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v67-acrh-partially-allowed", method = "GET", method = "PUT")]
async fn v67_acrh_partially_allowed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V67_ACRH_PARTIALLY_ALLOWED: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"]);

#[cors(SHARED_V67_ACRH_PARTIALLY_ALLOWED)]
#[route("/v/v67-acrh-partially-allowed", method = "GET", method = "PUT")]
async fn shared_v67_acrh_partially_allowed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V67_ACRH_PARTIALLY_ALLOWED: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v68-acrh-non-token", method = "GET", method = "PUT")]
async fn v68_acrh_non_token() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V68_ACRH_NON_TOKEN: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"]);

#[cors(SHARED_V68_ACRH_NON_TOKEN)]
#[route("/v/v68-acrh-non-token", method = "GET", method = "PUT")]
async fn shared_v68_acrh_non_token() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V68_ACRH_NON_TOKEN: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v69-acrh-present-but-empty", method = "GET", method = "PUT")]
async fn v69_acrh_present_but_empty() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V69_ACRH_PRESENT_BUT_EMPTY: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"]);

#[cors(SHARED_V69_ACRH_PRESENT_BUT_EMPTY)]
#[route("/v/v69-acrh-present-but-empty", method = "GET", method = "PUT")]
async fn shared_v69_acrh_present_but_empty() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V69_ACRH_PRESENT_BUT_EMPTY: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v70-max-age-unset", method = "GET", method = "PUT")]
async fn v70_max_age_unset() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V70_MAX_AGE_UNSET: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"]);

#[cors(SHARED_V70_MAX_AGE_UNSET)]
#[route("/v/v70-max-age-unset", method = "GET", method = "PUT")]
async fn shared_v70_max_age_unset() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V70_MAX_AGE_UNSET: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], max_age = 0)]
#[route("/v/v71-max-age-zero", method = "GET", method = "PUT")]
async fn v71_max_age_zero() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V71_MAX_AGE_ZERO: Policy = policy!(origins = ["https://app.example.com"], max_age = 0);

#[cors(SHARED_V71_MAX_AGE_ZERO)]
#[route("/v/v71-max-age-zero", method = "GET", method = "PUT")]
async fn shared_v71_max_age_zero() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V71_MAX_AGE_ZERO: Policy = policy!(origins = ["https://app.example.com"], max_age = 0, methods = ["GET", "PUT"]);

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v75-actual-put-after-preflight", method = "GET", method = "DELETE", method = "PUT")]
async fn v75_actual_put_after_preflight() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static SHARED_V75_ACTUAL_PUT_AFTER_PREFLIGHT: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600);

#[cors(SHARED_V75_ACTUAL_PUT_AFTER_PREFLIGHT)]
#[route("/v/v75-actual-put-after-preflight", method = "GET", method = "DELETE", method = "PUT")]
async fn shared_v75_actual_put_after_preflight() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

static MIDDLEWARE_V75_ACTUAL_PUT_AFTER_PREFLIGHT: Policy = policy!(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600, methods = ["GET", "DELETE", "PUT"]);

/// Registers every vector's handler with its policy written out.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(v01_preflight_ok_credentialed_exact);
    cfg.service(v02_actual_allowed_credentialed);
    cfg.service(v03_actual_no_origin);
    cfg.service(v04_actual_reflect_origin_attack);
    cfg.service(v05_preflight_disallowed_origin);
    cfg.service(v06_options_without_acrm_is_not_preflight);
    cfg.service(v07_preflight_safelisted_method_no_headers);
    cfg.service(v08_corscanner_prefix_match);
    cfg.service(v09_corscanner_suffix_match);
    cfg.service(v10_corscanner_unescaped_dot_code_form);
    cfg.service(v11_corscanner_unescaped_dot_readme_form);
    cfg.service(v12_corscanner_include_match_code_form);
    cfg.service(v13_corscanner_substring_readme_form);
    cfg.service(v14_corscanner_trust_null);
    cfg.service(v15_corscanner_https_trusts_http);
    cfg.service(v16_corscanner_any_subdomain);
    cfg.service(v17_corscanner_special_char_underscore);
    cfg.service(v18_corscanner_special_char_backtick);
    cfg.service(v19_corscanner_special_char_brace);
    cfg.service(v20_corscanner_third_party);
    cfg.service(v21_origin_uppercase);
    cfg.service(v22_origin_trailing_dot);
    cfg.service(v23_origin_explicit_default_port);
    cfg.service(v24_origin_other_port);
    cfg.service(v25_origin_trailing_slash);
    cfg.service(v26_origin_userinfo);
    cfg.service(v27_origin_very_long);
    cfg.service(v28_multiple_origin_lines);
    cfg.service(v29_origin_comma_joined_list);
    cfg.service(v30_preflight_null_origin);
    cfg.service(v31_idn_punycode_allowed);
    cfg.service(v32_idn_unicode_rejected);
    cfg.service(v33_subdomain_wildcard_allowed);
    cfg.service(v34_subdomain_wildcard_deep);
    cfg.service(v35_subdomain_wildcard_apex_excluded);
    cfg.service(v36_subdomain_wildcard_suffix_attack);
    cfg.service(v37_subdomain_wildcard_label_boundary);
    cfg.service(v38_subdomain_wildcard_http_downgrade);
    cfg.service(v39_subdomain_wildcard_port);
    cfg.service(v40_subdomain_wildcard_preflight_ok);
    cfg.service(v41_acrm_lowercase_patch);
    cfg.service(v42_localhost_any_port);
    cfg.service(v43_localhost_suffix_attack);
    cfg.service(v44_localhost_vs_loopback_ip);
    cfg.service(v45_acrm_lowercase_put);
    cfg.service(v46_acrm_not_allowed);
    cfg.service(v47_acrm_empty);
    cfg.service(v48_acrm_multiple_lines);
    cfg.service(v49_acrm_forbidden_connect);
    cfg.service(v50_any_origin_preflight);
    cfg.service(v51_any_origin_actual);
    cfg.service(v52_any_origin_null);
    cfg.service(v53_wildcard_headers_exclude_authorization);
    cfg.service(v54_wildcard_plus_authorization);
    cfg.service(v56_acrh_canonical);
    cfg.service(v57_acrh_unsorted);
    cfg.service(v58_acrh_uppercase);
    cfg.service(v59_acrh_duplicates);
    cfg.service(v60_acrh_small_ows);
    cfg.service(v61_acrh_some_empty_elements);
    cfg.service(v62_acrh_split_over_lines);
    cfg.service(v63_acrh_comma_flood);
    cfg.service(v64_acrh_ows_flood);
    cfg.service(v65_acrh_too_many_empty_lines);
    cfg.service(v66_acrh_unknown_header);
    cfg.service(v67_acrh_partially_allowed);
    cfg.service(v68_acrh_non_token);
    cfg.service(v69_acrh_present_but_empty);
    cfg.service(v70_max_age_unset);
    cfg.service(v71_max_age_zero);
    cfg.service(v75_actual_put_after_preflight);
}

/// Registers every vector's handler under its shared policy.
pub fn configure_shared(cfg: &mut web::ServiceConfig) {
    cfg.service(shared_v01_preflight_ok_credentialed_exact);
    cfg.service(shared_v02_actual_allowed_credentialed);
    cfg.service(shared_v03_actual_no_origin);
    cfg.service(shared_v04_actual_reflect_origin_attack);
    cfg.service(shared_v05_preflight_disallowed_origin);
    cfg.service(shared_v06_options_without_acrm_is_not_preflight);
    cfg.service(shared_v07_preflight_safelisted_method_no_headers);
    cfg.service(shared_v08_corscanner_prefix_match);
    cfg.service(shared_v09_corscanner_suffix_match);
    cfg.service(shared_v10_corscanner_unescaped_dot_code_form);
    cfg.service(shared_v11_corscanner_unescaped_dot_readme_form);
    cfg.service(shared_v12_corscanner_include_match_code_form);
    cfg.service(shared_v13_corscanner_substring_readme_form);
    cfg.service(shared_v14_corscanner_trust_null);
    cfg.service(shared_v15_corscanner_https_trusts_http);
    cfg.service(shared_v16_corscanner_any_subdomain);
    cfg.service(shared_v17_corscanner_special_char_underscore);
    cfg.service(shared_v18_corscanner_special_char_backtick);
    cfg.service(shared_v19_corscanner_special_char_brace);
    cfg.service(shared_v20_corscanner_third_party);
    cfg.service(shared_v21_origin_uppercase);
    cfg.service(shared_v22_origin_trailing_dot);
    cfg.service(shared_v23_origin_explicit_default_port);
    cfg.service(shared_v24_origin_other_port);
    cfg.service(shared_v25_origin_trailing_slash);
    cfg.service(shared_v26_origin_userinfo);
    cfg.service(shared_v27_origin_very_long);
    cfg.service(shared_v28_multiple_origin_lines);
    cfg.service(shared_v29_origin_comma_joined_list);
    cfg.service(shared_v30_preflight_null_origin);
    cfg.service(shared_v31_idn_punycode_allowed);
    cfg.service(shared_v32_idn_unicode_rejected);
    cfg.service(shared_v33_subdomain_wildcard_allowed);
    cfg.service(shared_v34_subdomain_wildcard_deep);
    cfg.service(shared_v35_subdomain_wildcard_apex_excluded);
    cfg.service(shared_v36_subdomain_wildcard_suffix_attack);
    cfg.service(shared_v37_subdomain_wildcard_label_boundary);
    cfg.service(shared_v38_subdomain_wildcard_http_downgrade);
    cfg.service(shared_v39_subdomain_wildcard_port);
    cfg.service(shared_v40_subdomain_wildcard_preflight_ok);
    cfg.service(shared_v41_acrm_lowercase_patch);
    cfg.service(shared_v42_localhost_any_port);
    cfg.service(shared_v43_localhost_suffix_attack);
    cfg.service(shared_v44_localhost_vs_loopback_ip);
    cfg.service(shared_v45_acrm_lowercase_put);
    cfg.service(shared_v46_acrm_not_allowed);
    cfg.service(shared_v47_acrm_empty);
    cfg.service(shared_v48_acrm_multiple_lines);
    cfg.service(shared_v49_acrm_forbidden_connect);
    cfg.service(shared_v50_any_origin_preflight);
    cfg.service(shared_v51_any_origin_actual);
    cfg.service(shared_v52_any_origin_null);
    cfg.service(shared_v53_wildcard_headers_exclude_authorization);
    cfg.service(shared_v54_wildcard_plus_authorization);
    cfg.service(shared_v56_acrh_canonical);
    cfg.service(shared_v57_acrh_unsorted);
    cfg.service(shared_v58_acrh_uppercase);
    cfg.service(shared_v59_acrh_duplicates);
    cfg.service(shared_v60_acrh_small_ows);
    cfg.service(shared_v61_acrh_some_empty_elements);
    cfg.service(shared_v62_acrh_split_over_lines);
    cfg.service(shared_v63_acrh_comma_flood);
    cfg.service(shared_v64_acrh_ows_flood);
    cfg.service(shared_v65_acrh_too_many_empty_lines);
    cfg.service(shared_v66_acrh_unknown_header);
    cfg.service(shared_v67_acrh_partially_allowed);
    cfg.service(shared_v68_acrh_non_token);
    cfg.service(shared_v69_acrh_present_but_empty);
    cfg.service(shared_v70_max_age_unset);
    cfg.service(shared_v71_max_age_zero);
    cfg.service(shared_v75_actual_put_after_preflight);
}

/// Per vector id, the shared policy for `Cors::new`.
pub static MIDDLEWARE: [(&str, &Policy); 71] = [
    ("v01-preflight-ok-credentialed-exact", &MIDDLEWARE_V01_PREFLIGHT_OK_CREDENTIALED_EXACT),
    ("v02-actual-allowed-credentialed", &MIDDLEWARE_V02_ACTUAL_ALLOWED_CREDENTIALED),
    ("v03-actual-no-origin", &MIDDLEWARE_V03_ACTUAL_NO_ORIGIN),
    ("v04-actual-reflect-origin-attack", &MIDDLEWARE_V04_ACTUAL_REFLECT_ORIGIN_ATTACK),
    ("v05-preflight-disallowed-origin", &MIDDLEWARE_V05_PREFLIGHT_DISALLOWED_ORIGIN),
    ("v06-options-without-acrm-is-not-preflight", &MIDDLEWARE_V06_OPTIONS_WITHOUT_ACRM_IS_NOT_PREFLIGHT),
    ("v07-preflight-safelisted-method-no-headers", &MIDDLEWARE_V07_PREFLIGHT_SAFELISTED_METHOD_NO_HEADERS),
    ("v08-corscanner-prefix-match", &MIDDLEWARE_V08_CORSCANNER_PREFIX_MATCH),
    ("v09-corscanner-suffix-match", &MIDDLEWARE_V09_CORSCANNER_SUFFIX_MATCH),
    ("v10-corscanner-unescaped-dot-code-form", &MIDDLEWARE_V10_CORSCANNER_UNESCAPED_DOT_CODE_FORM),
    ("v11-corscanner-unescaped-dot-readme-form", &MIDDLEWARE_V11_CORSCANNER_UNESCAPED_DOT_README_FORM),
    ("v12-corscanner-include-match-code-form", &MIDDLEWARE_V12_CORSCANNER_INCLUDE_MATCH_CODE_FORM),
    ("v13-corscanner-substring-readme-form", &MIDDLEWARE_V13_CORSCANNER_SUBSTRING_README_FORM),
    ("v14-corscanner-trust-null", &MIDDLEWARE_V14_CORSCANNER_TRUST_NULL),
    ("v15-corscanner-https-trusts-http", &MIDDLEWARE_V15_CORSCANNER_HTTPS_TRUSTS_HTTP),
    ("v16-corscanner-any-subdomain", &MIDDLEWARE_V16_CORSCANNER_ANY_SUBDOMAIN),
    ("v17-corscanner-special-char-underscore", &MIDDLEWARE_V17_CORSCANNER_SPECIAL_CHAR_UNDERSCORE),
    ("v18-corscanner-special-char-backtick", &MIDDLEWARE_V18_CORSCANNER_SPECIAL_CHAR_BACKTICK),
    ("v19-corscanner-special-char-brace", &MIDDLEWARE_V19_CORSCANNER_SPECIAL_CHAR_BRACE),
    ("v20-corscanner-third-party", &MIDDLEWARE_V20_CORSCANNER_THIRD_PARTY),
    ("v21-origin-uppercase", &MIDDLEWARE_V21_ORIGIN_UPPERCASE),
    ("v22-origin-trailing-dot", &MIDDLEWARE_V22_ORIGIN_TRAILING_DOT),
    ("v23-origin-explicit-default-port", &MIDDLEWARE_V23_ORIGIN_EXPLICIT_DEFAULT_PORT),
    ("v24-origin-other-port", &MIDDLEWARE_V24_ORIGIN_OTHER_PORT),
    ("v25-origin-trailing-slash", &MIDDLEWARE_V25_ORIGIN_TRAILING_SLASH),
    ("v26-origin-userinfo", &MIDDLEWARE_V26_ORIGIN_USERINFO),
    ("v27-origin-very-long", &MIDDLEWARE_V27_ORIGIN_VERY_LONG),
    ("v28-multiple-origin-lines", &MIDDLEWARE_V28_MULTIPLE_ORIGIN_LINES),
    ("v29-origin-comma-joined-list", &MIDDLEWARE_V29_ORIGIN_COMMA_JOINED_LIST),
    ("v30-preflight-null-origin", &MIDDLEWARE_V30_PREFLIGHT_NULL_ORIGIN),
    ("v31-idn-punycode-allowed", &MIDDLEWARE_V31_IDN_PUNYCODE_ALLOWED),
    ("v32-idn-unicode-rejected", &MIDDLEWARE_V32_IDN_UNICODE_REJECTED),
    ("v33-subdomain-wildcard-allowed", &MIDDLEWARE_V33_SUBDOMAIN_WILDCARD_ALLOWED),
    ("v34-subdomain-wildcard-deep", &MIDDLEWARE_V34_SUBDOMAIN_WILDCARD_DEEP),
    ("v35-subdomain-wildcard-apex-excluded", &MIDDLEWARE_V35_SUBDOMAIN_WILDCARD_APEX_EXCLUDED),
    ("v36-subdomain-wildcard-suffix-attack", &MIDDLEWARE_V36_SUBDOMAIN_WILDCARD_SUFFIX_ATTACK),
    ("v37-subdomain-wildcard-label-boundary", &MIDDLEWARE_V37_SUBDOMAIN_WILDCARD_LABEL_BOUNDARY),
    ("v38-subdomain-wildcard-http-downgrade", &MIDDLEWARE_V38_SUBDOMAIN_WILDCARD_HTTP_DOWNGRADE),
    ("v39-subdomain-wildcard-port", &MIDDLEWARE_V39_SUBDOMAIN_WILDCARD_PORT),
    ("v40-subdomain-wildcard-preflight-ok", &MIDDLEWARE_V40_SUBDOMAIN_WILDCARD_PREFLIGHT_OK),
    ("v41-acrm-lowercase-patch", &MIDDLEWARE_V41_ACRM_LOWERCASE_PATCH),
    ("v42-localhost-any-port", &MIDDLEWARE_V42_LOCALHOST_ANY_PORT),
    ("v43-localhost-suffix-attack", &MIDDLEWARE_V43_LOCALHOST_SUFFIX_ATTACK),
    ("v44-localhost-vs-loopback-ip", &MIDDLEWARE_V44_LOCALHOST_VS_LOOPBACK_IP),
    ("v45-acrm-lowercase-put", &MIDDLEWARE_V45_ACRM_LOWERCASE_PUT),
    ("v46-acrm-not-allowed", &MIDDLEWARE_V46_ACRM_NOT_ALLOWED),
    ("v47-acrm-empty", &MIDDLEWARE_V47_ACRM_EMPTY),
    ("v48-acrm-multiple-lines", &MIDDLEWARE_V48_ACRM_MULTIPLE_LINES),
    ("v49-acrm-forbidden-connect", &MIDDLEWARE_V49_ACRM_FORBIDDEN_CONNECT),
    ("v50-any-origin-preflight", &MIDDLEWARE_V50_ANY_ORIGIN_PREFLIGHT),
    ("v51-any-origin-actual", &MIDDLEWARE_V51_ANY_ORIGIN_ACTUAL),
    ("v52-any-origin-null", &MIDDLEWARE_V52_ANY_ORIGIN_NULL),
    ("v53-wildcard-headers-exclude-authorization", &MIDDLEWARE_V53_WILDCARD_HEADERS_EXCLUDE_AUTHORIZATION),
    ("v54-wildcard-plus-authorization", &MIDDLEWARE_V54_WILDCARD_PLUS_AUTHORIZATION),
    ("v56-acrh-canonical", &MIDDLEWARE_V56_ACRH_CANONICAL),
    ("v57-acrh-unsorted", &MIDDLEWARE_V57_ACRH_UNSORTED),
    ("v58-acrh-uppercase", &MIDDLEWARE_V58_ACRH_UPPERCASE),
    ("v59-acrh-duplicates", &MIDDLEWARE_V59_ACRH_DUPLICATES),
    ("v60-acrh-small-ows", &MIDDLEWARE_V60_ACRH_SMALL_OWS),
    ("v61-acrh-some-empty-elements", &MIDDLEWARE_V61_ACRH_SOME_EMPTY_ELEMENTS),
    ("v62-acrh-split-over-lines", &MIDDLEWARE_V62_ACRH_SPLIT_OVER_LINES),
    ("v63-acrh-comma-flood", &MIDDLEWARE_V63_ACRH_COMMA_FLOOD),
    ("v64-acrh-ows-flood", &MIDDLEWARE_V64_ACRH_OWS_FLOOD),
    ("v65-acrh-too-many-empty-lines", &MIDDLEWARE_V65_ACRH_TOO_MANY_EMPTY_LINES),
    ("v66-acrh-unknown-header", &MIDDLEWARE_V66_ACRH_UNKNOWN_HEADER),
    ("v67-acrh-partially-allowed", &MIDDLEWARE_V67_ACRH_PARTIALLY_ALLOWED),
    ("v68-acrh-non-token", &MIDDLEWARE_V68_ACRH_NON_TOKEN),
    ("v69-acrh-present-but-empty", &MIDDLEWARE_V69_ACRH_PRESENT_BUT_EMPTY),
    ("v70-max-age-unset", &MIDDLEWARE_V70_MAX_AGE_UNSET),
    ("v71-max-age-zero", &MIDDLEWARE_V71_MAX_AGE_ZERO),
    ("v75-actual-put-after-preflight", &MIDDLEWARE_V75_ACTUAL_PUT_AFTER_PREFLIGHT),
];
