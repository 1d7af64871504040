//! The whole engine on one arbitrary request: a policy from the input (invalid ones must be
//! refused by the builder exactly when `validate` refuses them), then `classify`,
//! `allow_origin`, `check_preflight`/`preflight_response` and `apply_actual` on a response
//! whose handler set arbitrary headers, each checked against the reference.
//!
//! Input, three sections separated by a `--` line: policy lines (see `parse_spec`); the
//! request method, then `Name: value` header lines; the handler's `Name: value` lines.
#![no_main]

use actix_web::http::Method;
use actix_web::http::header::{ACCESS_CONTROL_REQUEST_METHOD, ORIGIN};
use cors_fuzz::{Expect, Input, build, header_map};
use cors_policy::validate;
use cors_runtime::__private::{RequestKind, classify};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Input { spec, request, response } = Input::read(data);
    let validated = validate(&spec);
    let built = build(&spec);
    assert_eq!(validated.is_ok(), built.is_ok(), "validate and the builder disagree on {spec:?}");
    let (Ok(valid), Ok(policy)) = (validated, built) else { return };

    let Some((method, request)) = request.split_first() else { return };
    let Ok(method) = Method::from_bytes(method) else { return };
    let headers = header_map(request);
    let handler = header_map(&response);

    let want = match (headers.contains_key(ORIGIN), method == Method::OPTIONS) {
        (false, _) => RequestKind::NotCors,
        (true, true) if headers.contains_key(ACCESS_CONTROL_REQUEST_METHOD) => RequestKind::Preflight,
        (true, _) => RequestKind::Actual,
    };
    assert_eq!(classify(&method, &headers), want);

    let expect = Expect::new(&spec, valid);
    expect.check_allow_origin(&policy, &headers);
    expect.check_preflight(&policy, &headers);
    expect.check_actual(&policy, &headers, &handler);
});
