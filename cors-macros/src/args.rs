//! Parsing `#[cors(...)]`: syntax only, every value with its span.
//!
//! Unknown, repeated and mistyped keys are caught here, before darling reads the rest, so
//! that their messages follow the house style and name the fix.

use darling::FromMeta;
use darling::ast::NestedMeta;
use darling::util::Flag;
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
#[derive(Clone, Debug)]
pub struct List {
    pub items: Vec<Item>,
}

fn custom(msg: impl std::fmt::Display, at: &impl Spanned) -> darling::Error {
    darling::Error::custom(msg).with_span(at)
}

fn list(expr: &Expr, idents: bool) -> darling::Result<List> {
    let Expr::Array(ExprArray { elems, .. }) = expr else {
        let help = match expr {
            Expr::Lit(l) if matches!(l.lit, Lit::Str(_)) => {
                let l = &l.lit;
                format!("did you mean `[{}]`?", quote::quote!(#l))
            }
            _ if idents => "write a list such as `[GET, \"PURGE\"]`".into(),
            _ => "write a list such as `[\"https://app.example.com\"]`".into(),
        };
        return Err(custom(format!("expected a list in `[...]`\n= help: {help}"), expr));
    };
    let mut errors = darling::Error::accumulator();
    let mut items = Vec::new();
    let what = if idents { "a method such as `GET` or `\"PURGE\"`" } else { "a string literal" };
    for e in elems {
        match e {
            Expr::Lit(l) => match &l.lit {
                Lit::Str(s) => items.push(Item { value: s.value(), span: s.span() }),
                other => {
                    let help = if idents {
                        "write a method name, such as `GET` or `\"PURGE\"`"
                    } else {
                        "write the value in double quotes, such as `\"content-type\"`"
                    };
                    errors.push(custom(format!("expected {what}\n= help: {help}"), other))
                }
            },
            Expr::Path(p) if idents && p.path.get_ident().is_some() => {
                let id = p.path.get_ident().expect("checked");
                items.push(Item { value: id.to_string(), span: id.span() });
            }
            Expr::Path(p) if p.path.get_ident().is_some() => {
                let id = p.path.get_ident().expect("checked").to_string().replace('_', "-");
                errors.push(custom(format!("expected {what}\n= help: did you mean `\"{id}\"`?"), e));
            }
            other => errors.push(custom(format!("expected {what}"), other)),
        }
    }
    errors.finish_with(List { items })
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
        let (neg, lit) = match expr {
            Expr::Unary(u) if matches!(u.op, UnOp::Neg(_)) => (true, &*u.expr),
            e => (false, e),
        };
        let int = match lit {
            Expr::Lit(l) => match &l.lit {
                Lit::Int(i) => Some(i),
                Lit::Str(s) if s.value().trim().parse::<i64>().is_ok() => {
                    return Err(custom(
                        format!(
                            "`max_age` takes an integer, not a string\n= help: did you mean `max_age = {}`?",
                            s.value().trim()
                        ),
                        expr,
                    ));
                }
                _ => None,
            },
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

/// `crate = "path"`: where the runtime is, for crates that re-export it.
#[derive(Clone, Debug)]
pub struct CratePath(pub Path);

impl FromMeta for CratePath {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        match expr {
            Expr::Lit(l) => match &l.lit {
                Lit::Str(s) => s.parse::<Path>().map(CratePath).map_err(|_| {
                    let fixed = s.value().trim().replace('-', "_");
                    let help = match syn::parse_str::<Path>(&fixed) {
                        Ok(_) => format!("did you mean `{fixed}`?"),
                        Err(_) => "write a path such as `crate = \"my_api::cors_runtime\"`".into(),
                    };
                    custom(format!("`crate` must be a Rust path\n= help: {help}"), s)
                }),
                other => Err(custom(
                    "`crate` takes a path in a string\n= help: write it such as `crate = \"my_api::cors_runtime\"`",
                    other,
                )),
            },
            Expr::Path(p) => {
                let path = &p.path;
                let text = quote::quote!(#path).to_string().replace(' ', "");
                Err(custom(
                    format!("`crate` takes a path in a string\n= help: did you mean `crate = \"{text}\"`?"),
                    expr,
                ))
            }
            other => Err(custom(
                "`crate` takes a path in a string\n= help: write it such as `crate = \"my_api::cors_runtime\"`",
                other,
            )),
        }
    }
}

/// `#[cors(...)]`, parsed.
#[derive(Debug, FromMeta)]
pub struct Args {
    pub origins: Option<StrList>,
    pub dev_origins: Option<StrList>,
    pub methods: Option<MethodList>,
    pub headers: Option<StrList>,
    pub expose: Option<StrList>,
    pub credentials: Flag,
    pub max_age: Option<MaxAge>,
    pub dangerously_allow_insecure_origins: Flag,
    pub dangerously_allow_public_suffix_wildcards: Flag,
    #[darling(rename = "crate")]
    pub krate: Option<CratePath>,
}

/// The keys `#[cors]` accepts, in documentation order.
pub const KEYS: [&str; 10] = [
    "origins",
    "dev_origins",
    "methods",
    "headers",
    "expose",
    "credentials",
    "max_age",
    "dangerously_allow_insecure_origins",
    "dangerously_allow_public_suffix_wildcards",
    "crate",
];

/// The keys that are flags: present or absent, with no value.
const FLAGS: [&str; 3] =
    ["credentials", "dangerously_allow_insecure_origins", "dangerously_allow_public_suffix_wildcards"];

/// Where each key was written, for violations that point at a key or its value.
#[derive(Debug, Default)]
pub struct KeySpans {
    pub spans: Vec<(String, Span)>,
    /// The tokens of `max_age`'s value: `-5` is two tokens, and the error covers both.
    pub max_age: Option<TokenStream>,
    /// A key was misspelt or misplaced: a missing key is then most likely that typo, not a
    /// problem of its own.
    pub had_unknown: bool,
}

impl KeySpans {
    pub fn get(&self, key: &str) -> Option<Span> {
        self.spans.iter().find(|(k, _)| k == key).map(|(_, s)| *s)
    }
}

/// The tokens after `max_age =`, up to the next top-level comma.
fn max_age_tokens(args: &TokenStream) -> Option<TokenStream> {
    let mut it = args.clone().into_iter().peekable();
    while let Some(t) = it.next() {
        if matches!(&t, TokenTree::Ident(i) if i == "max_age")
            && matches!(it.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '=')
        {
            it.next();
            let value: TokenStream =
                std::iter::from_fn(|| it.next_if(|t| !matches!(t, TokenTree::Punct(p) if p.as_char() == ',')))
                    .collect();
            return Some(value);
        }
    }
    None
}

/// Parses the attribute's arguments. Returns what could be parsed; problems go to `errors`.
pub fn parse(tokens: TokenStream, errors: &mut Errors) -> Option<(Args, KeySpans)> {
    let mut spans = KeySpans { max_age: max_age_tokens(&tokens), ..KeySpans::default() };
    let metas = match NestedMeta::parse_meta_list(tokens) {
        Ok(m) => m,
        Err(e) => {
            errors.push(syn::Error::new(
                e.span(),
                format!(
                    "{e}\n= help: write `key = value` pairs, such as `#[cors(origins = [\"https://app.example.com\"])]`"
                ),
            ));
            return None;
        }
    };
    let mut kept = Vec::with_capacity(metas.len());
    for meta in metas {
        let path = match &meta {
            NestedMeta::Meta(m) => m.path().clone(),
            NestedMeta::NameValueInvalidExpr(m) => m.path.clone(),
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
        let name = path.get_ident().map(ToString::to_string).unwrap_or_else(|| quote::quote!(#path).to_string());
        if !KEYS.contains(&name.as_str()) {
            let best = KEYS
                .iter()
                .map(|k| (strsim::jaro_winkler(k, &name), k))
                .filter(|(score, _)| *score > 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let help = match best {
                Some((_, k)) => format!("did you mean `{k}`?"),
                None => format!("the keys are {}", KEYS.map(|k| format!("`{k}`")).join(", ")),
            };
            errors.push(syn::Error::new(path.span(), format!("unknown key `{name}`\n= help: {help}")));
            spans.had_unknown = true;
            continue;
        }
        if spans.get(&name).is_some() {
            errors.push(syn::Error::new(
                path.span(),
                format!("duplicate key `{name}`\n= help: write each key once; merge the two values into one"),
            ));
            continue;
        }
        spans.spans.push((name.clone(), path.span()));
        if FLAGS.contains(&name.as_str()) && !matches!(&meta, NestedMeta::Meta(Meta::Path(_))) {
            errors.push(syn::Error::new_spanned(
                &meta,
                format!(
                    "`{name}` is a flag and takes no value\n= help: write `{name}` alone to turn it on, or leave it out"
                ),
            ));
            continue;
        }
        kept.push(meta);
    }
    match Args::from_list(&kept) {
        Ok(args) => Some((args, spans)),
        Err(e) => {
            for e in e.flatten() {
                let e = syn::Error::from(e);
                errors.push(syn::Error::new(e.span(), lower_first(&e.to_string())));
            }
            None
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}
