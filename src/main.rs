fn main() -> std::process::ExitCode {
    cocreate::install_crypto_provider();
    cocreate::cli::main()
}
