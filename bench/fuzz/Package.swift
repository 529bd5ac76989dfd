// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for every workspace parser: built by bench/fuzz.py (`make stress`) with
// `-sanitize=fuzzer,address -parse-as-library`, so libFuzzer supplies `main`. Not part of the
// main package: its plain `swift build` must not need the fuzzer runtime.
let package = Package(
    name: "FieldworkFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Fieldwork", path: "../..")],
    targets: [
        .executableTarget(
            name: "FieldworkFuzz",
            dependencies: [.product(name: "FieldworkParsing", package: "Fieldwork")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
