//! `parse_pattern` and `validate` on arbitrary text: they never panic, every accepted entry
//! is already in the byte-exact form browsers send, and every policy `validate()` accepts can
//! be built and admits each of its own origins.
//!
//! Input: policy lines as read by `cors_fuzz::parse_spec` (`o:https://a.example`, `c`, ...).
//! Every line, prefix or not, is also parsed as an entry on its own.
#![no_main]

use cors_fuzz::reference::{self, Acao};
use cors_fuzz::{Expect, build, parse_spec};
use cors_policy::origin::{is_serialized_origin, match_origin, parse_pattern};
use cors_policy::{EntryList, OriginPattern, PortSpec, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for line in text.lines() {
        let entry = if line.starts_with("o:") || line.starts_with("d:") { &line[2..] } else { line };
        for list in [EntryList::Origins, EntryList::Dev] {
            if let Ok(p) = parse_pattern(entry, list) {
                check_pattern(entry, &p, list);
            }
        }
    }
    let spec = parse_spec(&text);
    let validated = validate(&spec);
    if spec.route_methods.is_some() {
        return; // the builder has no route; `validate` not panicking is the whole check
    }
    let built = build(&spec);
    assert_eq!(validated.is_ok(), built.is_ok(), "validate and the builder disagree on {spec:?}");
    let (Ok(valid), Ok(policy)) = (validated, built) else { return };
    let expect = Expect::new(&spec, valid);
    for entry in expect.origins.clone() {
        let Some(sample) = sample_origin(entry) else { continue };
        let mut h = actix_web::http::header::HeaderMap::new();
        h.insert(actix_web::http::header::ORIGIN, sample.parse().expect("a sample origin is a header value"));
        let want = reference::expected_acao(&expect.origins, &[sample.as_bytes()]);
        assert!(want != Acao::Nothing, "the reference refuses {sample}, an origin of its own entry {entry}");
        expect.check_allow_origin(&policy, &h);
    }
});

/// An accepted entry is canonical: it is its own key, it parses back to itself, and the
/// origins it admits are syntactically origins and match through `match_origin`.
fn check_pattern(entry: &str, p: &OriginPattern, list: EntryList) {
    assert_eq!(p.key(), entry, "an accepted entry is already in browser form");
    assert_eq!(parse_pattern(&p.key(), list).as_ref(), Ok(p));
    assert!(list == EntryList::Dev || p.port != PortSpec::Any, "`:*` outside dev_origins");
    let sample = sample_origin(entry).expect("a sample origin");
    assert!(is_serialized_origin(sample.as_bytes()), "{entry} admits {sample}, which is not an origin");
    let key = p.key();
    let found = match_origin(sample.as_bytes(), p.subdomains, p.port == PortSpec::Any, |k| k == key.as_bytes());
    assert!(found, "{entry} does not match its own origin {sample}");
    if p.subdomains {
        let apex = entry.replacen("*.", "", 1);
        let apex = apex.strip_suffix(":*").unwrap_or(&apex);
        assert!(
            !match_origin(apex.as_bytes(), true, p.port == PortSpec::Any, |k| k == key.as_bytes()),
            "{entry} matches its apex"
        );
    }
}

/// One origin that `entry` admits, built by hand: `*.` becomes `a.`, and `:*` becomes
/// `:8080` (or no port, when that would pass the length limit).
fn sample_origin(entry: &str) -> Option<String> {
    if entry == "*" {
        return None;
    }
    let s = entry.replacen("://*.", "://a.", 1);
    Some(match s.strip_suffix(":*") {
        Some(base) if base.len() + 5 <= reference::MAX_ORIGIN_LEN => format!("{base}:8080"),
        Some(base) => base.to_string(),
        None => s,
    })
}
