//! `Access-Control-Request-Headers` through `Policy::check_preflight` and
//! `preflight_response`: arbitrary bytes, one or several field lines, against policies with
//! listed names, `*`, and `*` plus `authorization`. The verdict and the answered names must
//! match the naive reference parser, and the answer's shape must follow POLICY.md §3.
//!
//! Input: one byte choosing the policy (bit 7 set: send no ACRH at all), one byte choosing
//! the requested method, then the ACRH value; `\n` starts another field line.
#![no_main]

use std::sync::OnceLock;

use actix_web::http::header::{
    ACCESS_CONTROL_REQUEST_HEADERS, ACCESS_CONTROL_REQUEST_METHOD, HeaderMap, HeaderValue, ORIGIN,
};
use cors_fuzz::{Expect, build, lines, parse_spec};
use cors_policy::{PolicySpec, ValidPolicy, validate};
use cors_runtime::Policy;
use libfuzzer_sys::fuzz_target;

fn policies() -> &'static [(PolicySpec, ValidPolicy, Policy)] {
    static P: OnceLock<Vec<(PolicySpec, ValidPolicy, Policy)>> = OnceLock::new();
    P.get_or_init(|| {
        [
            "o:https://app.example.com\nm:PUT\nm:PATCH\nh:content-type\nh:x-request-id\nh:authorization\nc\na:600",
            "o:*\nm:PUT\nm:PURGE\nh:*",
            "o:*\nm:PUT\nh:*\nh:authorization\ne:*\na:0",
            "o:https://app.example.com\nm:PUT",
            "o:https://*.example.com\nm:DELETE\nh:x-a\nh:x-very-long-header-name-used-by-one-legacy-client\nh:x-",
        ]
        .iter()
        .map(|text| {
            let spec = parse_spec(text);
            let valid = validate(&spec).unwrap_or_else(|v| panic!("fixed policy {text}: {v}"));
            let policy = build(&spec).expect("the builder accepts what validate accepts");
            (spec, valid, policy)
        })
        .collect()
    })
}

const ORIGINS: [&str; 2] = ["https://app.example.com", "https://api.example.com"];
const METHODS: [&str; 6] = ["PUT", "PATCH", "PURGE", "DELETE", "put", "GET"];

fuzz_target!(|data: &[u8]| {
    let [select, method, value @ ..] = data else { return };
    let all = policies();
    let (spec, valid, policy) = &all[usize::from(select & 0x7f) % all.len()];
    let mut headers = HeaderMap::new();
    let origin = ORIGINS[usize::from(select & 0x7f) / all.len() % ORIGINS.len()];
    headers.insert(ORIGIN, HeaderValue::from_static(origin));
    let method = METHODS[usize::from(*method) % METHODS.len()];
    headers.insert(ACCESS_CONTROL_REQUEST_METHOD, HeaderValue::from_static(method));
    if select & 0x80 == 0 {
        for line in lines(value) {
            if let Ok(v) = HeaderValue::from_bytes(line) {
                headers.append(ACCESS_CONTROL_REQUEST_HEADERS, v);
            }
        }
    }
    Expect::new(spec, valid.clone()).check_preflight(policy, &headers);
});
