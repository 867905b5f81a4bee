// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "sopkit",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "sopkit", targets: ["SOPKitCLI"]),
    .library(name: "SOPKit", targets: ["SOPKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    // Hummingbird's own transport: the preview server adds a channel handler of its own (header timeout, HTTP/1.0).
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
  ],
  targets: [
    .systemLibrary(
      name: "CCmark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
    ),
    .target(name: "CAtomicSwap"),
    // The commit `sopkit --version` names, which `.ci/release` passes in through a header of its own.
    .target(name: "CBuildInfo"),
    .target(
      name: "SOPKit",
      dependencies: [
        "CCmark",
        "CAtomicSwap",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .executableTarget(
      name: "SOPKitCLI",
      dependencies: [
        "SOPKit",
        "CBuildInfo",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // mimalloc (Debian libmimalloc-dev) replaces malloc for the whole program: with glibc's allocator a
      // 100,000-guide build took about a sixth longer and held 0.8 GB more at its peak.
      linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
    ),
    // No HummingbirdTesting: it brings AsyncHTTPClient and BoringSSL, over ten minutes of every clean CI build;
    // PreviewServerTests run the server on a real port and ask it with Support/RawHTTPClient instead.
    // ZIPFoundation reads the bundles back, to check their entries; CCmark renders with cmark's own allocator, to
    // compare against.
    .testTarget(
      name: "SOPKitTests",
      dependencies: ["SOPKit", "CCmark", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    .testTarget(name: "SOPKitCLITests", dependencies: ["SOPKit", "SOPKitCLI"]),
  ]
)
