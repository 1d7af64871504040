//! The `#[cors]` attribute. Use it through [`cors-runtime`](https://docs.rs/cors-runtime),
//! which re-exports it as `cors_runtime::cors`; the generated code refers to that crate.
#![forbid(unsafe_code)]

mod args;
mod diag;
mod expand;
mod lower;
mod route;

use proc_macro::TokenStream;
use quote::quote;

include!("doc.rs");

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
    let parsed = args::parse(args, &mut errors);
    let krate: syn::Path = parsed
        .as_ref()
        .and_then(|(a, _)| a.krate.as_ref().map(|k| k.0.clone()))
        .unwrap_or_else(|| syn::parse_quote!(::cors_runtime));
    let routes = route::find(&item_fn.attrs, &mut errors);
    let valid = match (&parsed, &routes) {
        (Some((args, keys)), Some(routes)) => lower::check(args, keys, routes.methods(), &mut errors),
        _ => None,
    };
    match (valid, routes) {
        (Some(v), Some(routes)) if errors.is_empty() => expand::expand(&krate, &item_fn, &routes, &v),
        (_, routes) => expand::fallback(&krate, &item_fn, routes.as_ref(), errors.to_compile_errors()),
    }
}
