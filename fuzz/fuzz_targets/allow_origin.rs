//! `Policy::allow_origin` with arbitrary `Origin` bytes against fixed policies: anything
//! allowed is exactly an allowed origin (per the naive reference matcher), echoed byte for
//! byte, and everything the reference allows is allowed.
//!
//! Input: one byte choosing the policy, then the `Origin` value; `\n` starts another
//! `Origin` field line.
#![no_main]

use std::sync::OnceLock;

use actix_web::http::header::{HeaderMap, HeaderValue, ORIGIN};
use cors_fuzz::reference::Acao;
use cors_fuzz::{Expect, build, lines, parse_spec};
use cors_policy::origin::is_serialized_origin;
use cors_policy::{PolicySpec, ValidPolicy, validate};
use cors_runtime::Policy;
use libfuzzer_sys::fuzz_target;

/// Exact, wildcard, dev (any port), any-origin, unusual schemes and hosts, and enough exact
/// origins to make the hash table's probe chains long.
fn policies() -> &'static [(PolicySpec, ValidPolicy, Policy)] {
    static P: OnceLock<Vec<(PolicySpec, ValidPolicy, Policy)>> = OnceLock::new();
    P.get_or_init(|| {
        let many: String = (0..64).map(|i| format!("o:https://app{i}.example.com\no:https://x{i}.example.net:{}\n", 1000 + i)).collect();
        [
            "o:https://www.example.com\no:https://app.example.com\nc",
            "o:https://*.example.com\no:https://api.example.org:8443\no:https://*.a.b.example.net\nc",
            "o:https://app.example.com\nd:http://localhost:*\nd:http://*.localhost:*\nd:http://127.0.0.1:3000\nd:http://[::1]:*\nc",
            "o:*",
            "o:tauri://localhost\no:https://xn--bcher-kva.example\no:https://example.com.\no:https://192.0.2.10:8443\no:https://*.github.io",
            "o:http://plain.example.com\no:https://[2001:db8::1]\ni",
            &many,
        ]
        .iter()
        .map(|text| {
            let mut spec = parse_spec(text);
            spec.methods = Some(vec!["GET".into()]);
            let valid = validate(&spec).unwrap_or_else(|v| panic!("fixed policy {text}: {v}"));
            let policy = build(&spec).expect("the builder accepts what validate accepts");
            (spec, valid, policy)
        })
        .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&select, value)) = data.split_first() else { return };
    let all = policies();
    let (spec, valid, policy) = &all[usize::from(select) % all.len()];
    let mut headers = HeaderMap::new();
    for line in lines(value) {
        if let Ok(v) = HeaderValue::from_bytes(line) {
            headers.append(ORIGIN, v);
        }
    }
    let expect = Expect::new(spec, valid.clone());
    expect.check_allow_origin(policy, &headers);
    if let Acao::Echo(o) = expect.acao(&headers) {
        assert!(is_serialized_origin(o), "allowed {o:?}, which is not a serialised origin");
    }
});
