//! Finding and reading the actix-web route attribute below `#[cors]`.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Lit, LitStr, Meta, MetaNameValue, Path, Token};

use crate::diag::Errors;

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
    /// The methods it serves.
    pub methods: Vec<String>,
    /// Its `guard = "fn"` options.
    pub guards: Vec<Path>,
}

impl RouteAttr {
    /// The attribute with `wrap = "<wrap>"` appended, so that our middleware is the outermost
    /// of the route's own (actix applies `wrap`s in order, each around the previous ones).
    pub fn with_wrap(&self, wrap: &str) -> TokenStream {
        let Meta::List(list) = &self.attr.meta else { unreachable!("route attributes are lists") };
        let path = &list.path;
        let tokens = &list.tokens;
        let trailing = tokens.clone().into_iter().last().is_some_and(|t| t.to_string() == ",");
        let comma = if trailing { quote!() } else { quote!(,) };
        let lit = LitStr::new(wrap, Span::call_site());
        quote!(#[#path(#tokens #comma wrap = #lit)])
    }
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
        if name == "cors" {
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
        errors.push(syn::Error::new(
            Span::call_site(),
            "`#[cors]` needs an actix-web route attribute below it\n= help: place `#[cors(...)]` directly above \
             `#[get(\"/path\")]`, `#[post]`, `#[route]` or `#[routes]`, not below it",
        ));
        return None;
    }
    ok.then_some(out)
}

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
    let mut methods = Vec::new();
    let mut guards = Vec::new();
    for opt in opts {
        let key = opt.path.get_ident().map(ToString::to_string).unwrap_or_default();
        let Expr::Lit(lit) = &opt.value else { continue };
        let Lit::Str(s) = &lit.lit else { continue };
        match key.as_str() {
            "method" if is_route => methods.push(s.value()),
            "guard" => guards.push(s.parse::<Path>()?),
            _ => {}
        }
    }
    Ok(RouteAttr { attr: attr.clone(), path, methods, guards })
}

impl ToTokens for RouteAttr {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.attr.to_tokens(tokens);
    }
}
