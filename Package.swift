// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "klaytn-swift",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "klay", targets: ["klay"]),
        .library(name: "KlayPrimitives", targets: ["KlayPrimitives"]),
        .library(name: "KlayTypes", targets: ["KlayTypes"]),
        .library(name: "KlayTrie", targets: ["KlayTrie"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // System-library shims for Debian's -dev packages.
        .systemLibrary(
            name: "CSecp256k1",
            pkgConfig: "libsecp256k1",
            providers: [.apt(["libsecp256k1-dev"])]
        ),
        .systemLibrary(
            name: "CRocksDB",
            pkgConfig: "rocksdb",
            providers: [.apt(["librocksdb-dev"])]
        ),
        .target(
            name: "KlayPrimitives",
            dependencies: [
                "CSecp256k1",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "KlayStorage",
            dependencies: ["CRocksDB"]
        ),
        .target(
            name: "KlayTypes",
            dependencies: ["KlayPrimitives"]
        ),
        .target(
            name: "KlayPrecompiles",
            dependencies: [
                "KlayPrimitives",
                "KlayTypes",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "KlayTrie",
            dependencies: ["KlayPrimitives"]
        ),
        .target(
            name: "KlayState",
            dependencies: ["KlayPrimitives", "KlayTypes", "KlayStorage", "KlayTrie"]
        ),
        .target(
            name: "KlayEVM",
            dependencies: ["KlayPrimitives", "KlayTypes", "KlayState", "KlayPrecompiles"]
        ),
        .target(
            name: "KlayConsensus",
            dependencies: ["KlayPrimitives", "KlayTypes"]
        ),
        .target(
            name: "KlayChainStore",
            dependencies: ["KlayPrimitives", "KlayTypes", "KlayStorage"]
        ),
        .target(
            name: "KlayTxPool",
            dependencies: ["KlayPrimitives", "KlayTypes"]
        ),
        .target(
            name: "KlayChain",
            dependencies: [
                "KlayPrimitives", "KlayTypes", "KlayStorage", "KlayTrie", "KlayState", "KlayPrecompiles", "KlayEVM",
                "KlayChainStore", "KlayConsensus",
            ]
        ),
        .target(
            name: "KlayNode",
            dependencies: [
                "KlayPrimitives", "KlayTypes", "KlayStorage", "KlayState", "KlayChain", "KlayChainStore", "KlayConsensus",
                "KlayTxPool",
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "KlayRPC",
            dependencies: [
                "KlayPrimitives", "KlayTypes", "KlayStorage", "KlayState", "KlayEVM", "KlayChain", "KlayChainStore",
                "KlayConsensus", "KlayTxPool", "KlayNode",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // Shared by the test targets only: the vectors locator and a seeded generator.
        .target(
            name: "KlayTestSupport"
        ),
        .executableTarget(
            name: "klay",
            dependencies: [
                "KlayPrimitives",
                "KlayTypes",
                "KlayStorage",
                "KlayState",
                "KlayEVM",
                "KlayChain",
                "KlayNode",
                "KlayRPC",
                "KlayTxPool",
                "KlayConsensus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "KlayPrimitivesTests",
            dependencies: [
                "KlayTestSupport",
                "KlayPrimitives",
                .product(name: "BigInt", package: "BigInt"),
            ]
        ),
        .testTarget(
            name: "KlayConsensusTests",
            dependencies: ["KlayTestSupport", "KlayConsensus", "KlayTypes", "KlayPrimitives"]
        ),
        .testTarget(
            name: "KlayChainStoreTests",
            dependencies: ["KlayTestSupport", "KlayChainStore", "KlayTypes", "KlayPrimitives", "KlayStorage"]
        ),
        .testTarget(
            name: "KlayTxPoolTests",
            dependencies: ["KlayTestSupport", "KlayTxPool", "KlayTypes", "KlayPrimitives"]
        ),
        .testTarget(
            name: "KlayChainTests",
            dependencies: [
                "KlayTestSupport", "KlayChain", "KlayChainStore", "KlayConsensus", "KlayTxPool", "KlayNode", "KlayEVM",
                "KlayState", "KlayStorage", "KlayTypes", "KlayPrimitives",
            ],
            exclude: ["Contracts"]
        ),
        .testTarget(
            name: "KlayNodeTests",
            dependencies: [
                "KlayTestSupport", "KlayNode", "KlayChain", "KlayChainStore", "KlayConsensus", "KlayTxPool", "KlayState",
                "KlayStorage", "KlayTypes", "KlayPrimitives",
            ]
        ),
        .testTarget(
            name: "KlayRPCTests",
            dependencies: [
                "KlayTestSupport", "KlayRPC", "KlayNode", "KlayChain", "KlayChainStore", "KlayTxPool", "KlayState",
                "KlayStorage", "KlayTypes", "KlayPrimitives",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "KlayStorageTests",
            dependencies: ["KlayTestSupport", "KlayStorage"]
        ),
        .testTarget(
            name: "KlayStateTests",
            dependencies: ["KlayTestSupport", "KlayState", "KlayTypes", "KlayPrimitives", "KlayStorage"]
        ),
        .testTarget(
            name: "KlayEVMTests",
            dependencies: ["KlayTestSupport", "KlayEVM", "KlayState", "KlayTypes", "KlayPrimitives", "KlayTrie", "KlayStorage"]
        ),
        .testTarget(
            name: "KlayTypesTests",
            dependencies: ["KlayTestSupport", "KlayTypes", "KlayPrimitives"]
        ),
        .testTarget(
            name: "KlayTrieTests",
            dependencies: ["KlayTestSupport", "KlayTrie", "KlayPrimitives"]
        ),
        .testTarget(
            name: "KlayPrecompilesTests",
            dependencies: [
                "KlayTestSupport",
                "KlayPrecompiles",
                "KlayTypes",
                "KlayPrimitives",
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
