//! `origins`, `origins_from_store`, `dev_origins` and the escape hatches that widen them.

use super::Out;
use crate::origin::{EntryList, parse_pattern, suggest};
use crate::{AllowedOrigins, Field, Key, OriginPattern, PolicySpec, Rule};

/// Which escape hatches the entries used, or might need once a malformed entry is fixed (a
/// hatch is then not reported as unneeded: the two fixes would contradict each other).
#[derive(Default)]
struct Hatches {
    insecure: bool,
    public_suffix: bool,
    loopback: bool,
}

pub(super) fn origins(spec: &PolicySpec, out: &mut Out) -> AllowedOrigins {
    match (&spec.origins, &spec.origins_from_store) {
        (None, None) => {
            out.push(
                Field::Policy,
                Rule::OriginsRequired,
                "`origins` is required: there is no default set of allowed origins".into(),
                "add `origins = [\"https://app.example.com\"]` with the origins of your pages".into(),
            );
            AllowedOrigins::List(Vec::new())
        }
        (Some(entries), Some(_)) => {
            out.push(
                Field::Key(Key::OriginsFromStore),
                Rule::OriginsAndStore,
                "`origins_from_store` and `origins` cannot be combined: the store's entries are the origins".into(),
                "keep one of them; register fixed origins with each tenant in the store".into(),
            );
            // The entries are still checked: their problems are independent of this one.
            listed(entries, spec, out);
            AllowedOrigins::List(Vec::new())
        }
        (None, Some(name)) => store(name, spec, out),
        (Some(entries), None) => listed(entries, spec, out),
    }
}

fn store(name: &str, spec: &PolicySpec, out: &mut Out) -> AllowedOrigins {
    let valid = !name.is_empty()
        && name.len() <= 64
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_'));
    if !valid {
        out.push(
            Field::Key(Key::OriginsFromStore),
            Rule::InvalidStoreName,
            format!("`{name}` is not a store name: a name is 1 to 64 lower-case letters, digits, `-` and `_`"),
            "name the store for what it holds, such as `origins_from_store = \"tenants\"`".into(),
        );
    }
    // Stored entries are checked one by one with no escape hatch: none can be needed here.
    for (key, on) in [
        (Key::AllowInsecureOrigins, spec.allow_insecure_origins),
        (Key::AllowPublicSuffixWildcards, spec.allow_public_suffix_wildcards),
        (Key::AllowLoopbackOrigins, spec.allow_loopback_origins),
    ] {
        if on {
            out.hatch_not_needed(key, "entries of a store are checked without escape hatches");
        }
    }
    AllowedOrigins::Store(name.to_owned())
}

fn listed(entries: &[String], spec: &PolicySpec, out: &mut Out) -> AllowedOrigins {
    if entries.is_empty() {
        out.push(
            Field::Key(Key::Origins),
            Rule::OriginsRequired,
            "`origins` is empty: list at least one origin".into(),
            "add the origins of your pages, such as `\"https://app.example.com\"`".into(),
        );
    }
    let mut any = false;
    let (mut used, mut maybe) = (Hatches::default(), Hatches::default());
    let mut parsed: Vec<(usize, OriginPattern)> = Vec::new();
    for (i, s) in entries.iter().enumerate() {
        let at = Field::Item(Key::Origins, i);
        if s == "*" {
            any_origin(at, any, entries.len(), spec.credentials, out);
            any = true;
            continue;
        }
        let p = match parse_pattern(s, EntryList::Origins) {
            Ok(p) => p,
            Err(e) => {
                out.push(at, e.rule, e.message, e.fix);
                let lower = s.to_ascii_lowercase();
                maybe.insecure |= lower.starts_with("http://");
                maybe.public_suffix |= spec.credentials && s.contains("://*");
                maybe.loopback |= lower.contains("localhost") || lower.contains("://127.") || lower.contains("[::1]");
                continue;
            }
        };
        if entry_rules(at, s, &p, spec, &mut used, out) {
            parsed.push((i, p));
        }
    }
    overlaps(Key::Origins, entries, &parsed, &[], out);
    let unneeded = [
        (
            spec.allow_insecure_origins && !used.insecure && !maybe.insecure,
            Key::AllowInsecureOrigins,
            "no entry of `origins` uses `http`",
        ),
        (
            spec.allow_public_suffix_wildcards && !used.public_suffix && !maybe.public_suffix,
            Key::AllowPublicSuffixWildcards,
            "no credentialed `*.` entry covers a public suffix",
        ),
        (
            spec.allow_loopback_origins && !used.loopback && !maybe.loopback,
            Key::AllowLoopbackOrigins,
            "no entry of `origins` has a loopback host",
        ),
    ];
    for (unneeded, key, why) in unneeded {
        if unneeded {
            out.hatch_not_needed(key, why);
        }
    }
    if any { AllowedOrigins::Any } else { AllowedOrigins::List(parsed.into_iter().map(|(_, p)| p).collect()) }
}

fn any_origin(at: Field, seen: bool, len: usize, credentials: bool, out: &mut Out) {
    if seen {
        out.push(at, Rule::DuplicateOrigin, "`\"*\"` is listed twice".into(), "remove this one".into());
        return;
    }
    if credentials {
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
    if len > 1 {
        out.push(
            at,
            Rule::AnyOriginNotAlone,
            "`\"*\"` must stand alone: it already allows every origin".into(),
            "remove the other origins, or remove `\"*\"` to allow only the listed ones".into(),
        );
    }
}

/// The rules about what a well-formed entry of `origins` admits. Returns whether to keep it.
fn entry_rules(at: Field, s: &str, p: &OriginPattern, spec: &PolicySpec, used: &mut Hatches, out: &mut Out) -> bool {
    if p.is_web() && p.is_loopback() {
        if !spec.allow_loopback_origins {
            out.push(
                at,
                Rule::LoopbackInOrigins,
                format!(
                    "`{s}` is a loopback origin: in `origins` it ships in release builds, where any program on the \
                     user's machine could serve it"
                ),
                format!(
                    "move it to `dev_origins = [\"{s}\"]`, which only debug builds serve; an app that really serves \
                     it in production (a desktop web view) adds `dangerously_allow_loopback_origins`"
                ),
            );
            return false;
        }
        // The hatch covers the `http` of a loopback origin too.
        used.loopback = true;
    } else if p.scheme == "http" {
        if spec.allow_insecure_origins {
            used.insecure = true;
        } else {
            let https = suggest(&format!("https://{}", &s["http://".len()..]), EntryList::Origins);
            let https = https.map(|h| format!("did you mean `{h}`? ")).unwrap_or_default();
            out.push(
                at,
                Rule::InsecureOrigin,
                format!(
                    "`{s}` is not a secure origin: anyone on the network path can inject script into an `http` page \
                     and read this route's responses"
                ),
                format!("{https}If you must trust plain `http`, add `dangerously_allow_insecure_origins`"),
            );
        }
    }
    if p.subdomains && spec.credentials && p.admits_public_suffix() {
        if spec.allow_public_suffix_wildcards {
            used.public_suffix = true;
        } else {
            out.push(
                at,
                Rule::PublicSuffixWildcard,
                format!(
                    "`{s}` lets credentialed requests come from sites that anyone can register: `{}` is a public \
                     suffix, or has public suffixes below it",
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
    true
}

pub(super) fn dev_origins(spec: &PolicySpec, origins: &AllowedOrigins, out: &mut Out) -> Vec<OriginPattern> {
    if *origins == AllowedOrigins::Any && !spec.dev_origins.is_empty() {
        out.push(
            Field::Key(Key::DevOrigins),
            Rule::DevOriginsWithAnyOrigin,
            "`dev_origins` has no effect with `origins = [\"*\"]`, which already allows every origin".into(),
            "remove `dev_origins`, or list the production origins instead of `\"*\"`".into(),
        );
        return Vec::new();
    }
    let mut parsed: Vec<(usize, OriginPattern)> = Vec::new();
    for (i, s) in spec.dev_origins.iter().enumerate() {
        let at = Field::Item(Key::DevOrigins, i);
        if s == "*" {
            out.push(
                at,
                Rule::AnyOriginInDevOrigins,
                "`\"*\"` is not a development origin: `dev_origins` holds local origins only".into(),
                "list the origin of your dev server, such as `\"http://localhost:*\"`".into(),
            );
            continue;
        }
        match parse_pattern(s, EntryList::Dev) {
            Ok(p) if p.is_web() && (p.is_loopback() || p.is_local_network()) => parsed.push((i, p)),
            Ok(_) => out.push(
                at,
                Rule::DevOriginNotLocal,
                format!(
                    "`{s}` is not a local origin: `dev_origins` holds `http(s)` origins on loopback (`localhost`, \
                     `127.0.0.0/8`, `[::1]`), private-network addresses or `.local` names"
                ),
                "list a public site in `origins` over `https`, or use a local origin such as `\"http://localhost:*\"` \
                 or `\"http://192.168.1.20:5173\"`"
                    .into(),
            ),
            Err(e) => out.push(at, e.rule, e.message, e.fix),
        }
    }
    let outer = match origins {
        AllowedOrigins::List(list) => list.as_slice(),
        _ => &[],
    };
    overlaps(Key::DevOrigins, &spec.dev_origins, &parsed, outer, out);
    parsed.into_iter().map(|(_, p)| p).collect()
}

/// `dangerously_accept_cross_origin_writes` only means something when origins are listed.
pub(super) fn writes_hatch(spec: &PolicySpec, origins: &AllowedOrigins, out: &mut Out) {
    if spec.accept_cross_origin_writes && *origins == AllowedOrigins::Any {
        out.hatch_not_needed(
            Key::AcceptCrossOriginWrites,
            "a `\"*\"` policy has no cross-origin write check, since every origin is allowed",
        );
    }
}

/// Duplicates and entries already covered by a wildcard, in the list itself or in `outer`.
fn overlaps(key: Key, entries: &[String], parsed: &[(usize, OriginPattern)], outer: &[OriginPattern], out: &mut Out) {
    for (n, (i, p)) in parsed.iter().enumerate() {
        let at = Field::Item(key, *i);
        if parsed[..n].iter().any(|(_, q)| q == p) || outer.contains(p) {
            out.push(at, Rule::DuplicateOrigin, format!("`{}` is listed twice", entries[*i]), "remove this one".into());
            continue;
        }
        let inner = parsed.iter().filter(|(j, _)| j != i).map(|(j, q)| (entries[*j].clone(), q));
        let outer = outer.iter().map(|q| (q.key(), q));
        if let Some((by, _)) = inner.chain(outer).find(|(_, q)| p.covered_by(q)) {
            out.push(
                at,
                Rule::RedundantOrigin,
                format!("`{}` is already allowed by `{by}`", entries[*i]),
                "remove this entry".into(),
            );
        }
    }
}
