//! From parsed arguments to the core's [`PolicySpec`], and from the core's violations back to
//! errors on the tokens they are about.

use cors_policy::{Field, Key, PolicySpec, ValidPolicy, Violation, Violations, validate};
use proc_macro2::Span;

use crate::args::{Args, Item, KeySpans, List};
use crate::diag::Errors;

/// The attribute's policy; `route_methods` when it belongs to one route.
pub fn spec(args: &Args, route_methods: Option<Vec<String>>) -> PolicySpec {
    let values = |l: &Option<_>| l.as_ref().map(|l: &crate::args::StrList| l.0.values());
    PolicySpec {
        origins: values(&args.origins),
        origins_from_store: args.origins_from_store.as_ref().map(|s| s.value.clone()),
        dev_origins: values(&args.dev_origins).unwrap_or_default(),
        methods: args.methods.as_ref().map(|l| l.0.values()),
        route_methods,
        headers: values(&args.headers).unwrap_or_default(),
        expose: values(&args.expose).unwrap_or_default(),
        credentials: args.credentials.is_on(),
        max_age: args.max_age.as_ref().map(|m| m.value),
        allow_insecure_origins: args.dangerously_allow_insecure_origins.is_on(),
        allow_public_suffix_wildcards: args.dangerously_allow_public_suffix_wildcards.is_on(),
        allow_loopback_origins: args.dangerously_allow_loopback_origins.is_on(),
        accept_cross_origin_writes: args.dangerously_accept_cross_origin_writes.is_on(),
    }
}

/// The list a list key was written with.
fn list(args: &Args, key: Key) -> Option<&List> {
    match key {
        Key::Origins => args.origins.as_ref().map(|l| &l.0),
        Key::DevOrigins => args.dev_origins.as_ref().map(|l| &l.0),
        Key::Methods => args.methods.as_ref().map(|l| &l.0),
        Key::Headers => args.headers.as_ref().map(|l| &l.0),
        Key::Expose => args.expose.as_ref().map(|l| &l.0),
        _ => None,
    }
}

/// The compile error for one violation, on the smallest token it is about: the entry, the
/// value, or the key (`call_site` for the policy as a whole: the attribute or macro name).
pub fn error(v: &Violation, args: &Args, keys: &KeySpans) -> syn::Error {
    let msg = format!("{}\n= help: {}", v.message, v.fix);
    match v.field {
        Field::Key(Key::MaxAge) if keys.max_age.is_some() => {
            syn::Error::new_spanned(keys.max_age.as_ref().expect("checked"), msg)
        }
        Field::Policy => syn::Error::new(Span::call_site(), msg),
        Field::Key(k) => syn::Error::new(keys.get(k.name()).unwrap_or_else(Span::call_site), msg),
        Field::Item(k, i) => {
            let span = list(args, k).and_then(|l| l.items.get(i)).map_or_else(Span::call_site, |it: &Item| it.span);
            syn::Error::new(span, msg)
        }
    }
}

/// Validates with the core's rules and turns every violation into a spanned error.
pub fn check(
    args: &Args,
    keys: &KeySpans,
    route_methods: Option<Vec<String>>,
    errors: &mut Errors,
) -> Option<ValidPolicy> {
    report(validate(&spec(args, route_methods)), args, keys, errors)
}

/// A violation that only restates an error already reported: `origins` missing after a
/// misspelt key (most likely that key), or a list left empty by entries that were not
/// literals.
fn is_follow_on(v: &Violation, args: &Args, keys: &KeySpans) -> bool {
    use cors_policy::Rule::{MethodsRequired, OriginsRequired};
    match (v.rule, v.field) {
        (OriginsRequired, Field::Policy) => keys.had_unknown,
        (OriginsRequired | MethodsRequired, Field::Key(k)) => list(args, k).is_some_and(|l| !l.errors.is_empty()),
        _ => false,
    }
}

/// Reports the violations of a result, if any.
pub fn report<T>(result: Result<T, Violations>, args: &Args, keys: &KeySpans, errors: &mut Errors) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(violations) => {
            for v in &violations {
                if is_follow_on(v, args, keys) {
                    continue;
                }
                errors.push(error(v, args, keys));
            }
            None
        }
    }
}
