//! End-to-end scenarios on the real app window. Run by scripts/test under Xvfb:
//! `cargo test --test e2e -- --test-threads=1`. To add one: a new `async fn` with
//! `#[tokio::test]` in the module of its screen, starting from `Home::new()`.

mod harness;
#[path = "../support/mod.rs"]
mod support;

mod access;
mod bench;
mod day;
mod exports;
mod flow;
mod grid;
mod import;
mod laptop;
mod people;
mod print;
mod review;
mod safety;
mod start;
mod tables;
