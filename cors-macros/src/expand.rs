//! Code generation, from a validated policy only: the handler with its route middleware and
//! preflight routes, `policy!`'s constant, and the stubs emitted after an error.

use cors_policy::ValidPolicy;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{ItemFn, LitStr, Path};

use crate::emit;
use crate::route::Routes;

/// Which policy a handler serves.
pub enum Source<'a> {
    /// Written out in its own `#[cors(...)]`.
    Inline(&'a ValidPolicy),
    /// A shared policy by name. Preflights answer `answered` (the route's own methods, or
    /// those it narrows the policy to); when the policy lists `methods`, it must list every
    /// one of `own`, the route's methods that browsers send cross-origin.
    Shared { name: &'a Path, answered: Vec<String>, own: Vec<String> },
}

/// The handler struct and, per route attribute, the resource `#[cors]` registers in place of
/// actix-web's route macro: the route attribute's path, name, guards and middleware, with the
/// CORS middleware outermost, answering the route's preflights itself.
///
/// One resource per route attribute, so that a request is matched against the path once. Its
/// guard admits the route's methods and the preflights asking for them; requests for other
/// methods fall through to later resources, as with actix-web's own macros. A preflight is
/// admitted by the method it asks for, never as an `OPTIONS` request, so a handler serving
/// `OPTIONS` never answers another handler's preflights, in whatever order they were
/// registered, and no handler ever sees a preflight.
pub fn handler(krate: &Path, item: &ItemFn, routes: &Routes, source: Source<'_>) -> TokenStream {
    let p = quote!(__cors_rt);
    let name = &item.sig.ident;
    let vis = &item.vis;
    let docs: Vec<_> = routes.others.iter().filter(|a| a.path().is_ident("doc")).collect();
    let others = &routes.others;
    let mut inner = item.clone();
    inner.attrs.clear();

    let audit = route_records(krate, item, routes, &source);
    let (policy, setup, answered) = match source {
        Source::Inline(valid) => {
            let value = emit::policy(&p, valid, None);
            let setup = quote!(static __CORS_POLICY: #p::Policy = #value;);
            (quote!(__CORS_POLICY), setup, valid.methods.clone().unwrap_or_default())
        }
        Source::Shared { name: policy, answered, own } => (quote!(#policy), methods_listed(&p, policy, &own), answered),
    };
    let applied = crate::route::APPLIED;
    // The route attributes are read here rather than expanded: their imports are still used.
    // (Under `#[routes]`, only `routes` is a macro; the attributes below it are read by it.)
    let attr_paths: Vec<&Path> = match &routes.routes_marker {
        Some(marker) => vec![marker.path()],
        None => routes.routes.iter().map(|r| r.attr.path()).collect(),
    };
    let web = quote!(#p::actix_web);
    let dev = quote!(#krate::__private::actix_web::dev);
    let resources = routes.routes.iter().map(|r| {
        let path = &r.path;
        let resource_name = r.name.as_ref().map_or_else(|| name.to_string(), LitStr::value);
        let served = &r.methods;
        let answered = answered.iter().filter(|m| served.contains(m));
        let guards = &r.guards;
        let wraps = &r.wraps;
        // Without middleware of the route's own, the handler's service applies the policy
        // itself; with some, the policy's middleware goes around them, so that their answers
        // and errors are decorated too (actix-web applies each `wrap` around the previous).
        let service = if wraps.is_empty() {
            quote!(.route(#web::Route::new().service(#p::handler_service(&#policy, &[#(#answered),*], #path, #name))))
        } else {
            quote!(#(.wrap(#wraps))* .wrap(#p::route_cors(&#policy, &[#(#answered),*], #path)) .to(#name))
        };
        quote! {
            let __resource = #web::Resource::new(#path)
                .name(#resource_name)
                .guard(#p::RouteGuard::new(&[#(#served),*]))
                #(.guard(#web::guard::fn_guard(#guards)))*
                #service;
            #dev::HttpServiceFactory::register(__resource, __config);
        }
    });
    quote! {
        #(#docs)*
        #[allow(non_camel_case_types)]
        #vis struct #name;

        impl #dev::HttpServiceFactory for #name {
            fn register(self, __config: &mut #dev::AppService) {
                // One path into the runtime: a wrong `crate = ...` is reported once.
                use #krate::__private as __cors_rt;
                #(#[allow(unused_imports)] use #attr_paths as _;)*
                #setup
                #(#others)*
                #[doc = #applied]
                #inner
                #(#resources)*
            }
        }

        #audit
    }
}

/// The audit's records of a handler: one per route attribute, registered at link time. No
/// request reads them.
fn route_records(krate: &Path, item: &ItemFn, routes: &Routes, source: &Source<'_>) -> TokenStream {
    let p = quote!(__cors_rt);
    let name = item.sig.ident.to_string();
    let (own, policy, answered) = match source {
        Source::Inline(valid) => {
            let ident = syn::Ident::new("__CORS_AUDIT", proc_macro2::Span::call_site());
            let record = emit::record(&p, &ident, valid, None);
            (record, quote!(#p::RoutePolicy::Own(&__CORS_AUDIT)), valid.methods.clone().unwrap_or_default())
        }
        Source::Shared { name: shared, answered, .. } => {
            let text = quote!(#shared).to_string().replace(' ', "");
            let short = shared.segments.last().map_or(text, |s| s.ident.to_string());
            let get = quote!({
                fn get() -> &'static #p::Policy {
                    &#shared
                }
                get
            });
            (quote!(), quote!(#p::RoutePolicy::Shared { name: #short, policy: #get }), answered.clone())
        }
    };
    let records = routes.routes.iter().map(|r| {
        let path = &r.path;
        let methods = answered.iter().filter(|m| r.methods.contains(m));
        quote! {
            #p::inventory::submit! {
                #p::Record::Route(&#p::RouteRecord {
                    name: #name,
                    path: #path,
                    methods: &[#(#methods),*],
                    policy: #policy,
                    file: ::core::file!(),
                    line: ::core::line!(),
                })
            }
        }
    });
    quote! {
        const _: () = {
            use #krate::__private as __cors_rt;
            #own
            #(#records)*
        };
    }
}

/// A shared policy that lists `methods` must list every method the route serves: checked
/// while the crate compiles, by a constant that reads the policy, with the error on its name.
fn methods_listed(p: &TokenStream, policy: &Path, served: &[String]) -> TokenStream {
    let name = quote!(#policy).to_string().replace(' ', "");
    let list = served.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ");
    let message = format!(
        "this route serves {list}, and the shared policy `{name}` lists `methods` without all of them\n= help: add the \
         route's methods to `methods` in `{name}`'s `policy!`, or leave `methods` out of it so that each route \
         answers its own"
    );
    let span = policy.span();
    quote_spanned! {span=>
        const _: () = if !#p::lists_methods(&#policy, &[#(#served),*]) {
            ::core::panic!(#message)
        };
    }
}

/// `policy!`'s value, with its record for the audit. `name` is the `static` it initialises.
pub fn policy(krate: &Path, valid: &ValidPolicy, name: Option<&str>) -> TokenStream {
    let p = quote!(__cors_rt);
    let ident = syn::Ident::new("__CORS_AUDIT", proc_macro2::Span::call_site());
    let record = emit::record(&p, &ident, valid, name);
    let value = emit::policy(&p, valid, Some(&quote!(&__CORS_AUDIT)));
    quote! {{
        use #krate::__private as __cors_rt;
        #record
        #p::inventory::submit! { #p::Record::Policy(&__CORS_AUDIT) }
        #value
    }}
}

/// What `policy!` stands for after an error: the errors, and a policy that allows nothing,
/// so that the `static` and everything using it type-check without errors of their own.
pub fn policy_fallback(krate: &Path, errors: TokenStream) -> TokenStream {
    let p = quote!(__cors_rt);
    quote! {{
        #errors
        use #krate::__private as __cors_rt;
        #p::policy(#p::Served {
            origins: #p::Origins::Table(#p::OriginTable {
                slots: #p::Cow::Borrowed(&[]),
                wildcards: false,
                any_port: false,
                pattern_lens: #p::KeyLengths([0; 6]),
            }),
            methods: ::core::option::Option::None,
            headers: #p::Headers { any: false, names: #p::Cow::Borrowed(&[]), max_name_len: 0 },
            credentials: false,
            expose: ::core::option::Option::None,
            max_age: ::core::option::Option::None,
            write_check: true,
            audit: ::core::option::Option::None,
        })
    }}
}

/// What is emitted when the policy is rejected: the errors, and a stub with the handler's
/// name, so that `App::new().service(handler)` does not add an error of its own. When the
/// route attribute itself was understood, the handler is kept inside the stub with it (and
/// without CORS), so its body and its imports are still checked as usual.
pub fn fallback(krate: &Path, item: &ItemFn, routes: Option<&Routes>, errors: TokenStream) -> TokenStream {
    let name = &item.sig.ident;
    let vis = &item.vis;
    let web = quote!(#krate::__private::actix_web);
    let mut inner = item.clone();
    let docs: Vec<_> = item.attrs.iter().filter(|a| a.path().is_ident("doc")).collect();
    let body = match routes {
        Some(r) => {
            inner.attrs = r.others.clone();
            let marker = &r.routes_marker;
            let attrs = &r.routes;
            quote! {
                #marker
                #(#attrs)*
                #inner
                #web::dev::HttpServiceFactory::register(#name, __config);
            }
        }
        None => {
            inner.attrs.clear();
            quote! {
                let _ = __config;
                #[allow(dead_code, unused_variables, clippy::all)]
                #inner
            }
        }
    };
    // Without a route attribute, `#[cors]` may sit below one that already expanded and now
    // passes the handler to `Route::to`: the stub is a handler too, so that adds no error.
    let handler = routes.is_none().then(|| {
        quote! {
            impl #web::Handler<()> for #name {
                type Output = #web::HttpResponse;
                type Future = ::core::future::Ready<#web::HttpResponse>;
                fn call(&self, _: ()) -> Self::Future {
                    ::core::future::ready(#web::HttpResponse::InternalServerError().finish())
                }
            }
        }
    });
    quote! {
        #errors
        #(#docs)*
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        #vis struct #name;

        impl #web::dev::HttpServiceFactory for #name {
            fn register(self, __config: &mut #web::dev::AppService) {
                #body
            }
        }

        #handler
    }
}
