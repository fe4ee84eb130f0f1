// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "Sift",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "sift", targets: ["sift"]),
    .library(name: "SiftKit", targets: ["SiftKit"]),
    // The team screening server: built only when asked (`make server`), never on the CLI's build path.
    .executable(name: "sift-server", targets: ["sift-server"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // Tests only: property-based testing for Swift Testing.
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    // Server only (SiftTeamStore, SiftServer, sift-server and their tests).
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
  ],
  targets: [
    // The model and pure logic: no I/O, no dependencies.
    .target(name: "SiftCore"),
    // libxml2 through pkg-config, with the ICU shim (see Sources/CLibXML2/shim.h).
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // Stages, one each.
    .target(name: "SiftIngest", dependencies: ["SiftCore", "CLibXML2"]),
    .target(name: "SiftDedup", dependencies: ["SiftCore"]),
    .target(name: "SiftScreen", dependencies: ["SiftCore"]),
    .target(name: "SiftExtract", dependencies: ["SiftCore"]),
    .target(name: "SiftReport", dependencies: ["SiftCore"]),
    // Persistence.
    .target(
      name: "SiftStore",
      dependencies: ["SiftCore", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    // Use cases shared by the CLI (and later the server).
    .target(
      name: "SiftKit",
      dependencies: [
        "SiftCore", "SiftIngest", "SiftDedup", "SiftScreen", "SiftExtract", "SiftReport", "SiftStore",
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    // The thin command.
    .executableTarget(
      name: "sift",
      dependencies: [
        "SiftKit", "SiftCore", "SiftIngest", "SiftExtract",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The team server: a store protocol with SQLite and PostgreSQL implementations, the web application, its command.
    .target(
      name: "SiftTeamStore",
      dependencies: ["SiftCore", "SiftStore", .product(name: "PostgresNIO", package: "postgres-nio")]
    ),
    .target(
      name: "SiftServer",
      dependencies: [
        "SiftCore", "SiftKit", "SiftStore", "SiftTeamStore",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "_CryptoExtras", package: "swift-crypto"),
      ]
    ),
    .executableTarget(
      name: "sift-server",
      dependencies: ["SiftServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // Benchmark driver and data generator (make bench).
    .executableTarget(
      name: "sift-bench",
      dependencies: ["SiftKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),

    // Tests: one target per library, shared support, and end-to-end tests of the `sift` command.
    .target(name: "TestSupport", dependencies: ["SiftCore"], path: "Tests/TestSupport"),
    .testTarget(name: "SiftCoreTests", dependencies: ["SiftCore", "TestSupport"]),
    .testTarget(
      name: "SiftIngestTests",
      dependencies: ["SiftIngest", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
    .testTarget(
      name: "SiftDedupTests",
      dependencies: [
        "SiftDedup", "SiftIngest", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(name: "SiftScreenTests", dependencies: ["SiftScreen", "TestSupport"]),
    .testTarget(name: "SiftExtractTests", dependencies: ["SiftExtract", "TestSupport"], exclude: ["Golden"]),
    .testTarget(
      name: "SiftReportTests",
      dependencies: [
        "SiftReport", "SiftIngest", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(name: "SiftStoreTests", dependencies: ["SiftStore", "TestSupport"]),
    .testTarget(name: "SiftKitTests", dependencies: ["SiftKit", "TestSupport"]),
    .testTarget(name: "SiftTeamStoreTests", dependencies: ["SiftTeamStore", "SiftKit", "TestSupport"]),
    .testTarget(
      name: "SiftServerTests",
      dependencies: ["SiftServer", "TestSupport", .product(name: "HummingbirdTesting", package: "hummingbird")]
    ),
    .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
  ]
)
