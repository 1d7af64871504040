//! [`validate`]: every rule of the policy contract, in one place.
//!
//! The attribute macro calls it at compile time, the run-time builder at start-up and the
//! tenant store on every write and load, so that a rule cannot differ between them.

mod headers;
mod methods;
mod origins;

use crate::{
    AllowedOrigins, Field, Key, MAX_AGE_LIMIT, OriginPattern, PolicySpec, Rule, ValidPolicy, Violation, Violations,
};

pub use methods::validate_route_methods;

/// Checks `spec` against every rule and returns the normalised policy, or **all** violations.
///
/// It never stops at the first problem: each list entry is checked on its own, and the
/// policy-wide rules (credentials, duplicates, escape hatches) run over whatever parsed.
pub fn validate(spec: &PolicySpec) -> Result<ValidPolicy, Violations> {
    let mut out = Out::default();
    let origins = origins::origins(spec, &mut out);
    let dev_origins = origins::dev_origins(spec, &origins, &mut out);
    origins::writes_hatch(spec, &origins, &mut out);
    let methods = methods::methods(spec, &mut out);
    let headers = headers::header_list(Key::Headers, &spec.headers, spec.credentials, &mut out);
    let expose = headers::header_list(Key::Expose, &spec.expose, spec.credentials, &mut out);
    let max_age = max_age(spec.max_age, &mut out);
    let write_check = origins != AllowedOrigins::Any && !spec.accept_cross_origin_writes;
    match Violations::from_vec(out.0) {
        Some(v) => Err(v),
        None => Ok(ValidPolicy {
            origins,
            dev_origins,
            methods,
            headers,
            expose,
            credentials: spec.credentials,
            max_age,
            write_check,
        }),
    }
}

/// Checks one origin read from, or written to, a tenant store: the rules of `origins` for a
/// policy with these `credentials` and no escape hatch.
///
/// ```
/// use cors_policy::{Rule, validate_stored_origin};
///
/// assert!(validate_stored_origin("https://app.acme.example", true).is_ok());
/// let bad = validate_stored_origin("http://app.acme.example", true).unwrap_err();
/// assert_eq!(bad.first().rule, Rule::InsecureOrigin);
/// // A stored entry has no escape hatch, and its fix does not offer one.
/// assert!(!bad.first().fix.contains("dangerously"));
/// ```
pub fn validate_stored_origin(entry: &str, credentials: bool) -> Result<OriginPattern, Violations> {
    let spec = PolicySpec { origins: Some(vec![entry.to_owned()]), credentials, ..PolicySpec::default() };
    let mut out = Out::default();
    let origins = origins::origins(&spec, &mut out);
    if entry == "*" {
        out.push(
            Field::Item(Key::Origins, 0),
            Rule::AnyOriginNotAlone,
            "`\"*\"` cannot be a tenant's origin: it would allow every origin".into(),
            "store the tenant's own origins, such as `https://app.tenant.example`".into(),
        );
    }
    for v in &mut out.0 {
        if let Some(fix) = stored_fix(v.rule, entry) {
            v.fix = fix;
        }
    }
    match (Violations::from_vec(out.0), origins) {
        (Some(v), _) => Err(v),
        (None, AllowedOrigins::List(mut list)) if list.len() == 1 => Ok(list.remove(0)),
        (None, other) => unreachable!("one valid entry makes a list of one, not {other:?}"),
    }
}

/// The fix for a stored entry, where a policy's fix would name an escape hatch: a tenant's
/// entry never gets one, so that whoever can write the store cannot weaken the policy.
fn stored_fix(rule: Rule, entry: &str) -> Option<String> {
    let fix = match rule {
        Rule::InsecureOrigin => match entry.strip_prefix("http://") {
            Some(rest) => format!("store `https://{rest}`: a tenant's origin must be `https`"),
            None => "store the tenant's `https` origin".to_owned(),
        },
        Rule::LoopbackInOrigins => {
            "a tenant's origin cannot be on the user's own machine: store the tenant's public `https` origin, and \
             put local development origins in the policy's `dev_origins`"
                .to_owned()
        }
        Rule::PublicSuffixWildcard => {
            "store the tenant's own sites under it, such as `https://app.<suffix>`, one entry each".to_owned()
        }
        _ => return None,
    };
    Some(fix)
}

fn max_age(value: Option<i64>, out: &mut Out) -> Option<u32> {
    match value {
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
    }
}

/// The violations found so far.
#[derive(Default)]
struct Out(Vec<Violation>);

impl Out {
    fn push(&mut self, field: Field, rule: Rule, message: String, fix: String) {
        self.0.push(Violation::new(field, rule, message, fix));
    }

    fn hatch_not_needed(&mut self, key: Key, why: &str) {
        self.push(
            Field::Key(key),
            Rule::UnneededEscapeHatch,
            format!("`{key}` is not needed: {why}"),
            "remove it, so that it cannot silently cover an entry added later".into(),
        );
    }
}
