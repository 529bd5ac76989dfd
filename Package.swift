// swift-tools-version:6.1
import PackageDescription

// Layout (dependencies point downwards only):
//   fieldwork (tiny @main) -> FieldworkCLI -> FieldworkWeb, FieldworkExchange -> FieldworkServices
//   FieldworkWeb -> FieldworkServing (Hummingbird's server with requests on their event loops; no Fieldwork code)
//   FieldworkServices -> FieldworkStore, FieldworkPostgres, FieldworkMarkdown -> FieldworkCore
// FieldworkCore is the pure domain: value types and algorithms, no I/O, SQL or HTTP.
// FieldworkMarkdown is the only module that touches cmark's C API.
// FieldworkStore is the only module that speaks SQL to SQLite; it implements the store ports declared in Core.
// FieldworkPostgres is the only module that speaks PostgreSQL (a team server): the same ports.
let package = Package(
    name: "Fieldwork",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "fieldwork", targets: ["fieldwork"]),
        // The parsers' public entry points, for the libFuzzer targets in bench/fuzz (`make stress`).
        .library(name: "FieldworkParsing", targets: ["FieldworkServices", "FieldworkExchange"]),
        // How the server runs requests on their event loops, for the bare floor in bench/floor.
        .library(name: "FieldworkServing", targets: ["FieldworkServing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // No default traits: URL-encoded forms on FoundationEssentials suffice, and skipping
        // swift-configuration keeps the clean build (CI) shorter.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0", traits: []),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // NIOCore's TimeAmount for the server's idle timeout (already in the graph through Hummingbird).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        // The server runs the store's housekeeping as a service beside Hummingbird's (already in the graph).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
        // The PostgreSQL wire protocol for the team server's store (FieldworkPostgres only).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        // bcrypt for team accounts' passwords (only the HummingbirdBcrypt product is built).
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        .target(name: "FieldworkCore"),
        // Waiting for child processes off Swift's cooperative threads (server and tests).
        .target(name: "FieldworkProcess"),
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "FieldworkMarkdown", dependencies: ["CCmark", "FieldworkCore"]),
        .target(
            name: "FieldworkStore",
            dependencies: [
                "FieldworkCore", .product(name: "GRDB", package: "GRDB.swift"),
                // The C API for telemetry import: binding integers straight into a prepared statement.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "FieldworkPostgres",
            dependencies: [
                "FieldworkCore", "FieldworkProcess",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // Only to recognise the pool's "gave up connecting" error (`PostgresStore+Availability`).
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "FieldworkServices",
            dependencies: [
                "FieldworkCore", "FieldworkMarkdown", "FieldworkStore", "FieldworkPostgres", "FieldworkProcess",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                // NIOThreadPool: bcrypt runs there, off the event loops and the task executor.
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "FieldworkExchange",
            dependencies: [
                "FieldworkCore", "FieldworkServices",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ]
        ),
        // Hummingbird's HTTP/1 server with each connection's requests on its own event loop: no
        // Fieldwork code, so bench/floor serves a bare Hummingbird the same way.
        .target(
            name: "FieldworkServing",
            dependencies: [
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "FieldworkWeb",
            dependencies: [
                "FieldworkCore", "FieldworkServices", "FieldworkServing",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Static")]
        ),
        .target(
            name: "FieldworkCLI",
            dependencies: [
                "FieldworkCore", "FieldworkServices", "FieldworkWeb", "FieldworkExchange",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "fieldwork",
            dependencies: ["FieldworkCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // What several test targets share: seeded generators, running programs, the built binary.
        .target(name: "FieldworkTestSupport", dependencies: ["FieldworkProcess"], path: "Tests/FieldworkTestSupport"),
        .testTarget(name: "FieldworkCoreTests", dependencies: ["FieldworkCore", "FieldworkTestSupport"]),
        .testTarget(name: "FieldworkMarkdownTests", dependencies: ["FieldworkCore", "FieldworkMarkdown", "FieldworkTestSupport"]),
        .testTarget(
            name: "FieldworkStoreTests",
            dependencies: ["FieldworkCore", "FieldworkStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The store contract: the same tests against SQLite and (with FIELDWORK_TEST_POSTGRES_URL) PostgreSQL.
        .testTarget(
            name: "FieldworkStoreContractTests",
            dependencies: [
                "FieldworkCore", "FieldworkStore", "FieldworkPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "FieldworkServicesTests", dependencies: ["FieldworkCore", "FieldworkServices", "FieldworkTestSupport"],
            exclude: ["Checking/FuzzCorpus"]
        ),
        .testTarget(
            name: "FieldworkServingTests",
            dependencies: [
                "FieldworkServing",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "FieldworkWebTests",
            dependencies: [
                "FieldworkCore", "FieldworkServices", "FieldworkServing", "FieldworkWeb", "FieldworkTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "FieldworkExchangeTests",
            dependencies: ["FieldworkCore", "FieldworkServices", "FieldworkExchange", "FieldworkTestSupport"],
            exclude: ["FuzzCorpus"],
            resources: [.copy("Resources")]
        ),
        // Runs the real `fieldwork` binary: the dependency only makes sure it is built.
        .testTarget(name: "FieldworkCLITests", dependencies: [
            "fieldwork", "FieldworkProcess", "FieldworkTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)

// Members of a module are visible only where it is imported: without this, GRDB's
// string-interpolation and `joined` extensions leak into modules that never import GRDB.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}
