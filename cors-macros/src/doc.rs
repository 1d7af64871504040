/// Compile-time checked CORS for one actix-web handler.
#[proc_macro_attribute]
pub fn cors(args: TokenStream, item: TokenStream) -> TokenStream {
    cors_impl(args.into(), item.into()).into()
}
