import ArgumentParser
import FieldworkCLI

/// The entry point. `@main` makes Swift pick `AsyncParsableCommand`'s async `main()`, which
/// the async subcommands need.
@main
extension FieldworkCommand {}
