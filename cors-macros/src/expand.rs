//! Code generation, from a validated policy only.

use cors_policy::{OriginList, ValidPolicy};
use proc_macro2::TokenStream;
use quote::quote;
use syn::{ItemFn, Path};

use crate::route::Routes;

/// The static policy: origin table, methods, headers and precomputed header values.
fn policy(krate: &Path, v: &ValidPolicy, dev: bool) -> TokenStream {
    let mut list = OriginList { any: v.origins.any, patterns: v.origins.patterns.clone() };
    if dev {
        list.patterns.extend(v.dev_origins.patterns.iter().cloned());
    }
    let p = quote!(#krate::__private);
    let slots: Vec<TokenStream> = list
        .slots()
        .iter()
        .map(|k| match k.as_str() {
            "" => quote!(#p::Slot::EMPTY),
            k if k.contains('*') => quote!(#p::Slot::pattern(#k)),
            k => quote!(#p::Slot::exact(#k)),
        })
        .collect();
    let n_slots = slots.len();
    let any = list.any;
    let wildcards = list.has_wildcards();
    let any_port = list.has_any_port();
    let lens = cors_policy::table::KeyLengths::of(list.keys().into_iter().filter(|k| k.contains('*'))).0;
    let methods = &v.methods;
    let n_methods = methods.len();
    let any_header = v.headers.any;
    let names = &v.headers.names;
    let n_names = names.len();
    let max_len = v.headers.max_name_len();
    let credentials = v.credentials;
    let hv = quote!(#p::actix_web::http::header::HeaderValue);
    let opt = |s: Option<String>| match s {
        Some(s) => quote!(::core::option::Option::Some(#hv::from_static(#s))),
        None => quote!(::core::option::Option::None),
    };
    let expose = opt(v.expose_value());
    let max_age = opt(v.max_age_value());
    quote! {{
        static SLOTS: [#p::Slot; #n_slots] = [#(#slots),*];
        static METHODS: [#hv; #n_methods] = [#(#hv::from_static(#methods)),*];
        static HEADERS: [#p::Cow<'static, str>; #n_names] = [#(#p::Cow::Borrowed(#names)),*];
        #p::policy(#any, &SLOTS, #wildcards, #any_port, [#(#lens),*], &METHODS, #any_header, &HEADERS, #max_len, #credentials, #expose, #max_age)
    }}
}

/// The handler struct, its route with the CORS middleware, and one preflight resource per
/// route attribute.
pub fn expand(krate: &Path, item: &ItemFn, routes: &Routes, v: &ValidPolicy) -> TokenStream {
    let name = &item.sig.ident;
    let vis = &item.vis;
    let docs: Vec<_> = routes.others.iter().filter(|a| a.path().is_ident("doc")).collect();
    let others = &routes.others;
    let marker = &routes.routes_marker;
    // The route attribute gets a call to a local item, not a path into the runtime: a wrong
    // `crate = ...` is then reported once, on our tokens.
    let wrap = "__cors_middleware()";
    let route_attrs = routes.routes.iter().map(|r| r.with_wrap(wrap));
    let mut inner = item.clone();
    inner.attrs.clear();

    let statics = if v.dev_origins.patterns.is_empty() {
        let p = policy(krate, v, false);
        quote!(static __CORS_POLICY: #krate::Policy = #p;)
    } else {
        let with_dev = policy(krate, v, true);
        let without = policy(krate, v, false);
        quote! {
            #[cfg(debug_assertions)]
            static __CORS_POLICY: #krate::Policy = #with_dev;
            #[cfg(not(debug_assertions))]
            static __CORS_POLICY: #krate::Policy = #without;
        }
    };
    let dev = quote!(#krate::__private::actix_web::dev);
    // Each route attribute's preflights are answered by this handler for every method the
    // route serves: the policy then allows those it lists and refuses the rest with a 403.
    // Preflights for methods the route does not serve fall through to routing.
    let preflights = routes.routes.iter().map(|r| {
        let methods = &r.methods;
        let path = &r.path;
        let guards = &r.guards;
        quote! {
            #dev::HttpServiceFactory::register(
                #krate::preflight_resource(#path, &__CORS_POLICY, &[#(#methods),*], &[#(#guards),*]),
                __config,
            );
        }
    });

    quote! {
        #(#docs)*
        #[allow(non_camel_case_types)]
        #vis struct #name;

        impl #dev::HttpServiceFactory for #name {
            fn register(self, __config: &mut #dev::AppService) {
                #statics
                fn __cors_middleware() -> #krate::__private::RouteCors {
                    #krate::__private::cors(&__CORS_POLICY)
                }
                // Preflights first: an `OPTIONS` route on the same path must not shadow them.
                #(#preflights)*
                #(#others)*
                #marker
                #(#route_attrs)*
                #inner
                #dev::HttpServiceFactory::register(#name, __config);
            }
        }
    }
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
