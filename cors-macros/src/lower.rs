//! From parsed arguments to the core's [`PolicySpec`], keeping a map back to the spans.

use cors_policy::{Field, Key, PolicySpec, ValidPolicy, Violation, validate};
use proc_macro2::Span;

use crate::args::{Args, Item, KeySpans, List};
use crate::diag::Errors;

/// Where each part of the policy was written.
pub struct SpanMap<'a> {
    args: &'a Args,
    keys: &'a KeySpans,
}

impl SpanMap<'_> {
    fn items(&self, key: Key) -> Option<&[Item]> {
        let list = match key {
            Key::Origins => self.args.origins.as_ref().map(|l| &l.0),
            Key::DevOrigins => self.args.dev_origins.as_ref().map(|l| &l.0),
            Key::Methods => self.args.methods.as_ref().map(|l| &l.0),
            Key::Headers => self.args.headers.as_ref().map(|l| &l.0),
            Key::Expose => self.args.expose.as_ref().map(|l| &l.0),
            _ => None,
        };
        list.map(|l| l.items.as_slice())
    }

    /// The smallest token a violation is about: the entry, the value, or the key.
    pub fn span(&self, field: Field) -> Span {
        match field {
            Field::Policy => Span::call_site(),
            Field::Key(k) => self.keys.get(k.name()).unwrap_or_else(Span::call_site),
            Field::Item(k, i) => {
                self.items(k).and_then(|items| items.get(i)).map_or_else(Span::call_site, |it| it.span)
            }
        }
    }
}

fn values(list: &Option<impl AsRef<List>>) -> Option<Vec<String>> {
    list.as_ref().map(|l| l.as_ref().items.iter().map(|i| i.value.clone()).collect())
}

impl AsRef<List> for crate::args::StrList {
    fn as_ref(&self) -> &List {
        &self.0
    }
}

impl AsRef<List> for crate::args::MethodList {
    fn as_ref(&self) -> &List {
        &self.0
    }
}

/// The attribute's policy, for a route serving `route_methods`.
pub fn spec(args: &Args, route_methods: Vec<String>) -> PolicySpec {
    PolicySpec {
        origins: values(&args.origins),
        dev_origins: values(&args.dev_origins).unwrap_or_default(),
        methods: values(&args.methods),
        route_methods: Some(route_methods),
        headers: values(&args.headers).unwrap_or_default(),
        expose: values(&args.expose).unwrap_or_default(),
        credentials: args.credentials.is_present(),
        max_age: args.max_age.as_ref().map(|m| m.value),
        allow_insecure_origins: args.dangerously_allow_insecure_origins.is_present(),
        allow_public_suffix_wildcards: args.dangerously_allow_public_suffix_wildcards.is_present(),
    }
}

/// The compile error for one violation: the message, then the fix on a `= help:` line, on
/// the violation's token (both tokens of a negative `max_age`).
fn error(v: &Violation, spans: &SpanMap<'_>) -> syn::Error {
    let msg = format!("{}\n= help: {}", v.message, v.fix);
    match (v.field, &spans.keys.max_age) {
        (Field::Key(Key::MaxAge), Some(tokens)) => syn::Error::new_spanned(tokens, msg),
        _ => syn::Error::new(spans.span(v.field), msg),
    }
}

/// Validates with the core's rules and turns every violation into a spanned error.
pub fn check(args: &Args, keys: &KeySpans, route_methods: Vec<String>, errors: &mut Errors) -> Option<ValidPolicy> {
    let spans = SpanMap { args, keys };
    match validate(&spec(args, route_methods)) {
        Ok(v) => Some(v),
        Err(violations) => {
            for v in violations.iter() {
                if keys.had_unknown && v.rule == cors_policy::Rule::OriginsRequired {
                    continue;
                }
                errors.push(error(v, &spans));
            }
            None
        }
    }
}
