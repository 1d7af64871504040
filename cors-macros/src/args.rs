//! Parsing `#[cors(...)]` and `policy!(...)`: syntax only, every value with its span.
//!
//! The keys are the fields of [`Args`]; darling derives their parsing, the unknown-key and
//! "did you mean" errors and the duplicate-key errors from it. The value types below give
//! each mistake of syntax its own message with the fix.

use darling::FromMeta;
use darling::ast::NestedMeta;
use proc_macro2::{Span, TokenStream, TokenTree};
use syn::spanned::Spanned;
use syn::{Expr, ExprArray, Lit, Meta, Path, UnOp};

use crate::diag::Errors;

/// One entry of a list, with the span of its token.
#[derive(Clone, Debug)]
pub struct Item {
    pub value: String,
    pub span: Span,
}

/// A list value: `key = ["a", "b"]`, or, for `methods`, identifiers too.
///
/// An entry that is not a literal is reported in `errors` rather than failing the whole
/// list, so that the entries that are literals are still checked in the same build.
#[derive(Clone, Debug)]
pub struct List {
    pub items: Vec<Item>,
    pub errors: Vec<syn::Error>,
}

impl List {
    pub fn values(&self) -> Vec<String> {
        self.items.iter().map(|i| i.value.clone()).collect()
    }
}

fn custom(msg: impl std::fmt::Display, at: &impl Spanned) -> darling::Error {
    darling::Error::custom(msg).with_span(at)
}

/// The expression inside the invisible groups that `macro_rules!` fragments (`$o:literal`,
/// `$o:expr`) arrive in.
fn ungroup(expr: &Expr) -> &Expr {
    match expr {
        Expr::Group(g) => ungroup(&g.expr),
        e => e,
    }
}

/// Where a literal was expected and something computed was written.
const LITERALS_ONLY: &str = "values are checked at compile time, so they must be literals, not constants or \
                             macro calls\n= help: to share a policy between routes, declare it once with \
                             `static API: Policy = policy!(...)` and write `#[cors(API)]`";

fn list(expr: &Expr, idents: bool) -> darling::Result<List> {
    let expr = ungroup(expr);
    let Expr::Array(ExprArray { elems, .. }) = expr else {
        let help = match expr {
            Expr::Lit(l) if matches!(l.lit, Lit::Str(_)) => {
                let l = &l.lit;
                format!("did you mean `[{}]`?", quote::quote!(#l))
            }
            Expr::Path(_) | Expr::Macro(_) | Expr::Call(_) => {
                return Err(custom(format!("expected a list in `[...]`: {LITERALS_ONLY}"), expr));
            }
            _ if idents => "write a list such as `[GET, \"PURGE\"]`".into(),
            _ => "write a list such as `[\"https://app.example.com\"]`".into(),
        };
        return Err(custom(format!("expected a list in `[...]`\n= help: {help}"), expr));
    };
    let mut errors = Vec::new();
    let mut items = Vec::new();
    let what = if idents { "a method such as `GET` or `\"PURGE\"`" } else { "a string literal" };
    for e in elems {
        match ungroup(e) {
            Expr::Lit(l) => match &l.lit {
                Lit::Str(s) => items.push(Item { value: s.value(), span: e.span() }),
                other => {
                    let help = if idents {
                        "write a method name, such as `GET` or `\"PURGE\"`"
                    } else {
                        "write the value in double quotes, such as `\"content-type\"`"
                    };
                    errors.push(syn::Error::new_spanned(other, format!("expected {what}\n= help: {help}")))
                }
            },
            Expr::Path(p) if idents && p.path.get_ident().is_some() => {
                let id = p.path.get_ident().expect("checked");
                items.push(Item { value: id.to_string(), span: id.span() });
            }
            // A lower-case word is a name written without its quotes; a constant is upper case.
            Expr::Path(p)
                if p.path.get_ident().is_some_and(|i| i.to_string().bytes().any(|b| b.is_ascii_lowercase())) =>
            {
                let word = p.path.get_ident().expect("checked").to_string().replace('_', "-");
                errors.push(syn::Error::new_spanned(p, format!("expected {what}\n= help: did you mean `\"{word}\"`?")))
            }
            other @ (Expr::Path(_) | Expr::Macro(_) | Expr::Call(_)) => {
                errors.push(syn::Error::new_spanned(other, format!("expected {what}: {LITERALS_ONLY}")))
            }
            other => errors.push(syn::Error::new_spanned(other, format!("expected {what}"))),
        }
    }
    Ok(List { items, errors })
}

/// A list of string literals.
#[derive(Clone, Debug)]
pub struct StrList(pub List);

impl FromMeta for StrList {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        list(expr, false).map(StrList)
    }
}

/// A list of methods: identifiers or string literals.
#[derive(Clone, Debug)]
pub struct MethodList(pub List);

impl FromMeta for MethodList {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        list(expr, true).map(MethodList)
    }
}

/// `max_age = N`, negative values included so that the range rule can point at them.
#[derive(Clone, Debug)]
pub struct MaxAge {
    pub value: i64,
}

impl FromMeta for MaxAge {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        let expr = ungroup(expr);
        let (neg, lit) = match expr {
            Expr::Unary(u) if matches!(u.op, UnOp::Neg(_)) => (true, ungroup(&u.expr)),
            e => (false, e),
        };
        let int = match lit {
            Expr::Lit(l) => match &l.lit {
                Lit::Int(i) => Some(i),
                Lit::Str(s) if s.value().trim().parse::<i64>().is_ok() => {
                    let n = s.value().trim().to_owned();
                    let msg =
                        format!("`max_age` takes an integer, not a string\n= help: did you mean `max_age = {n}`?");
                    return Err(custom(msg, expr));
                }
                _ => None,
            },
            Expr::Path(_) | Expr::Macro(_) | Expr::Call(_) | Expr::Binary(_) => {
                return Err(custom(format!("`max_age` takes an integer literal of seconds: {LITERALS_ONLY}"), expr));
            }
            _ => None,
        };
        let Some(i) = int else {
            return Err(custom(
                "`max_age` takes an integer literal of seconds\n= help: write it such as `max_age = 600`",
                expr,
            ));
        };
        // `-5` may arrive as one negative literal: parse it signed, saturating on overflow.
        let n = i.base10_parse::<i64>().unwrap_or(if i.base10_digits().starts_with('-') { i64::MIN } else { i64::MAX });
        Ok(MaxAge { value: if neg { n.saturating_neg() } else { n } })
    }
}

/// `origins_from_store = "name"`.
#[derive(Clone, Debug)]
pub struct StoreName {
    pub value: String,
}

impl FromMeta for StoreName {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        match ungroup(expr) {
            Expr::Lit(l) => match &l.lit {
                Lit::Str(s) => Ok(StoreName { value: s.value() }),
                other => Err(custom(
                    "`origins_from_store` takes the store's name in a string\n= help: write it such as \
                     `origins_from_store = \"tenants\"`",
                    other,
                )),
            },
            other => {
                Err(custom(format!("`origins_from_store` takes the store's name in a string: {LITERALS_ONLY}"), other))
            }
        }
    }
}

/// A key written alone to turn it on.
#[derive(Clone, Copy, Debug, Default)]
pub struct Switch(pub Option<Span>);

impl Switch {
    pub fn is_on(&self) -> bool {
        self.0.is_some()
    }
}

impl FromMeta for Switch {
    fn from_none() -> Option<Self> {
        Some(Switch(None))
    }

    fn from_meta(meta: &Meta) -> darling::Result<Self> {
        match meta {
            Meta::Path(p) => Ok(Switch(Some(p.span()))),
            other => {
                let name = other.path().get_ident().map(ToString::to_string).unwrap_or_default();
                Err(custom(
                    format!(
                        "`{name}` is a flag and takes no value\n= help: write `{name}` alone to turn it on, or leave it out"
                    ),
                    other,
                ))
            }
        }
    }
}

/// `crate = "path"`: where the runtime is, for crates that re-export it.
#[derive(Clone, Debug)]
pub struct CratePath(pub Path);

impl FromMeta for CratePath {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        const HELP: &str = "write it such as `crate = \"my_api::cors_runtime\"`";
        match ungroup(expr) {
            Expr::Lit(l) => match &l.lit {
                Lit::Str(s) => s.parse::<Path>().map(CratePath).map_err(|_| {
                    let fixed = s.value().trim().replace('-', "_");
                    let help = match syn::parse_str::<Path>(&fixed) {
                        Ok(_) => format!("did you mean `{fixed}`?"),
                        Err(_) => HELP.into(),
                    };
                    custom(format!("`crate` must be a Rust path\n= help: {help}"), s)
                }),
                other => Err(custom(format!("`crate` takes a path in a string\n= help: {HELP}"), other)),
            },
            Expr::Path(p) => {
                let path = &p.path;
                let text = quote::quote!(#path).to_string().replace(' ', "");
                Err(custom(
                    format!("`crate` takes a path in a string\n= help: did you mean `crate = \"{text}\"`?"),
                    expr,
                ))
            }
            other => Err(custom(format!("`crate` takes a path in a string\n= help: {HELP}"), other)),
        }
    }
}

/// The keys of `#[cors(...)]` and `policy!(...)`, parsed. The field names are the keys.
#[derive(Debug, Default, FromMeta)]
pub struct Args {
    pub origins: Option<StrList>,
    pub origins_from_store: Option<StoreName>,
    pub dev_origins: Option<StrList>,
    pub methods: Option<MethodList>,
    pub headers: Option<StrList>,
    pub expose: Option<StrList>,
    pub credentials: Switch,
    pub max_age: Option<MaxAge>,
    pub dangerously_allow_insecure_origins: Switch,
    pub dangerously_allow_public_suffix_wildcards: Switch,
    pub dangerously_allow_loopback_origins: Switch,
    pub dangerously_accept_cross_origin_writes: Switch,
    #[darling(rename = "crate")]
    pub krate: Option<CratePath>,
}

/// Where each key was written, for violations that point at a key.
#[derive(Debug, Default)]
pub struct KeySpans {
    pub spans: Vec<(String, Span)>,
    /// The tokens of `max_age`'s value as written: syn reads `-5` as one literal with the
    /// span of `-` alone, and the error should cover both tokens.
    pub max_age: Option<TokenStream>,
    /// A key was misspelt, misplaced or set aside for a malformed value: a missing key is then
    /// most likely that one, not a problem of its own.
    pub had_unknown: bool,
}

impl KeySpans {
    pub fn get(&self, key: &str) -> Option<Span> {
        self.spans.iter().find(|(k, _)| k == key).map(|(_, s)| *s)
    }
}

/// What `#[cors(...)]` says.
pub enum Attr {
    /// A policy written out.
    Inline(Box<Args>, KeySpans),
    /// A shared policy's name, and the methods the route narrows it to.
    Shared { name: Path, methods: Option<MethodList>, krate: Option<CratePath> },
}

fn name_of(path: &Path) -> String {
    path.get_ident().map(ToString::to_string).unwrap_or_else(|| quote::quote!(#path).to_string().replace(' ', ""))
}

/// Whether a word written alone first in `#[cors(...)]` names a shared policy, rather than a
/// (perhaps misspelt) flag.
fn is_policy_name(path: &Path) -> bool {
    let Some(ident) = path.get_ident() else { return true };
    let word = ident.to_string();
    cors_policy::Key::ALL.iter().map(|k| k.name()).chain(["crate"]).all(|k| strsim::jaro_winkler(k, &word) <= 0.8)
}

fn parse_list(tokens: TokenStream, errors: &mut Errors) -> Option<Vec<NestedMeta>> {
    NestedMeta::parse_meta_list(tokens)
        .map_err(|e| {
            errors.push(syn::Error::new(
                e.span(),
                format!(
                    "{e}\n= help: write `key = value` pairs, such as `#[cors(origins = [\"https://app.example.com\"])]`"
                ),
            ))
        })
        .ok()
}

/// Parses the attribute's arguments. Returns what could be parsed; problems go to `errors`.
pub fn parse_attr(tokens: TokenStream, errors: &mut Errors) -> Option<Attr> {
    let max_age = max_age_tokens(&tokens);
    let metas = parse_list(tokens, errors)?;
    match metas.first() {
        Some(NestedMeta::Meta(Meta::Path(p))) if is_policy_name(p) => shared(p.clone(), &metas[1..], errors),
        _ => parse_keys(metas, max_age, errors).map(|(a, s)| Attr::Inline(Box::new(a), s)),
    }
}

/// Parses `policy!(...)`.
pub fn parse_policy(tokens: TokenStream, errors: &mut Errors) -> Option<(Args, KeySpans)> {
    let max_age = max_age_tokens(&tokens);
    parse_keys(parse_list(tokens, errors)?, max_age, errors)
}

/// The tokens after `max_age =`, up to the next top-level comma.
fn max_age_tokens(args: &TokenStream) -> Option<TokenStream> {
    let mut it = args.clone().into_iter().peekable();
    while let Some(t) = it.next() {
        if matches!(&t, TokenTree::Ident(i) if i == "max_age")
            && matches!(it.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '=')
        {
            it.next();
            let comma = |t: &TokenTree| matches!(t, TokenTree::Punct(p) if p.as_char() == ',');
            return Some(std::iter::from_fn(|| it.next_if(|t| !comma(t))).collect());
        }
    }
    None
}

/// `#[cors(NAME, methods = [...])]`: only `methods` (and `crate`) may stand beside a name,
/// since anything else would widen a policy that other routes share.
fn shared(name: Path, rest: &[NestedMeta], errors: &mut Errors) -> Option<Attr> {
    let mut kept = Vec::new();
    let mut ok = true;
    for meta in rest {
        let path = match meta {
            NestedMeta::Meta(m) => m.path(),
            NestedMeta::NameValueInvalidExpr(m) => &m.path,
            NestedMeta::Lit(lit) => {
                errors.push(syn::Error::new(
                    lit.span(),
                    "expected `methods = [...]` beside a shared policy's name\n= help: remove this value",
                ));
                ok = false;
                continue;
            }
        };
        let key = name_of(path);
        if key == "methods" || key == "crate" {
            kept.push(meta.clone());
        } else if cors_policy::Key::from_name(&key).is_some() {
            let policy = name_of(&name);
            errors.push(syn::Error::new(
                path.span(),
                format!(
                    "only `methods` may stand beside a shared policy's name: `{key}` would change `{policy}` for this \
                     route alone\n= help: declare another policy with `policy!(...)` for this route, or move `{key}` \
                     into `{policy}`"
                ),
            ));
            ok = false;
        } else {
            kept.push(meta.clone());
        }
    }
    let (args, _) = parse_keys(kept, None, errors)?;
    ok.then_some(Attr::Shared { name, methods: args.methods, krate: args.krate })
}

fn parse_keys(metas: Vec<NestedMeta>, max_age: Option<TokenStream>, errors: &mut Errors) -> Option<(Args, KeySpans)> {
    let mut spans = KeySpans { max_age, ..KeySpans::default() };
    let mut kept = Vec::with_capacity(metas.len());
    for meta in metas {
        let path = match &meta {
            NestedMeta::Meta(m) => m.path(),
            NestedMeta::NameValueInvalidExpr(m) => &m.path,
            NestedMeta::Lit(lit) => {
                let help = match lit {
                    Lit::Str(s) => format!("did you mean `origins = [{}]`?", quote::quote!(#s)),
                    _ => "write `key = value` pairs, such as `origins = [\"https://app.example.com\"]`".into(),
                };
                errors.push(syn::Error::new(lit.span(), format!("expected `key = value` or a flag\n= help: {help}")));
                spans.had_unknown = true;
                continue;
            }
        };
        // Each key on its own first: one that darling rejects (unknown, or a value of the
        // wrong shape) is reported and set aside, so that the others are still checked.
        if let Err(e) = Args::from_list(std::slice::from_ref(&meta)) {
            for e in e.flatten() {
                errors.push(syn::Error::new(e.span(), house_style(&e.to_string())));
            }
            spans.had_unknown = true;
            continue;
        }
        let name = name_of(path);
        if spans.get(&name).is_some() {
            let msg = format!("duplicate key `{name}`\n= help: write each key once; merge the two values into one");
            errors.push(syn::Error::new(path.span(), msg));
            continue;
        }
        spans.spans.push((name, path.span()));
        kept.push(meta);
    }
    match Args::from_list(&kept) {
        Ok(args) => {
            for list in [&args.origins, &args.dev_origins, &args.headers, &args.expose].into_iter().flatten() {
                list.0.errors.iter().for_each(|e| errors.push(e.clone()));
            }
            args.methods.iter().flat_map(|m| &m.0.errors).for_each(|e| errors.push(e.clone()));
            Some((args, spans))
        }
        Err(e) => {
            for e in e.flatten() {
                errors.push(syn::Error::new(e.span(), house_style(&e.to_string())));
            }
            None
        }
    }
}

/// Darling's messages for unknown and repeated keys, in this crate's style: lower case, with
/// the fix on a `= help:` line.
fn house_style(message: &str) -> String {
    // Darling names the key an error is under (`... at origins`); ours point at it instead.
    let message = match message.rsplit_once(" at ") {
        Some((head, at)) if at.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'/') => head,
        _ => message,
    };
    if let Some(rest) = message.strip_prefix("Unknown field: `") {
        let (key, suggestion) = rest.split_once('`').unwrap_or((rest, ""));
        let help = match suggestion.strip_prefix(". Did you mean `").and_then(|s| s.strip_suffix("`?")) {
            Some(best) => format!("did you mean `{best}`?"),
            None => {
                let keys: Vec<String> =
                    cors_policy::Key::ALL.iter().map(|k| format!("`{}`", k.name())).chain(["`crate`".into()]).collect();
                format!("the keys are {}", keys.join(", "))
            }
        };
        return format!("unknown key `{key}`\n= help: {help}");
    }
    if let Some(rest) = message.strip_prefix("Duplicate field `") {
        let key = rest.trim_end_matches('`');
        return format!("duplicate key `{key}`\n= help: write each key once; merge the two values into one");
    }
    let mut c = message.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(tokens: &str) -> (Option<Attr>, Vec<String>) {
        let mut errors = Errors::default();
        let attr = parse_attr(tokens.parse().unwrap(), &mut errors);
        (attr, errors.messages())
    }

    #[test]
    fn every_key_of_the_core_is_a_key_here() {
        for key in cors_policy::Key::ALL {
            let value = match key.kind() {
                cors_policy::KeyKind::List => " = [\"x\"]",
                cors_policy::KeyKind::Value if key.name() == "max_age" => " = 1",
                cors_policy::KeyKind::Value => " = \"x\"",
                cors_policy::KeyKind::Flag => "",
            };
            let (attr, errors) = parse(&format!("origins = [\"https://a.example\"], {}{value}", key.name()));
            let duplicate = *key == cors_policy::Key::Origins;
            assert!(duplicate || (attr.is_some() && errors.is_empty()), "{key}: {errors:?}");
        }
    }

    #[test]
    fn darling_messages_in_house_style() {
        let (_, errors) = parse("orgins = [\"https://a.example\"]");
        assert_eq!(errors, ["unknown key `orgins`\n= help: did you mean `origins`?"]);
        let (_, errors) = parse("origins = [\"https://a.example\"], zzz = 1");
        assert!(errors[0].starts_with("unknown key `zzz`\n= help: the keys are `origins`"), "{errors:?}");
        let (_, errors) = parse("origins = [\"https://a.example\"], origins = [\"https://b.example\"]");
        assert_eq!(errors, ["duplicate key `origins`\n= help: write each key once; merge the two values into one"]);
    }

    #[test]
    fn shared_names() {
        assert!(matches!(parse("SPA").0, Some(Attr::Shared { .. })));
        assert!(matches!(parse("crate::cors::SPA, methods = [PUT]").0, Some(Attr::Shared { methods: Some(_), .. })));
        let (attr, errors) = parse("SPA, headers = [\"x\"]");
        assert!(attr.is_none() && errors[0].starts_with("only `methods` may stand beside"), "{errors:?}");
        let (_, errors) = parse("credentails");
        assert!(errors[0].starts_with("unknown key `credentails`"), "{errors:?}");
    }
}
