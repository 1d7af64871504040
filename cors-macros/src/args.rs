//! Parsing `#[cors(...)]`: syntax only, every value with its span.
//!
//! Unknown and repeated keys are caught here, before darling reads the rest, so that their
//! messages follow the house style and name the fix.

use darling::FromMeta;
use darling::ast::NestedMeta;
use darling::util::Flag;
use proc_macro2::{Span, TokenStream};
use syn::spanned::Spanned;
use syn::{Expr, ExprArray, Lit, Path, UnOp};

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

fn list(expr: &Expr, idents: bool) -> darling::Result<List> {
    let Expr::Array(ExprArray { elems, .. }) = expr else {
        let hint = if idents {
            "write a list such as `[GET, \"PURGE\"]`"
        } else {
            "write a list such as `[\"https://app.example.com\"]`"
        };
        return Err(darling::Error::custom(format!("expected a list in `[...]`; {hint}")).with_span(expr));
    };
    let mut errors = darling::Error::accumulator();
    let mut items = Vec::new();
    for e in elems {
        match e {
            Expr::Lit(l) => match &l.lit {
                Lit::Str(s) => items.push(Item { value: s.value(), span: s.span() }),
                other => errors.push(
                    darling::Error::custom("expected a string literal such as `\"content-type\"`").with_span(other),
                ),
            },
            Expr::Path(p) if idents && p.path.get_ident().is_some() => {
                let id = p.path.get_ident().expect("checked");
                items.push(Item { value: id.to_string(), span: id.span() });
            }
            other => {
                let what = if idents { "a method such as `GET` or `\"PURGE\"`" } else { "a string literal" };
                errors.push(darling::Error::custom(format!("expected {what}")).with_span(other));
            }
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
    pub span: Span,
}

impl FromMeta for MaxAge {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        let (neg, lit) = match expr {
            Expr::Unary(u) if matches!(u.op, UnOp::Neg(_)) => (true, &*u.expr),
            e => (false, e),
        };
        let Expr::Lit(l) = lit else {
            return Err(darling::Error::custom(
                "`max_age` takes an integer literal of seconds, such as `max_age = 600`",
            )
            .with_span(expr));
        };
        let Lit::Int(i) = &l.lit else {
            return Err(darling::Error::custom(
                "`max_age` takes an integer literal of seconds, such as `max_age = 600`",
            )
            .with_span(expr));
        };
        let n = i.base10_parse::<u64>().map_or(i64::MAX, |n| i64::try_from(n).unwrap_or(i64::MAX));
        Ok(MaxAge { value: if neg { -n } else { n }, span: expr.span() })
    }
}

/// `crate = "path"`: where the runtime is, for crates that re-export it.
#[derive(Clone, Debug)]
pub struct CratePath(pub Path);

impl FromMeta for CratePath {
    fn from_value(value: &Lit) -> darling::Result<Self> {
        match value {
            Lit::Str(s) => s.parse::<Path>().map(CratePath).map_err(|e| darling::Error::custom(e).with_span(s)),
            other => Err(darling::Error::custom(
                "`crate` takes a path in a string, such as `crate = \"my_api::cors_runtime\"`",
            )
            .with_span(other)),
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

/// Where each key was written, for keys whose violations point at the key itself.
#[derive(Debug, Default)]
pub struct KeySpans {
    pub spans: Vec<(String, Span)>,
    /// An unknown key was written: a missing key is then most likely that typo, not a
    /// problem of its own.
    pub had_unknown: bool,
}

impl KeySpans {
    pub fn get(&self, key: &str) -> Option<Span> {
        self.spans.iter().find(|(k, _)| k == key).map(|(_, s)| *s)
    }
}

fn key_of(meta: &NestedMeta) -> Option<&Path> {
    match meta {
        NestedMeta::Meta(m) => Some(m.path()),
        NestedMeta::NameValueInvalidExpr(m) => Some(&m.path),
        NestedMeta::Lit(_) => None,
    }
}

/// Parses the attribute's arguments. Returns what could be parsed; problems go to `errors`.
pub fn parse(tokens: TokenStream, errors: &mut Errors) -> Option<(Args, KeySpans)> {
    let metas = match NestedMeta::parse_meta_list(tokens) {
        Ok(m) => m,
        Err(e) => {
            errors.push(syn::Error::new(
                e.span(),
                format!("{e}\n  = help: write `key = value` pairs, such as `#[cors(origins = [\"https://app.example.com\"])]`"),
            ));
            return None;
        }
    };
    let mut kept = Vec::with_capacity(metas.len());
    let mut spans = KeySpans::default();
    for meta in metas {
        let Some(path) = key_of(&meta) else {
            errors.push(syn::Error::new(meta.span(), "expected `key = value` or a flag such as `credentials`"));
            continue;
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
            errors.push(syn::Error::new(path.span(), format!("unknown key `{name}`\n  = help: {help}")));
            spans.had_unknown = true;
            continue;
        }
        if spans.get(&name).is_some() {
            errors.push(syn::Error::new(
                path.span(),
                format!("duplicate key `{name}`\n  = help: write each key once; merge the two values into one"),
            ));
            continue;
        }
        spans.spans.push((name, path.span()));
        kept.push(meta);
    }
    match Args::from_list(&kept) {
        Ok(args) => Some((args, spans)),
        Err(e) => {
            for e in e.flatten() {
                let span = e.span();
                errors.push(syn::Error::new(span, lower_first(&e.to_string())));
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
