//! Every entry of `../shared/conformance/{valid,invalid}-policies.json`, and of the same files
//! under `v2/`, through `validate()` (and `validate_route_methods()` beside a shared policy).
//!
//! The attribute text is read by a deliberately small parser: the real one is the macro's, and
//! the UI tests run these same files through it. Rules that only the macro can check (unknown
//! or duplicate keys, a missing route attribute, what may stand beside a shared policy's name)
//! are skipped here.

use cors_policy::{Field, Key, KeyKind, PolicySpec, Violation, validate, validate_route_methods};
use serde_json::Value;

/// The files of each kind, relative to `../shared/conformance/`.
const VALID: [&str; 2] = ["valid-policies.json", "v2/valid-policies.json"];
const INVALID: [&str; 2] = ["invalid-policies.json", "v2/invalid-policies.json"];

/// Shared-policy entries whose rule only the macro can check; the UI suite runs them.
const UI_ONLY: [(&str, &str); 2] = [
    // §5: with `NAME` listing `methods`, every method of the route must be among them. The
    // check needs the route beside the policy's name, which only the macro sees.
    ("ip02-shared-methods-do-not-cover-route", "the route's methods against a shared policy's"),
    // Only `methods` may stand beside a shared policy's name: a question of syntax.
    ("ip03-shared-with-widening-key", "keys beside a shared policy's name"),
];

use cors_test_support::load;

/// The entries of `files`, under the key `key` of each.
fn entries(files: &[&str], key: &str) -> Vec<Value> {
    let mut all = Vec::new();
    for name in files {
        let cases = load(name)[key].as_array().unwrap_or_else(|| panic!("{name}: no {key}[]")).clone();
        assert!(!cases.is_empty(), "{name}: {key}[] is empty");
        all.extend(cases);
    }
    all
}

/// One value of the attribute: a list, a scalar, or nothing (a flag).
#[derive(Debug)]
enum Val {
    List(Vec<(String, String)>), // (value, source text)
    Scalar(String, String),      // (value, source text)
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

/// `k = [..], k = 1, k = "s", flag` → `[(key, value)]`.
fn parse_args(body: &str) -> Vec<(String, Val)> {
    let mut chars = body.char_indices().peekable();
    let mut out = Vec::new();
    loop {
        while chars.next_if(|(_, c)| c.is_whitespace() || *c == ',').is_some() {}
        let Some(&(start, _)) = chars.peek() else { break };
        while chars.next_if(|(_, c)| c.is_alphanumeric() || *c == '_').is_some() {}
        let key = body[start..chars.peek().map_or(body.len(), |p| p.0)].to_string();
        assert!(!key.is_empty(), "unexpected text at {start} in {body}");
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
                    None => panic!("unterminated list in {body}"),
                }
            }
            out.push((key, Val::List(items)));
        } else if let Some((i, _)) = chars.next_if(|(_, c)| *c == '"') {
            let (value, source) = lex_string(&mut chars, body, i);
            out.push((key, Val::Scalar(value, source)));
        } else {
            let (s, _) = chars.peek().copied().expect("a value");
            while chars.next_if(|(_, c)| !c.is_whitespace() && *c != ',').is_some() {}
            let text = body[s..chars.peek().map_or(body.len(), |p| p.0)].to_string();
            out.push((key, Val::Scalar(text.clone(), text)));
        }
    }
    out
}

/// `#[cors(...)]` → its arguments.
fn parse_attr(attr: &str) -> Vec<(String, Val)> {
    parse_args(attr.strip_prefix("#[cors(").and_then(|s| s.strip_suffix(")]")).expect("#[cors(...)]"))
}

/// `policy!(...)` → its arguments (the same keys as `#[cors(...)]`).
fn parse_policy(policy: &str) -> Vec<(String, Val)> {
    parse_args(policy.strip_prefix("policy!(").and_then(|s| s.strip_suffix(')')).expect("policy!(...)"))
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
    /// For each value key, the source text of its value.
    scalars: Vec<(Key, String)>,
    /// The token the macro underlines for the policy as a whole.
    name: &'static str,
}

/// The spec written by `args`, or `None` when only the macro could reject it (an unknown or
/// duplicated key).
fn build(args: Vec<(String, Val)>, route_methods: Option<Vec<String>>, name: &'static str) -> Option<Case> {
    let mut spec = PolicySpec { route_methods, ..PolicySpec::default() };
    let mut sources: Vec<(Key, Vec<String>)> = Vec::new();
    let mut scalars: Vec<(Key, String)> = Vec::new();
    for (k, v) in args {
        let key = Key::from_name(&k)?; // unknown key: a macro-only rule
        if sources.iter().any(|s| s.0 == key) || scalars.iter().any(|s| s.0 == key) {
            return None; // duplicate key: a macro-only rule
        }
        match (key.kind(), v) {
            (KeyKind::List, Val::List(items)) => {
                let vals: Vec<String> = items.iter().map(|i| i.0.clone()).collect();
                match key {
                    Key::Origins => spec.origins = Some(vals),
                    Key::DevOrigins => spec.dev_origins = vals,
                    Key::Methods => spec.methods = Some(vals),
                    Key::Headers => spec.headers = vals,
                    Key::Expose => spec.expose = vals,
                    _ => panic!("{k} is a list this parser does not know"),
                }
                sources.push((key, items.into_iter().map(|i| i.1).collect()));
            }
            (KeyKind::Value, Val::Scalar(value, source)) => {
                match key {
                    Key::MaxAge => spec.max_age = Some(value.parse().expect("integer")),
                    Key::OriginsFromStore => spec.origins_from_store = Some(value),
                    _ => panic!("{k} is a value this parser does not know"),
                }
                scalars.push((key, source));
            }
            (KeyKind::Flag, Val::Flag) => {
                let flag = match key {
                    Key::Credentials => &mut spec.credentials,
                    Key::AllowInsecureOrigins => &mut spec.allow_insecure_origins,
                    Key::AllowPublicSuffixWildcards => &mut spec.allow_public_suffix_wildcards,
                    Key::AllowLoopbackOrigins => &mut spec.allow_loopback_origins,
                    Key::AcceptCrossOriginWrites => &mut spec.accept_cross_origin_writes,
                    _ => panic!("{k} is a flag this parser does not know"),
                };
                if *flag {
                    return None; // duplicate key
                }
                *flag = true;
            }
            (kind, v) => panic!("{k} is written as a {kind:?}, found {v:?}"),
        }
    }
    Some(Case { spec, sources, scalars, name })
}

/// The source text a field stands for, as the macro would underline it.
fn source_of(case: &Case, field: Field) -> String {
    match field {
        Field::Policy => case.name.into(),
        // A key: its value when it has one (`max_age = 86401`), else the key itself (a flag,
        // or a list as a whole such as `dev_origins`).
        Field::Key(k) => {
            case.scalars.iter().find(|(key, _)| *key == k).map_or_else(|| k.name().into(), |s| s.1.clone())
        }
        Field::Item(k, i) => case.sources.iter().find(|(key, _)| *key == k).map(|s| s.1[i].clone()).expect("item"),
    }
}

/// `#[cors(NAME, ...)]` → `NAME` and the arguments beside it, or `None` for `#[cors(...)]`.
fn shared_name(attr: &str) -> Option<(String, Vec<(String, Val)>)> {
    let mut args = parse_attr(attr);
    match args.first() {
        Some((name, Val::Flag)) if Key::from_name(name).is_none() => {
            let name = name.clone();
            args.remove(0);
            Some((name, args))
        }
        _ => None,
    }
}

/// What an entry asks of `cors-policy`: every violation, with the source text it points at.
enum Outcome {
    Checked(Vec<(String, Violation)>),
    /// Only the macro can decide this entry.
    MacroOnly,
}

fn check(c: &Value) -> Outcome {
    let id = c["id"].as_str().expect("id");
    let attr = c["attribute"].as_str().expect("attribute");
    let Some(route) = route_methods(c["route"].as_str().expect("route")) else {
        return Outcome::MacroOnly; // no route attribute
    };
    let Some(policy) = c.get("policy") else {
        let Some(case) = build(parse_attr(attr), Some(route), "cors") else { return Outcome::MacroOnly };
        let found = validate(&case.spec).err().into_iter().flatten();
        return Outcome::Checked(found.map(|v| (source_of(&case, v.field), v)).collect());
    };
    // A shared policy: `policy!(...)` is checked as a policy with no route, and the `methods`
    // beside its name in `#[cors(NAME, methods = [...])]` against the route.
    if UI_ONLY.iter().any(|(skip, _)| *skip == id) {
        return Outcome::MacroOnly;
    }
    let policy = policy.as_str().expect("policy text");
    let Some(shared) = build(parse_policy(policy), None, "policy") else { return Outcome::MacroOnly };
    let (_, beside) = shared_name(attr).unwrap_or_else(|| panic!("{id}: `{attr}` does not name a shared policy"));
    if beside.iter().any(|(k, _)| k != Key::Methods.name()) {
        return Outcome::MacroOnly;
    }
    let route_case = build(beside, Some(route.clone()), "cors").expect("methods only");
    let mut found: Vec<(String, Violation)> = Vec::new();
    if let Err(v) = validate(&shared.spec) {
        found.extend(v.into_iter().map(|v| (source_of(&shared, v.field), v)));
    }
    if let Err(v) = validate_route_methods(route_case.spec.methods.as_deref(), &route) {
        found.extend(v.into_iter().map(|v| (source_of(&route_case, v.field), v)));
    }
    Outcome::Checked(found)
}

/// Lower case from the first word (an acronym such as `IPv6` is fine), no trailing period, and
/// a fix.
fn assert_well_formed(id: &str, v: &Violation) {
    let mut first = v.message.chars();
    let capitalised = first.next().is_some_and(char::is_uppercase) && first.next().is_some_and(char::is_lowercase);
    assert!(!v.message.is_empty() && !v.fix.is_empty(), "{id}: {v:?}");
    assert!(!capitalised, "{id}: messages start in lower case: {}", v.message);
    assert!(!v.message.ends_with('.'), "{id}: messages have no trailing period: {}", v.message);
}

#[test]
fn every_valid_policy_validates() {
    let mut checked = 0;
    for c in entries(&VALID, "valid") {
        let id = c["id"].as_str().unwrap();
        match check(&c) {
            Outcome::Checked(found) if found.is_empty() => checked += 1,
            Outcome::Checked(found) => {
                let all: Vec<String> = found.iter().map(|(at, v)| format!("{at}: {v}")).collect();
                panic!("{id} was rejected:\n  {}", all.join("\n  "));
            }
            Outcome::MacroOnly => panic!("{id}: a valid entry must be one this parser reads"),
        }
    }
    // 13 in the first file, 5 in `v2/`.
    assert!(checked >= 18, "only {checked} cases were checked");
}

#[test]
fn every_invalid_policy_is_rejected_at_its_token() {
    let mut checked = 0;
    for c in entries(&INVALID, "invalid") {
        let id = c["id"].as_str().unwrap();
        let Outcome::Checked(found) = check(&c) else { continue };
        assert!(!found.is_empty(), "{id} was accepted");
        let span = c["span"].as_str().unwrap();
        let all: Vec<String> = found.iter().map(|(at, v)| format!("{at}: {v}")).collect();
        assert!(
            found.iter().any(|(at, _)| at == span),
            "{id}: expected a violation at {span}, got\n  {}",
            all.join("\n  ")
        );
        for (_, v) in &found {
            assert_well_formed(id, v);
        }
        checked += 1;
    }
    // 56 of the first file's 59 (an unknown key, a duplicated key and a missing route attribute
    // are the macro's), and 15 of the 17 in `v2/` (see `UI_ONLY`).
    assert!(checked >= 71, "only {checked} cases were checked");
}

/// The entries skipped as the UI suite's are still in the files, so that a renamed entry is not
/// silently skipped under its old id, and they are valid as far as `cors-policy` can tell.
#[test]
fn ui_only_entries_exist() {
    let all = entries(&INVALID, "invalid");
    for (id, why) in UI_ONLY {
        let c = all.iter().find(|c| c["id"] == id).unwrap_or_else(|| panic!("{id} ({why}) is not in the files"));
        let policy = c["policy"].as_str().unwrap_or_else(|| panic!("{id} is not a shared-policy entry"));
        let shared = build(parse_policy(policy), None, "policy").expect("a policy this parser reads");
        if let Err(v) = validate(&shared.spec) {
            panic!("{id}: the shared policy itself is invalid, so it is not only about {why}: {v}");
        }
    }
}
