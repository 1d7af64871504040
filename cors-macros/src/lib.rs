//! The `#[cors]` attribute and the `policy!` macro. Use them through
//! [`cors-runtime`](https://docs.rs/cors-runtime), which re-exports them; the generated code
//! refers to that crate.
#![forbid(unsafe_code)]

mod args;
mod diag;
mod emit;
mod expand;
mod route;
mod spec;

use proc_macro::TokenStream;
use quote::quote;

use crate::args::Attr;
use crate::expand::Source;

include!("doc.rs");

fn default_crate() -> syn::Path {
    syn::parse_quote!(::cors_runtime)
}

fn cors_impl(args: proc_macro2::TokenStream, item: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    let mut errors = diag::Errors::default();
    let item_fn: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(f) => f,
        Err(e) => {
            let e = syn::Error::new(
                e.span(),
                "`#[cors]` applies to an actix-web handler function\n= help: place it above `#[get(\"/path\")] async fn handler(..)`",
            );
            let e = e.to_compile_error();
            return quote!(#e #item);
        }
    };
    if matches!(item_fn.sig.output, syn::ReturnType::Default) {
        errors.push(syn::Error::new_spanned(
            &item_fn.sig,
            "the handler has no return type, so it cannot answer a request\n= help: return a response, such as \
             `-> HttpResponse` or `-> impl Responder`",
        ));
    }
    let attr = args::parse_attr(args, &mut errors);
    let krate = match &attr {
        Some(Attr::Inline(a, _)) => a.krate.as_ref().map(|k| k.0.clone()),
        Some(Attr::Shared { krate, .. }) => krate.as_ref().map(|k| k.0.clone()),
        None => None,
    }
    .unwrap_or_else(default_crate);
    let routes = route::find(&item_fn.attrs, &mut errors);
    let expanded = match (&attr, &routes) {
        (Some(Attr::Inline(args, keys)), Some(routes)) => spec::check(args, keys, Some(routes.methods()), &mut errors)
            .map(|valid| expand::handler(&krate, &item_fn, routes, Source::Inline(&valid))),
        (Some(Attr::Shared { name, methods, .. }), Some(routes)) => shared(name, methods.as_ref(), routes, &mut errors)
            .map(|(answered, own)| expand::handler(&krate, &item_fn, routes, Source::Shared { name, answered, own })),
        _ => None,
    };
    match expanded {
        Some(tokens) if errors.is_empty() => tokens,
        _ => expand::fallback(&krate, &item_fn, routes.as_ref(), errors.to_compile_errors()),
    }
}

/// The methods a route under a shared policy answers, and its own methods that the policy
/// must list, checked with the core's rules for a route's methods.
fn shared(
    name: &syn::Path,
    methods: Option<&args::MethodList>,
    routes: &route::Routes,
    errors: &mut diag::Errors,
) -> Option<(Vec<String>, Vec<String>)> {
    let route = routes.methods();
    let listed = methods.map(|m| m.0.values());
    let narrowed = cors_policy::validate_route_methods(listed.as_deref(), &route);
    let own = cors_policy::validate_route_methods(None, &route);
    let args = args::Args { methods: methods.cloned(), ..Default::default() };
    let keys = args::KeySpans::default();
    let (narrowed, own) = match (narrowed, own) {
        (Ok(n), Ok(o)) => (n, o),
        (n, o) => {
            // A route serving only methods browsers never send: say so once, on the name.
            if let Err(v) = &o {
                errors.push(syn::Error::new_spanned(name, format!("{}\n= help: {}", v.first().message, v.first().fix)));
            } else {
                spec::report(n, &args, &keys, errors);
            }
            return None;
        }
    };
    Some((narrowed, own))
}

fn policy_impl(input: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    let mut errors = diag::Errors::default();
    let parsed = args::parse_policy(input, &mut errors);
    let krate = parsed.as_ref().and_then(|(a, _)| a.krate.as_ref().map(|k| k.0.clone())).unwrap_or_else(default_crate);
    let valid = parsed.as_ref().and_then(|(args, keys)| spec::check(args, keys, None, &mut errors));
    match valid {
        Some(valid) if errors.is_empty() => expand::policy(&krate, &valid, static_name().as_deref()),
        _ => expand::policy_fallback(&krate, errors.to_compile_errors()),
    }
}

/// The name of the `static` that `policy!(...)` initialises, read from the source before the
/// call (`static SPA: Policy = policy!(...)`), so that the audit can say which policy it is.
/// `None` when the source cannot be read or the call is not such an initialiser.
fn static_name() -> Option<String> {
    if !proc_macro::is_available() {
        return None;
    }
    let span = proc_macro::Span::call_site();
    let text = std::fs::read_to_string(span.local_file()?).ok()?;
    let lines: Vec<&str> = text.lines().collect();
    let (line, column) = (span.line().checked_sub(1)?, span.column().checked_sub(1)?);
    let mut before: String = lines.get(line.saturating_sub(4)..line)?.join("\n");
    before.push('\n');
    before.push_str(lines.get(line)?.get(..column)?);
    let declared = before.rsplit_once("static ")?.1.trim_start();
    let declared = declared.strip_prefix("mut ").unwrap_or(declared);
    let name: String = declared.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    let rest = declared[name.len()..].trim_start();
    (!name.is_empty() && rest.starts_with(':')).then_some(name)
}

/// A CORS policy declared once and shared by routes and middleware, checked at compile time
/// with every rule of `#[cors]`. Use it through `cors_runtime::policy!`, whose documentation
/// has examples.
#[proc_macro]
pub fn policy(input: TokenStream) -> TokenStream {
    policy_impl(input.into()).into()
}
