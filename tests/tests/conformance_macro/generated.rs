// Generated from ../shared/conformance/vectors.json by `cors_tests::generate_handlers`.
// Regenerate with `UPDATE_VECTORS=1 cargo test -p cors-tests --test conformance_macro`.

use actix_web::{HttpResponse, route, web};
use cors_runtime::cors;

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v01-preflight-ok-credentialed-exact", method = "GET", method = "DELETE", method = "PUT")]
async fn v01_preflight_ok_credentialed_exact() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v02-actual-allowed-credentialed", method = "GET", method = "DELETE", method = "PUT")]
async fn v02_actual_allowed_credentialed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v03-actual-no-origin", method = "GET", method = "DELETE", method = "PUT")]
async fn v03_actual_no_origin() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v04-actual-reflect-origin-attack", method = "GET", method = "PUT")]
async fn v04_actual_reflect_origin_attack() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v05-preflight-disallowed-origin", method = "GET", method = "DELETE", method = "PUT")]
async fn v05_preflight_disallowed_origin() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v06-options-without-acrm-is-not-preflight", method = "GET", method = "DELETE", method = "PUT")]
async fn v06_options_without_acrm_is_not_preflight() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v07-preflight-safelisted-method-no-headers", method = "GET", method = "DELETE", method = "PUT")]
async fn v07_preflight_safelisted_method_no_headers() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v08-corscanner-prefix-match", method = "GET", method = "PUT")]
async fn v08_corscanner_prefix_match() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v09-corscanner-suffix-match", method = "GET", method = "PUT")]
async fn v09_corscanner_suffix_match() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v10-corscanner-unescaped-dot-code-form", method = "GET", method = "PUT")]
async fn v10_corscanner_unescaped_dot_code_form() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v11-corscanner-unescaped-dot-readme-form", method = "GET", method = "PUT")]
async fn v11_corscanner_unescaped_dot_readme_form() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v12-corscanner-include-match-code-form", method = "GET", method = "PUT")]
async fn v12_corscanner_include_match_code_form() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v13-corscanner-substring-readme-form", method = "GET", method = "PUT")]
async fn v13_corscanner_substring_readme_form() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v14-corscanner-trust-null", method = "GET", method = "PUT")]
async fn v14_corscanner_trust_null() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v15-corscanner-https-trusts-http", method = "GET", method = "PUT")]
async fn v15_corscanner_https_trusts_http() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v16-corscanner-any-subdomain", method = "GET", method = "PUT")]
async fn v16_corscanner_any_subdomain() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v17-corscanner-special-char-underscore", method = "GET", method = "PUT")]
async fn v17_corscanner_special_char_underscore() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v18-corscanner-special-char-backtick", method = "GET", method = "PUT")]
async fn v18_corscanner_special_char_backtick() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v19-corscanner-special-char-brace", method = "GET", method = "PUT")]
async fn v19_corscanner_special_char_brace() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v20-corscanner-third-party", method = "GET", method = "PUT")]
async fn v20_corscanner_third_party() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v21-origin-uppercase", method = "GET", method = "PUT")]
async fn v21_origin_uppercase() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v22-origin-trailing-dot", method = "GET", method = "PUT")]
async fn v22_origin_trailing_dot() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v23-origin-explicit-default-port", method = "GET", method = "PUT")]
async fn v23_origin_explicit_default_port() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v24-origin-other-port", method = "GET", method = "PUT")]
async fn v24_origin_other_port() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v25-origin-trailing-slash", method = "GET", method = "PUT")]
async fn v25_origin_trailing_slash() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v26-origin-userinfo", method = "GET", method = "PUT")]
async fn v26_origin_userinfo() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v27-origin-very-long", method = "GET", method = "PUT")]
async fn v27_origin_very_long() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v28-multiple-origin-lines", method = "GET", method = "PUT")]
async fn v28_multiple_origin_lines() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v29-origin-comma-joined-list", method = "GET", method = "PUT")]
async fn v29_origin_comma_joined_list() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://www.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v30-preflight-null-origin", method = "GET", method = "PUT")]
async fn v30_preflight_null_origin() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://xn--bcher-kva.example"])]
#[route("/v/v31-idn-punycode-allowed", method = "GET")]
async fn v31_idn_punycode_allowed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://xn--bcher-kva.example"])]
#[route("/v/v32-idn-unicode-rejected", method = "GET")]
async fn v32_idn_unicode_rejected() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v33-subdomain-wildcard-allowed", method = "GET", method = "PATCH")]
async fn v33_subdomain_wildcard_allowed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v34-subdomain-wildcard-deep", method = "GET", method = "PATCH")]
async fn v34_subdomain_wildcard_deep() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v35-subdomain-wildcard-apex-excluded", method = "GET", method = "PATCH")]
async fn v35_subdomain_wildcard_apex_excluded() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v36-subdomain-wildcard-suffix-attack", method = "GET", method = "PATCH")]
async fn v36_subdomain_wildcard_suffix_attack() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v37-subdomain-wildcard-label-boundary", method = "GET", method = "PATCH")]
async fn v37_subdomain_wildcard_label_boundary() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v38-subdomain-wildcard-http-downgrade", method = "GET", method = "PATCH")]
async fn v38_subdomain_wildcard_http_downgrade() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v39-subdomain-wildcard-port", method = "GET", method = "PATCH")]
async fn v39_subdomain_wildcard_port() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v40-subdomain-wildcard-preflight-ok", method = "GET", method = "PATCH")]
async fn v40_subdomain_wildcard_preflight_ok() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://*.example.com"], headers = ["content-type"], credentials)]
#[route("/v/v41-acrm-lowercase-patch", method = "GET", method = "PATCH")]
async fn v41_acrm_lowercase_patch() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials)]
#[route("/v/v42-localhost-any-port", method = "GET", method = "PUT")]
async fn v42_localhost_any_port() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials)]
#[route("/v/v43-localhost-suffix-attack", method = "GET", method = "PUT")]
async fn v43_localhost_suffix_attack() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials)]
#[route("/v/v44-localhost-vs-loopback-ip", method = "GET", method = "PUT")]
async fn v44_localhost_vs_loopback_ip() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v45-acrm-lowercase-put", method = "GET", method = "DELETE", method = "PUT")]
async fn v45_acrm_lowercase_put() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v46-acrm-not-allowed", method = "GET", method = "DELETE", method = "PUT")]
async fn v46_acrm_not_allowed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v47-acrm-empty", method = "GET", method = "DELETE", method = "PUT")]
async fn v47_acrm_empty() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v48-acrm-multiple-lines", method = "GET", method = "DELETE", method = "PUT")]
async fn v48_acrm_multiple_lines() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v49-acrm-forbidden-connect", method = "GET", method = "DELETE", method = "PUT")]
async fn v49_acrm_forbidden_connect() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["*"], headers = ["*"], expose = ["*"], max_age = 60)]
#[route("/v/v50-any-origin-preflight", method = "GET", method = "PURGE")]
async fn v50_any_origin_preflight() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["*"], headers = ["*"], expose = ["*"], max_age = 60)]
#[route("/v/v51-any-origin-actual", method = "GET")]
async fn v51_any_origin_actual() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["*"], headers = ["*"], max_age = 60)]
#[route("/v/v52-any-origin-null", method = "GET")]
async fn v52_any_origin_null() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["*"], headers = ["*"], max_age = 60)]
#[route("/v/v53-wildcard-headers-exclude-authorization", method = "GET")]
async fn v53_wildcard_headers_exclude_authorization() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["*"], headers = ["*", "authorization"])]
#[route("/v/v54-wildcard-plus-authorization", method = "GET", method = "PUT")]
async fn v54_wildcard_plus_authorization() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v56-acrh-canonical", method = "GET", method = "PUT")]
async fn v56_acrh_canonical() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v57-acrh-unsorted", method = "GET", method = "PUT")]
async fn v57_acrh_unsorted() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v58-acrh-uppercase", method = "GET", method = "PUT")]
async fn v58_acrh_uppercase() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v59-acrh-duplicates", method = "GET", method = "PUT")]
async fn v59_acrh_duplicates() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v60-acrh-small-ows", method = "GET", method = "PUT")]
async fn v60_acrh_small_ows() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v61-acrh-some-empty-elements", method = "GET", method = "PUT")]
async fn v61_acrh_some_empty_elements() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v62-acrh-split-over-lines", method = "GET", method = "PUT")]
async fn v62_acrh_split_over_lines() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v63-acrh-comma-flood", method = "GET", method = "PUT")]
async fn v63_acrh_comma_flood() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v64-acrh-ows-flood", method = "GET", method = "PUT")]
async fn v64_acrh_ows_flood() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v65-acrh-too-many-empty-lines", method = "GET", method = "PUT")]
async fn v65_acrh_too_many_empty_lines() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v66-acrh-unknown-header", method = "GET", method = "PUT")]
async fn v66_acrh_unknown_header() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v67-acrh-partially-allowed", method = "GET", method = "PUT")]
async fn v67_acrh_partially_allowed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v68-acrh-non-token", method = "GET", method = "PUT")]
async fn v68_acrh_non_token() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v69-acrh-present-but-empty", method = "GET", method = "PUT")]
async fn v69_acrh_present_but_empty() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"])]
#[route("/v/v70-max-age-unset", method = "GET", method = "PUT")]
async fn v70_max_age_unset() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], max_age = 0)]
#[route("/v/v71-max-age-zero", method = "GET", method = "PUT")]
async fn v71_max_age_zero() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://app.example.com"], headers = ["content-type", "x-request-id"], expose = ["x-total-count"], credentials, max_age = 600)]
#[route("/v/v75-actual-put-after-preflight", method = "GET", method = "DELETE", method = "PUT")]
async fn v75_actual_put_after_preflight() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

/// Registers every vector's handler.
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
