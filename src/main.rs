/// mimalloc rather than the system allocator: under many concurrent requests glibc's malloc
/// took a fifth of the CPU in `make bench` (measured with perf).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cocreate::install_crypto_provider();
    cocreate::cli::main()
}
