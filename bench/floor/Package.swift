// swift-tools-version:6.1
// The framework's floor for bench/taguette_bench.py: a bare Hummingbird server that takes a
// coding write's JSON body and answers at once, with no store, no checks and no middleware. What
// a coding write costs beyond this is Fieldwork's own work.
import PackageDescription

let package = Package(
    name: "hummingbird-floor",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Fieldwork", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0", traits: []),
    ],
    targets: [
        .executableTarget(name: "hummingbird-floor", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            // Fieldwork's way of running requests on their event loops, and nothing else of it.
            .product(name: "FieldworkServing", package: "Fieldwork"),
        ]),
    ]
)
