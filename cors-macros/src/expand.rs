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

    let (file, line) = emit::call_site();
    let Parts { policy, check, shared, answered } = parts(&p, &source);
    let specs = route_specs(&p, name, routes, &answered);
    let registrations = registrations(&p, krate, name, routes);
    let dev = quote!(#krate::__private::actix_web::dev);
    let applied = crate::route::APPLIED;
    // The route attributes are read here rather than expanded: their imports are still used.
    // (Under `#[routes]`, only `routes` is a macro; the attributes below it are read by it.)
    let attr_paths: Vec<&Path> = match &routes.routes_marker {
        Some(marker) => vec![marker.path()],
        None => routes.routes.iter().map(|r| r.attr.path()).collect(),
    };
    quote! {
        #(#docs)*
        #[allow(non_camel_case_types)]
        #vis struct #name;

        impl #dev::HttpServiceFactory for #name {
            fn register(self, __config: &mut #dev::AppService) {
                // One path into the runtime: a wrong `crate = ...` is reported once.
                use #krate::__private as __cors_rt;
                #(#[allow(unused_imports)] use #attr_paths as _;)*
                // The routes, as registered and as the audit lists them (at link time: no
                // request ever reads the record).
                static __CORS_HANDLER: #p::HandlerRecord = {
                    #check
                    #p::HandlerRecord {
                        name: ::core::stringify!(#name),
                        shared: #shared,
                        policy: &#policy,
                        routes: &[#(#specs),*],
                        file: #file,
                        line: #line,
                    }
                };
                #p::inventory::submit! { #p::Record::Handler(&__CORS_HANDLER) }
                #(#others)*
                #[doc = #applied]
                #inner
                #(#registrations)*
            }
        }
    }
}

/// What a handler's expansion needs from its policy's source.
struct Parts {
    /// The policy: its name, or its value for an inline policy.
    policy: TokenStream,
    /// The compile-time check of a shared policy's `methods` against the route's.
    check: TokenStream,
    /// `Some(name)` of a shared policy, as the audit shows it.
    shared: TokenStream,
    /// The methods whose preflights the routes answer.
    answered: Vec<String>,
}

fn parts(p: &TokenStream, source: &Source<'_>) -> Parts {
    match source {
        Source::Inline(valid) => {
            // Written into the handler's one `static`: each further item costs compile time.
            let record = emit::record(p, valid, None);
            let value = emit::policy(p, valid, Some(&quote!(&#record)));
            Parts {
                policy: value,
                check: quote!(),
                shared: quote!(::core::option::Option::None),
                answered: valid.methods.clone().unwrap_or_default(),
            }
        }
        Source::Shared { name: policy, answered, own } => {
            let short = policy.segments.last().map(|s| s.ident.to_string());
            Parts {
                policy: quote!(#policy),
                check: methods_listed(p, policy, own),
                shared: quote!(::core::option::Option::Some(#short)),
                answered: answered.clone(),
            }
        }
    }
}

/// One `RouteSpec` per route attribute: what registration and the audit read.
fn route_specs(p: &TokenStream, name: &syn::Ident, routes: &Routes, answered: &[String]) -> Vec<TokenStream> {
    let specs = routes.routes.iter().map(|r| {
        let path = &r.path;
        let resource_name = r.name.as_ref().map_or_else(|| name.to_string(), LitStr::value);
        let served = &r.methods;
        let answered = answered.iter().filter(|m| served.contains(m));
        let guards = &r.guards;
        quote! {
            #p::RouteSpec {
                path: #path,
                name: #resource_name,
                served: &[#(#served),*],
                answered: &[#(#answered),*],
                guards: &[#(#guards),*],
            }
        }
    });
    specs.collect()
}

/// Without middleware of the route's own, the handler's service applies the policy itself;
/// with some, the policy's middleware goes around them, so that their answers and errors are
/// decorated too (actix-web applies each `wrap` around the previous).
fn registrations(p: &TokenStream, krate: &Path, name: &syn::Ident, routes: &Routes) -> Vec<TokenStream> {
    let dev = quote!(#krate::__private::actix_web::dev);
    let each = routes.routes.iter().enumerate().map(|(i, r)| {
        let wraps = &r.wraps;
        if wraps.is_empty() {
            quote!(#p::register(__config, &__CORS_HANDLER, #i, #name);)
        } else {
            quote! {
                #dev::HttpServiceFactory::register(
                    #p::resource(&__CORS_HANDLER.routes[#i]) #(.wrap(#wraps))* .wrap(#p::route_middleware(&__CORS_HANDLER, #i)).to(#name),
                    __config,
                );
            }
        }
    });
    each.collect()
}

/// A shared policy that lists `methods` must list every method the route serves: checked
/// while the crate compiles, by the initialiser of the route's `static`, which reads the
/// policy, with the error on its name.
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
        if !#p::lists_methods(&#policy, &[#(#served),*]) {
            ::core::panic!(#message)
        }
    }
}

/// `policy!`'s value, with its record for the audit. `name` is the `static` it initialises.
pub fn policy(krate: &Path, valid: &ValidPolicy, name: Option<&str>) -> TokenStream {
    let p = quote!(__cors_rt);
    let record = emit::record(&p, valid, name);
    let value = emit::policy(&p, valid, Some(&quote!(&__CORS_AUDIT)));
    quote! {{
        use #krate::__private as __cors_rt;
        static __CORS_AUDIT: #p::PolicyRecord = #record;
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
