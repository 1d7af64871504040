//! Every entry of `../shared/conformance/{valid,invalid}-policies.json` through `validate()`.
//!
//! The attribute text is read by a deliberately small parser: the real one is the macro's, and
//! the UI tests run these same files through it. Rules that only the macro can check (unknown
//! or duplicate keys, a missing route attribute) are skipped here.

use std::path::PathBuf;

use cors_policy::{Field, Key, PolicySpec, validate};
use serde_json::Value;

fn load(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("cannot read {}: {e}; the shared/ folder must sit beside the repository", path.display())
    });
    serde_json::from_str(&text).expect("valid JSON")
}

/// One value of the attribute: a list, a scalar, or nothing (a flag).
#[derive(Debug)]
enum Val {
    List(Vec<(String, String)>), // (value, source text)
    Scalar(String),
    Flag,
}

fn lex_string(chars: &mut std::iter::Peekable<std::str::CharIndices>, src: &str, start: usize) -> (String, String) {
    let mut v = String::new();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((_, e)) = chars.next() {
                    v.push(e)
                }
            }
            '"' => return (v, src[start..=i].to_string()),
            c => v.push(c),
        }
    }
    panic!("unterminated string in {src}")
}

/// `#[cors(k = [..], k = 1, flag)]` → `[(key, value)]`.
fn parse_attr(attr: &str) -> Vec<(String, Val)> {
    let body = attr.strip_prefix("#[cors(").and_then(|s| s.strip_suffix(")]")).expect("#[cors(...)]");
    let mut chars = body.char_indices().peekable();
    let mut out = Vec::new();
    loop {
        while chars.next_if(|(_, c)| c.is_whitespace() || *c == ',').is_some() {}
        let Some(&(start, _)) = chars.peek() else { break };
        while chars.next_if(|(_, c)| c.is_alphanumeric() || *c == '_').is_some() {}
        let key = body[start..chars.peek().map_or(body.len(), |p| p.0)].to_string();
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        if chars.next_if(|(_, c)| *c == '=').is_none() {
            out.push((key, Val::Flag));
            continue;
        }
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        if chars.next_if(|(_, c)| *c == '[').is_some() {
            let mut items = Vec::new();
            loop {
                while chars.next_if(|(_, c)| c.is_whitespace() || *c == ',').is_some() {}
                match chars.next() {
                    Some((_, ']')) => break,
                    Some((i, '"')) => items.push(lex_string(&mut chars, body, i)),
                    Some((i, _)) => {
                        while chars.next_if(|(_, c)| c.is_alphanumeric() || *c == '_').is_some() {}
                        let end = chars.peek().map_or(body.len(), |p| p.0);
                        items.push((body[i..end].to_string(), body[i..end].to_string()));
                    }
                    None => panic!("unterminated list in {attr}"),
                }
            }
            out.push((key, Val::List(items)));
        } else {
            let (s, _) = chars.peek().copied().expect("a value");
            while chars.next_if(|(_, c)| !c.is_whitespace() && *c != ',').is_some() {}
            out.push((key, Val::Scalar(body[s..chars.peek().map_or(body.len(), |p| p.0)].to_string())));
        }
    }
    out
}

/// The methods a route attribute serves, or `None` when there is none.
fn route_methods(route: &str) -> Option<Vec<String>> {
    if route.is_empty() {
        return None;
    }
    let name = route.trim_start_matches("#[").split('(').next()?.rsplit("::").next()?;
    if name == "route" {
        let ms = route.split("method = \"").skip(1).map(|s| s.split('"').next().unwrap_or("").to_string());
        return Some(ms.collect());
    }
    Some(vec![name.to_ascii_uppercase()])
}

struct Case {
    spec: PolicySpec,
    /// For each list key, the source text of each entry.
    sources: Vec<(Key, Vec<String>)>,
    scalars: Vec<(Key, String)>,
}

fn build(attr: &str, route: &str) -> Option<Case> {
    let mut spec = PolicySpec { route_methods: route_methods(route), ..PolicySpec::default() };
    let mut sources = Vec::new();
    let mut scalars = Vec::new();
    for (k, v) in parse_attr(attr) {
        let key = Key::from_name(&k)?; // unknown key: a macro-only rule
        match v {
            Val::List(items) => {
                let vals: Vec<String> = items.iter().map(|i| i.0.clone()).collect();
                let slot = match key {
                    Key::Origins => spec.origins.get_or_insert_default(),
                    Key::DevOrigins => &mut spec.dev_origins,
                    Key::Methods => spec.methods.get_or_insert_default(),
                    Key::Headers => &mut spec.headers,
                    Key::Expose => &mut spec.expose,
                    _ => panic!("{k} is not a list"),
                };
                if !slot.is_empty() {
                    return None; // duplicate key: a macro-only rule
                }
                *slot = vals;
                sources.push((key, items.into_iter().map(|i| i.1).collect()));
            }
            Val::Scalar(s) => {
                assert_eq!(key, Key::MaxAge);
                spec.max_age = Some(s.parse().expect("integer"));
                scalars.push((key, s));
            }
            Val::Flag => match key {
                Key::Credentials => spec.credentials = true,
                Key::AllowInsecureOrigins => spec.allow_insecure_origins = true,
                Key::AllowPublicSuffixWildcards => spec.allow_public_suffix_wildcards = true,
                _ => panic!("{k} is not a flag"),
            },
        }
    }
    spec.route_methods.as_ref()?; // no route attribute: a macro-only rule
    Some(Case { spec, sources, scalars })
}

/// The source text a field stands for, as the macro would underline it.
fn source_of(case: &Case, field: Field) -> String {
    match field {
        Field::Policy => "cors".into(),
        Field::Key(k) => {
            case.scalars.iter().find(|(key, _)| *key == k).map_or_else(|| k.name().into(), |s| s.1.clone())
        }
        Field::Item(k, i) => case.sources.iter().find(|(key, _)| *key == k).map(|s| s.1[i].clone()).expect("item"),
    }
}

#[test]
fn every_valid_policy_validates() {
    let file = load("valid-policies.json");
    let cases = file["valid"].as_array().expect("valid[]");
    assert!(!cases.is_empty());
    for c in cases {
        let case = build(c["attribute"].as_str().unwrap(), c["route"].as_str().unwrap()).expect("parsable");
        if let Err(v) = validate(&case.spec) {
            panic!("{} was rejected: {v}", c["id"]);
        }
    }
}

#[test]
fn every_invalid_policy_is_rejected_at_its_token() {
    let file = load("invalid-policies.json");
    let cases = file["invalid"].as_array().expect("invalid[]");
    let mut checked = 0;
    for c in cases {
        let id = c["id"].as_str().unwrap();
        let Some(case) = build(c["attribute"].as_str().unwrap(), c["route"].as_str().unwrap()) else {
            continue;
        };
        let violations = validate(&case.spec).expect_err(id);
        let span = c["span"].as_str().unwrap();
        let fields: Vec<String> = violations.iter().map(|v| source_of(&case, v.field)).collect();
        assert!(fields.iter().any(|f| f == span), "{id}: expected a violation at {span}, got {violations}");
        for v in violations.iter() {
            assert!(!v.message.is_empty() && !v.fix.is_empty(), "{id}: {v:?}");
            assert!(!v.message.ends_with('.'), "{id}: messages have no trailing period: {}", v.message);
        }
        checked += 1;
    }
    assert!(checked >= 55, "only {checked} cases were checked");
}
