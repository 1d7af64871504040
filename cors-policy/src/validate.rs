//! [`validate`]: every rule of the policy contract, in one place.

use crate::header::{check_exposed_header, check_request_header};
use crate::method::{check_method, is_forbidden};
use crate::origin::parse_pattern;
use crate::{
    Field, HeaderList, Key, MAX_AGE_LIMIT, OriginList, OriginPattern, PolicySpec, Rule, ValidPolicy, Violation,
    Violations,
};

/// Checks `spec` against every rule and returns the normalised policy, or **all** violations.
///
/// It never stops at the first problem: each list entry is checked on its own, and the
/// policy-wide rules (credentials, duplicates, escape hatches) run over whatever parsed.
pub fn validate(spec: &PolicySpec) -> Result<ValidPolicy, Violations> {
    let mut out = Out(Vec::new());
    let origins = origins(spec, &mut out);
    let dev_origins = dev_origins(spec, &origins, &mut out);
    let methods = methods(spec, &mut out);
    let headers = header_list(Key::Headers, &spec.headers, spec.credentials, check_request_header, &mut out);
    let expose = header_list(Key::Expose, &spec.expose, spec.credentials, check_exposed_header, &mut out);
    let max_age = match spec.max_age {
        Some(n @ 0..=MAX_AGE_LIMIT) => Some(n as u32),
        Some(n) => {
            out.push(
                Field::Key(Key::MaxAge),
                Rule::MaxAgeRange,
                format!("`max_age = {n}` is outside 0..={MAX_AGE_LIMIT}"),
                "use a number of seconds from 0 to 86400 (one day); browsers cap it lower anyway".into(),
            );
            None
        }
        None => None,
    };
    if out.0.is_empty() {
        Ok(ValidPolicy { origins, dev_origins, methods, headers, expose, credentials: spec.credentials, max_age })
    } else {
        Err(Violations(out.0))
    }
}

struct Out(Vec<Violation>);

impl Out {
    fn push(&mut self, field: Field, rule: Rule, message: String, fix: String) {
        self.0.push(Violation::new(field, rule, message, fix));
    }
}

fn origins(spec: &PolicySpec, out: &mut Out) -> OriginList {
    let mut list = OriginList::default();
    let Some(entries) = &spec.origins else {
        out.push(
            Field::Policy,
            Rule::OriginsRequired,
            "`origins` is required: there is no default set of allowed origins".into(),
            "add `origins = [\"https://app.example.com\"]` with the origins of your pages".into(),
        );
        return list;
    };
    if entries.is_empty() {
        out.push(
            Field::Key(Key::Origins),
            Rule::OriginsRequired,
            "`origins` is empty: list at least one origin".into(),
            "add the origins of your pages, such as `\"https://app.example.com\"`".into(),
        );
    }
    let mut insecure_used = false;
    let mut psl_used = false;
    // A malformed entry that may need an escape hatch once fixed keeps the hatch from being
    // reported as unneeded: the two fixes would contradict each other.
    let (mut maybe_insecure, mut maybe_psl) = (false, false);
    let mut parsed: Vec<(usize, OriginPattern)> = Vec::new();
    for (i, s) in entries.iter().enumerate() {
        let at = Field::Item(Key::Origins, i);
        if s == "*" {
            if list.any {
                out.push(at, Rule::DuplicateOrigin, "`\"*\"` is listed twice".into(), "remove this one".into());
                continue;
            }
            list.any = true;
            if spec.credentials {
                out.push(
                    at,
                    Rule::AnyOriginWithCredentials,
                    "`credentials` cannot be combined with the wildcard origin `\"*\"`: browsers reject \
                     `Access-Control-Allow-Origin: *` on credentialed requests"
                        .into(),
                    "list the allowed origins explicitly, e.g. `origins = [\"https://app.example.com\"]`, or drop \
                     `credentials`"
                        .into(),
                );
            }
            if entries.len() > 1 {
                out.push(
                    at,
                    Rule::AnyOriginNotAlone,
                    "`\"*\"` must stand alone: it already allows every origin".into(),
                    "remove the other origins, or remove `\"*\"` to allow only the listed ones".into(),
                );
            }
            continue;
        }
        let p = match parse_pattern(s, false) {
            Ok(p) => p,
            Err(e) => {
                out.push(at, e.rule, e.message, e.fix);
                maybe_insecure |= s.to_ascii_lowercase().starts_with("http://");
                maybe_psl |= spec.credentials && s.contains("://*");
                continue;
            }
        };
        if p.scheme == "http" {
            if p.is_loopback() {
                out.push(
                    at,
                    Rule::LoopbackInOrigins,
                    format!("`{s}` is a loopback `http` origin, which must not ship in release builds"),
                    format!("move it to `dev_origins = [\"{s}\"]`, which only debug builds serve"),
                );
                continue;
            } else if spec.allow_insecure_origins {
                insecure_used = true;
            } else {
                let https = crate::origin::suggest(&format!("https://{}", &s["http://".len()..]), false);
                let https = https.map(|h| format!("did you mean `{h}`? ")).unwrap_or_default();
                out.push(
                    at,
                    Rule::InsecureOrigin,
                    format!(
                        "`{s}` is not a secure origin: anyone on the network path can inject script into an \
                         `http` page and read this route's responses"
                    ),
                    format!("{https}If you must trust plain `http`, add `dangerously_allow_insecure_origins`"),
                );
            }
        }
        if p.subdomains && spec.credentials && is_public_suffix(&p.host) {
            if spec.allow_public_suffix_wildcards {
                psl_used = true;
            } else {
                out.push(
                    at,
                    Rule::PublicSuffixWildcard,
                    format!(
                        "`{s}` allows every site under the public suffix `{}`, which anyone can register, \
                         to make credentialed requests",
                        p.host
                    ),
                    format!(
                        "list your own sites under it, e.g. `{}://myapp.{}`, or add \
                         `dangerously_allow_public_suffix_wildcards` if you really trust all of them",
                        p.scheme, p.host
                    ),
                );
            }
        }
        parsed.push((i, p));
    }
    overlaps(Key::Origins, entries, &parsed, &[], out);
    if spec.allow_insecure_origins && !insecure_used && !maybe_insecure {
        out.push(
            Field::Key(Key::AllowInsecureOrigins),
            Rule::UnneededEscapeHatch,
            "`dangerously_allow_insecure_origins` is not needed: no entry of `origins` uses `http`".into(),
            "remove it, so that it cannot silently cover an `http` origin added later".into(),
        );
    }
    if spec.allow_public_suffix_wildcards && !psl_used && !maybe_psl {
        out.push(
            Field::Key(Key::AllowPublicSuffixWildcards),
            Rule::UnneededEscapeHatch,
            "`dangerously_allow_public_suffix_wildcards` is not needed: no credentialed `*.` entry covers a \
             public suffix"
                .into(),
            "remove it, so that it cannot silently cover a public-suffix wildcard added later".into(),
        );
    }
    list.patterns = parsed.into_iter().map(|(_, p)| p).collect();
    list
}

fn dev_origins(spec: &PolicySpec, origins: &OriginList, out: &mut Out) -> OriginList {
    let mut parsed: Vec<(usize, OriginPattern)> = Vec::new();
    for (i, s) in spec.dev_origins.iter().enumerate() {
        let at = Field::Item(Key::DevOrigins, i);
        if s == "*" {
            out.push(
                at,
                Rule::AnyOriginInDevOrigins,
                "`\"*\"` is not a development origin: `dev_origins` holds loopback origins only".into(),
                "list the loopback origin of your dev server, such as `\"http://localhost:*\"`".into(),
            );
            continue;
        }
        match parse_pattern(s, true) {
            Ok(p) if (p.scheme == "http" || p.scheme == "https") && p.is_loopback() => parsed.push((i, p)),
            Ok(_) => out.push(
                at,
                Rule::DevOriginNotLoopback,
                format!("`{s}` is not a loopback origin: `dev_origins` only holds `http(s)` origins on `localhost`, `*.localhost`, `127.0.0.0/8` or `[::1]`"),
                "move it to `origins` (over `https`), or use a loopback origin such as `\"http://localhost:*\"`".into(),
            ),
            Err(e) => out.push(at, e.rule, e.message, e.fix),
        }
    }
    overlaps(Key::DevOrigins, &spec.dev_origins, &parsed, &origins.patterns, out);
    OriginList { any: false, patterns: parsed.into_iter().map(|(_, p)| p).collect() }
}

/// Duplicates and entries already covered by a wildcard, in the list itself or in `outer`.
fn overlaps(key: Key, entries: &[String], parsed: &[(usize, OriginPattern)], outer: &[OriginPattern], out: &mut Out) {
    for (n, (i, p)) in parsed.iter().enumerate() {
        let at = Field::Item(key, *i);
        if parsed[..n].iter().any(|(_, q)| q == p) || outer.contains(p) {
            out.push(at, Rule::DuplicateOrigin, format!("`{}` is listed twice", entries[*i]), "remove this one".into());
            continue;
        }
        let inner = parsed.iter().filter(|(j, _)| j != i).map(|(j, q)| (entries[*j].as_str(), q));
        let outer = outer.iter().map(|q| ("", q));
        if let Some((by, q)) = inner.chain(outer).find(|(_, q)| p.covered_by(q)) {
            let by = if by.is_empty() { q.key() } else { by.to_string() };
            out.push(
                at,
                Rule::RedundantOrigin,
                format!("`{}` is already allowed by `{by}`", entries[*i]),
                "remove this entry".into(),
            );
        }
    }
}

/// Whether `*.host` admits names that anyone can register: `host` is itself a public suffix
/// (`com`, `github.io`), or a wildcard rule of the list makes every `x.host` one (`*.ck`).
fn is_public_suffix(host: &str) -> bool {
    let h = host.strip_suffix('.').unwrap_or(host);
    let whole =
        |name: &str| psl::suffix(name.as_bytes()).is_some_and(|s| s.is_known() && s.as_bytes() == name.as_bytes());
    whole(h) || whole(&format!("label-probe.{h}"))
}

fn methods(spec: &PolicySpec, out: &mut Out) -> Vec<String> {
    let route = spec.route_methods.as_deref();
    let served = |m: &str| route.is_none_or(|r| r.iter().any(|x| x == m));
    let Some(list) = &spec.methods else {
        return match route {
            Some(r) => {
                let m: Vec<String> = r.iter().filter(|m| !is_forbidden(m)).cloned().collect();
                if m.is_empty() {
                    out.push(
                        Field::Policy,
                        Rule::NoCorsMethods,
                        "this route only serves methods that browsers never send cross-origin".into(),
                        "remove `#[cors]` from it".into(),
                    );
                }
                m
            }
            None => {
                out.push(
                    Field::Key(Key::Methods),
                    Rule::MethodsRequired,
                    "`methods` is required for a policy built at run time".into(),
                    "list the methods that preflights may ask for, such as `[\"PUT\", \"DELETE\"]`".into(),
                );
                Vec::new()
            }
        };
    };
    if list.is_empty() {
        out.push(
            Field::Key(Key::Methods),
            Rule::MethodsRequired,
            "`methods` is empty".into(),
            "list at least one method, or leave `methods` out to use the route's own".into(),
        );
    }
    let mut norm: Vec<String> = Vec::with_capacity(list.len());
    for (i, m) in list.iter().enumerate() {
        let at = Field::Item(Key::Methods, i);
        match check_method(m) {
            Err((rule, msg, fix)) => out.push(at, rule, msg, fix),
            Ok(n) if norm.contains(&n) => {
                out.push(at, Rule::DuplicateMethod, format!("method `{n}` is listed twice"), "remove this one".into())
            }
            Ok(n) if !served(&n) => {
                let r = route.unwrap_or_default().iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ");
                out.push(
                    at,
                    Rule::MethodNotServed,
                    format!("method `{n}` is not served by this route, which serves {r}"),
                    "remove it from `methods`, or add it to the route attribute".into(),
                );
                norm.push(n);
            }
            Ok(n) => norm.push(n),
        }
    }
    norm
}

type HeaderCheck = fn(&str) -> Result<String, (Rule, String, String)>;

fn header_list(key: Key, entries: &[String], credentials: bool, check: HeaderCheck, out: &mut Out) -> HeaderList {
    let mut list = HeaderList::default();
    for (i, h) in entries.iter().enumerate() {
        let at = Field::Item(key, i);
        if h == "*" {
            if list.any {
                out.push(at, Rule::DuplicateHeader, "`\"*\"` is listed twice".into(), "remove this one".into());
            }
            list.any = true;
            if credentials {
                let fix = match key {
                    Key::Headers => "list the request headers by name, such as `headers = [\"content-type\"]`",
                    _ => "list the response headers by name, such as `expose = [\"x-total-count\"]`",
                };
                out.push(
                    at,
                    Rule::StarWithCredentials,
                    format!(
                        "`{key} = [\"*\"]` cannot be combined with `credentials`: on credentialed requests \
                         browsers read `*` as a header literally named `*`"
                    ),
                    fix.into(),
                );
            }
            continue;
        }
        match check(h) {
            Err((rule, msg, fix)) => out.push(at, rule, msg, fix),
            Ok(n) if list.names.contains(&n) => out.push(
                at,
                Rule::DuplicateHeader,
                format!("header `{n}` is listed twice (header names are case-insensitive)"),
                "remove this one".into(),
            ),
            Ok(n) => list.names.push(n),
        }
    }
    list
}
