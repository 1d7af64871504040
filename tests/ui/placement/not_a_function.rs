use cors_runtime::cors;

#[cors(origins = ["https://app.example.com"])]
struct Items;

fn main() {
    let _items = Items;
}
