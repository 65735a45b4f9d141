//! Gives the shared library a SONAME so consumers that link it by path record `libvtkwire.so`,
//! not the absolute build path. (The header is NOT generated here: `cargo run -p xtask -- header`.)

fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libvtkwire.so");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
