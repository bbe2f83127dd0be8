fn main() -> std::process::ExitCode {
    journee::cli::main()
}
