// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for every workspace parser: built by bench/fuzz.py (`make stress`) with
// `-sanitize=fuzzer,address -parse-as-library`. SwiftPM links an executable's entry point under
// its own name (`FieldworkFuzz_main`), which hands over to libFuzzer's driver. Not part of the
// main package: its plain `swift build` must not need the fuzzer runtime.
let package = Package(
    name: "FieldworkFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Fieldwork", path: "../..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "FieldworkFuzz",
            dependencies: ["CFuzzerDriver", .product(name: "FieldworkParsing", package: "Fieldwork")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
