//! Writing the compiled form into the user's crate: `cors_policy::compile`'s result, as a
//! constant expression of the runtime's served form. Nothing here decides anything.

use cors_policy::{AllowedOrigins, Compiled, CompiledOrigins, DevOrigins, OriginTable, ValidPolicy, compile};
use proc_macro2::TokenStream;
use quote::quote;

/// `Policy` as a constant expression: one value per build configuration when `dev_origins`
/// are listed, chosen by `debug_assertions` in the crate that writes the policy, so that a
/// release build holds none of them.
/// `audit` is an expression for the policy's `&'static PolicyRecord`, for shared policies.
pub fn policy(p: &TokenStream, valid: &ValidPolicy, audit: Option<&TokenStream>) -> TokenStream {
    let audit = option(audit.cloned());
    let served = compile(valid, DevOrigins::Serve);
    if valid.dev_origins.is_empty() {
        return served_policy(p, &served, &audit);
    }
    let with_dev = served_policy(p, &served, &audit);
    let without = served_policy(p, &compile(valid, DevOrigins::Leave), &audit);
    quote! {{
        #[cfg(debug_assertions)]
        const __CORS_POLICY: #p::Policy = #with_dev;
        #[cfg(not(debug_assertions))]
        const __CORS_POLICY: #p::Policy = #without;
        __CORS_POLICY
    }}
}

fn served_policy(p: &TokenStream, c: &Compiled, audit: &TokenStream) -> TokenStream {
    let origins = match &c.origins {
        CompiledOrigins::Any => quote!(#p::Origins::Any),
        CompiledOrigins::Table(t) => {
            let t = table(p, t);
            quote!(#p::Origins::Table(#t))
        }
        CompiledOrigins::Store { name, dev } => {
            let dev = table(p, dev);
            quote!(#p::Origins::Store { name: #p::Cow::Borrowed(#name), dev: #dev })
        }
    };
    let methods = option(c.methods.as_ref().map(|m| strs(p, m)));
    let names = strs(p, &c.headers.names);
    let any_header = c.headers.any;
    let max_len = c.headers.max_name_len;
    let credentials = c.credentials;
    let text = |t: &Option<String>| option(t.as_ref().map(|s| quote!(#p::Text::Static(#s))));
    let expose = text(&c.expose);
    let max_age = text(&c.max_age);
    let write_check = c.write_check;
    quote! {
        #p::policy(#p::Served {
            origins: #origins,
            methods: #methods,
            headers: #p::Headers { any: #any_header, names: #names, max_name_len: #max_len },
            credentials: #credentials,
            expose: #expose,
            max_age: #max_age,
            write_check: #write_check,
            audit: #audit,
        })
    }
}

/// Where the macro was called, as `file!()` and `line!()` say it (which cost more to expand,
/// once per route, than everything else the audit needs).
pub fn call_site() -> (String, u32) {
    if !proc_macro::is_available() {
        return (String::new(), 0);
    }
    let span = proc_macro::Span::call_site();
    (span.file(), u32::try_from(span.line()).unwrap_or(u32::MAX))
}

/// `PolicyRecord` as a constant expression: what the audit lists about a policy, with
/// `dev_origins` only in the build configuration that serves them.
pub fn record(p: &TokenStream, valid: &ValidPolicy, name: Option<&str>) -> TokenStream {
    let name = option(name.map(|n| quote!(#n)));
    let (origins, store): (Vec<String>, _) = match &valid.origins {
        AllowedOrigins::Any => (vec!["*".into()], quote!(::core::option::Option::None)),
        AllowedOrigins::List(list) => (list.iter().map(|o| o.key()).collect(), quote!(::core::option::Option::None)),
        AllowedOrigins::Store(s) => (Vec::new(), quote!(::core::option::Option::Some(#s))),
    };
    let dev: Vec<String> = valid.dev_origins.iter().map(|o| o.key()).collect();
    let methods = option(valid.methods.as_ref().map(|m| quote!(&[#(#m),*])));
    let mut headers: Vec<String> = valid.headers.names.clone();
    if valid.headers.any {
        headers.insert(0, "*".into());
    }
    let mut expose: Vec<String> = valid.expose.names.clone();
    if valid.expose.any {
        expose.insert(0, "*".into());
    }
    let credentials = valid.credentials;
    let max_age = option(valid.max_age.map(|n| quote!(#n)));
    let writes = match (&valid.origins, valid.write_check) {
        (AllowedOrigins::Any, _) => quote!(#p::Writes::AnyOrigin),
        (_, true) => quote!(#p::Writes::Checked),
        (_, false) => quote!(#p::Writes::Accepted),
    };
    let (file, line) = call_site();
    let with = |dev: &[String]| {
        quote! {
            #p::PolicyRecord {
                name: #name,
                origins: &[#(#origins),*],
                store: #store,
                dev_origins: &[#(#dev),*],
                methods: #methods,
                credentials: #credentials,
                headers: &[#(#headers),*],
                expose: &[#(#expose),*],
                max_age: #max_age,
                writes: #writes,
                file: #file,
                line: #line,
            }
        }
    };
    if dev.is_empty() {
        return with(&[]);
    }
    let (debug, release) = (with(&dev), with(&[]));
    quote! {{
        #[cfg(debug_assertions)]
        const __CORS_AUDIT: #p::PolicyRecord = #debug;
        #[cfg(not(debug_assertions))]
        const __CORS_AUDIT: #p::PolicyRecord = #release;
        __CORS_AUDIT
    }}
}

fn table(p: &TokenStream, t: &OriginTable) -> TokenStream {
    let slots = t.slots.iter().map(|slot| match slot {
        Some(s) => {
            let (key, exact) = (&s.key, s.exact);
            quote!(#p::Slot { key: #p::Cow::Borrowed(#key), exact: #exact })
        }
        None => quote!(#p::Slot { key: #p::Cow::Borrowed(""), exact: false }),
    });
    let (wildcards, any_port) = (t.wildcards, t.any_port);
    let lens = t.pattern_lens.0;
    quote! {
        #p::OriginTable {
            slots: #p::Cow::Borrowed(&[#(#slots),*]),
            wildcards: #wildcards,
            any_port: #any_port,
            pattern_lens: #p::KeyLengths([#(#lens),*]),
        }
    }
}

fn strs(p: &TokenStream, items: &[String]) -> TokenStream {
    quote!(#p::Cow::Borrowed(&[#(#p::Cow::Borrowed(#items)),*]))
}

fn option(t: Option<TokenStream>) -> TokenStream {
    match t {
        Some(t) => quote!(::core::option::Option::Some(#t)),
        None => quote!(::core::option::Option::None),
    }
}
