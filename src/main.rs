//! The `relgraph` command: a thin shell that parses arguments, calls the library and
//! prints. Exit codes: 0 found, 1 nothing found, 2 bad usage or bad input, 3 store error.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
