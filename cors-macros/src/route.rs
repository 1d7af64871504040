//! Finding and reading the actix-web route attribute below `#[cors]`.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Lit, LitStr, Meta, MetaNameValue, Path, Token};

use crate::diag::Errors;

/// A doc attribute `#[cors]` leaves on the handler it expands: another `#[cors]` below it,
/// under another name (`use cors_runtime::cors as c2;`), recognises its work by it.
pub const APPLIED: &str = "cors-runtime: #[cors] applied";

/// The single-method route attributes and the method each serves.
const METHOD_ATTRS: [(&str, &str); 9] = [
    ("get", "GET"),
    ("post", "POST"),
    ("put", "PUT"),
    ("delete", "DELETE"),
    ("patch", "PATCH"),
    ("head", "HEAD"),
    ("options", "OPTIONS"),
    ("trace", "TRACE"),
    ("connect", "CONNECT"),
];

/// One route attribute: `#[get("/p", ...)]` or `#[route("/p", method = "...", ...)]`.
pub struct RouteAttr {
    /// The attribute as written.
    pub attr: Attribute,
    /// Its path literal.
    pub path: LitStr,
    /// Its `name = "..."`, if any.
    pub name: Option<LitStr>,
    /// The methods it serves.
    pub methods: Vec<String>,
    /// Its `guard = "fn"` options.
    pub guards: Vec<Path>,
    /// Its `wrap = "middleware"` options, in order.
    pub wraps: Vec<Expr>,
}

/// The route attributes of a handler, and everything else on it.
pub struct Routes {
    /// `#[routes]`, when the handler has several route attributes.
    pub routes_marker: Option<Attribute>,
    pub routes: Vec<RouteAttr>,
    /// The handler's other attributes, in order.
    pub others: Vec<Attribute>,
}

impl Routes {
    /// Every method the handler serves, in order, without duplicates.
    pub fn methods(&self) -> Vec<String> {
        let mut all: Vec<String> = Vec::new();
        for m in self.routes.iter().flat_map(|r| &r.methods) {
            if !all.contains(m) {
                all.push(m.clone());
            }
        }
        all
    }
}

fn last_segment(path: &Path) -> String {
    path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default()
}

/// Splits the handler's attributes. Errors when no route attribute is found, which also
/// catches `#[cors]` written below one (the route macro then hides itself from us).
pub fn find(attrs: &[Attribute], errors: &mut Errors) -> Option<Routes> {
    let mut out = Routes { routes_marker: None, routes: Vec::new(), others: Vec::new() };
    let mut ok = true;
    for attr in attrs {
        let name = last_segment(attr.path());
        if attr.path().is_ident("doc") && matches!(&attr.meta, Meta::NameValue(nv) if is_applied(&nv.value)) {
            // An attribute above this one, under another name, has already expanded.
            errors.push(syn::Error::new(
                Span::call_site(),
                "`#[cors]` is applied twice to this handler, once under another name\n= help: write one \
                 `#[cors(...)]` with the whole policy: with two, preflights would follow one policy and \
                 responses the other",
            ));
            ok = false;
        } else if name == "cors" {
            // Reported, then dropped, so that the rest of the handler is still understood.
            errors.push(syn::Error::new_spanned(
                attr,
                "`#[cors]` is applied twice to this handler\n= help: write one `#[cors(...)]` with the whole policy",
            ));
        } else if name == "routes" {
            out.routes_marker = Some(attr.clone());
        } else if let Some(method) = METHOD_ATTRS.iter().find(|(n, _)| *n == name).map(|(_, m)| *m) {
            match parse_route(attr, false) {
                Ok(mut r) => {
                    r.methods = vec![method.to_string()];
                    out.routes.push(r);
                }
                Err(e) => {
                    errors.push(e);
                    ok = false;
                }
            }
        } else if name == "route" {
            match parse_route(attr, true) {
                Ok(r) if r.methods.is_empty() => {
                    errors.push(syn::Error::new(
                        attr.span(),
                        "`#[route]` lists no method\n= help: add one, such as `#[route(\"/items\", method = \"GET\")]`",
                    ));
                    ok = false;
                }
                Ok(r) => out.routes.push(r),
                Err(e) => {
                    errors.push(e);
                    ok = false;
                }
            }
        } else {
            out.others.push(attr.clone());
        }
    }
    if out.routes.is_empty() && ok {
        let message = if written_below_route() {
            "`#[cors]` is written below the route attribute, which has already taken the handler\n= help: move \
             `#[cors(...)]` above the route attribute: attribute macros expand from the top"
        } else {
            "`#[cors]` needs an actix-web route attribute below it\n= help: place `#[cors(...)]` directly above \
             `#[get(\"/path\")]`, `#[post]`, `#[route]` or `#[routes]`"
        };
        errors.push(syn::Error::new(Span::call_site(), message));
        return None;
    }
    ok.then_some(out)
}

/// Whether the source lines just above this `#[cors]` hold a route attribute: then the route
/// attribute expanded first and handed the handler to us without itself. Only the wording of
/// the error depends on it, so a source that cannot be read just gets the general message.
fn written_below_route() -> bool {
    if !proc_macro::is_available() {
        return false;
    }
    let span = proc_macro::Span::call_site();
    let (Some(file), line) = (span.local_file(), span.line()) else { return false };
    let Ok(text) = std::fs::read_to_string(file) else { return false };
    let above = text.lines().take(line.saturating_sub(1)).collect::<Vec<_>>();
    for l in above.iter().rev().map(|l| l.trim()) {
        if l.is_empty() || l.starts_with("//") {
            continue;
        }
        let Some(attr) = l.strip_prefix("#[") else { return false };
        let name = attr.split(['(', ']']).next().unwrap_or_default().trim();
        let last = name.rsplit("::").next().unwrap_or_default();
        if last == "routes" || last == "route" || METHOD_ATTRS.iter().any(|(n, _)| *n == last) {
            return true;
        }
    }
    false
}

fn is_applied(value: &Expr) -> bool {
    matches!(value, Expr::Lit(l) if matches!(&l.lit, Lit::Str(s) if s.value() == APPLIED))
}

/// Reads a route attribute as actix-web's own route macros do, with the same rules and
/// messages, since `#[cors]` registers the route itself.
fn parse_route(attr: &Attribute, is_route: bool) -> syn::Result<RouteAttr> {
    let parser = |input: ParseStream| {
        let path: LitStr = input.parse()?;
        let mut opts = Punctuated::<MetaNameValue, Token![,]>::new();
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
            opts = Punctuated::parse_terminated(input)?;
        }
        Ok((path, opts))
    };
    let (path, opts) = attr.parse_args_with(parser).map_err(|e| {
        syn::Error::new(
            e.span(),
            format!("{e}\n= help: `#[cors]` reads the route attribute, such as `#[get(\"/path\")]`"),
        )
    })?;
    let mut route =
        RouteAttr { attr: attr.clone(), path, name: None, methods: Vec::new(), guards: Vec::new(), wraps: Vec::new() };
    for opt in opts {
        let key = opt.path.get_ident().map(ToString::to_string).unwrap_or_default();
        let lit = match &opt.value {
            Expr::Lit(syn::ExprLit { lit: Lit::Str(s), .. }) => Some(s.clone()),
            _ => None,
        };
        let expects = |what: &str| {
            syn::Error::new_spanned(
                &opt.value,
                format!("`{key}` expects {what}\n= help: write it in a string, such as `{key} = \"...\"`"),
            )
        };
        match key.as_str() {
            "name" => route.name = Some(lit.ok_or_else(|| expects("a string literal"))?),
            "guard" => route.guards.push(lit.ok_or_else(|| expects("the path of a guard function"))?.parse()?),
            "wrap" => route.wraps.push(lit.ok_or_else(|| expects("a middleware expression"))?.parse()?),
            "method" if !is_route => {
                return Err(syn::Error::new_spanned(
                    &opt,
                    "HTTP method forbidden here\n= help: to handle several methods, use `#[route(\"/path\", method = \"GET\", method = \"POST\")]`",
                ));
            }
            "method" => {
                let lit = lit.ok_or_else(|| expects("a method name"))?;
                let m = lit.value();
                if m.is_empty() || !m.bytes().all(|b| b.is_ascii_uppercase()) {
                    return Err(syn::Error::new_spanned(
                        &lit,
                        format!(
                            "`{m}` is not an HTTP method\n= help: methods are upper case, such as `\"GET\"` or `\"PURGE\"`"
                        ),
                    ));
                }
                if route.methods.contains(&m) {
                    return Err(syn::Error::new_spanned(
                        &lit,
                        format!("HTTP method defined more than once: `{m}`\n= help: remove this one"),
                    ));
                }
                route.methods.push(m);
            }
            _ => {
                return Err(syn::Error::new_spanned(
                    &opt.path,
                    "unknown route option\n= help: the options are `name`, `guard`, `wrap` and, on `#[route]`, `method`",
                ));
            }
        }
    }
    Ok(route)
}

impl ToTokens for RouteAttr {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.attr.to_tokens(tokens);
    }
}
