import ArgumentParser
import Foundation
import KlayPrimitives

/// `klay bench primitives`: throughput of the hot primitives (Keccak, ecrecover, RLP, UInt256).
struct BenchPrimitivesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "primitives",
        abstract: "Measure Keccak-256, ecrecover, RLP and UInt256 throughput.",
        discussion: "Build in release (`swift build -c release`). `make bench` also runs the C reference programs in Benchmarks/c and prints ratios."
    )

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Option(help: "Seconds per measurement.")
    var seconds: Double = 1.0

    func run() throws {
        let clock = BenchClock(seconds: seconds)
        var results: [(String, Double)] = []
        results.append(("keccak256_32B_per_s", Self.keccakChained(clock)))
        results.append(("keccak256_1MiB_MB_per_s", Self.keccakThroughput(clock)))
        results.append(("ecrecover_per_s", try Self.ecrecover(clock)))
        results.append(contentsOf: Self.uint256(clock))
        results.append(contentsOf: Self.rlp(clock))
        if json {
            let fields = results.map { "\"\($0.0)\": \(Self.format($0.1))" }
            print("{" + fields.joined(separator: ", ") + "}")
        } else {
            for (name, value) in results {
                print(name.padding(toLength: 32, withPad: " ", startingAt: 0), Self.format(value))
            }
        }
    }

    static func format(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    /// Hashes of 32 bytes where each digest is the next input.
    static func keccakChained(_ clock: BenchClock) -> Double {
        var digest = Hash.zero
        let rate = clock.rate(operationsPerBatch: 10_000) {
            for _ in 0..<10_000 { digest = digest.withUnsafeBytes { Keccak256.hash($0) } }
        }
        benchSink(digest)
        return rate
    }

    /// Megabytes (10^6 bytes) per second over a 1 MiB input.
    static func keccakThroughput(_ clock: BenchClock) -> Double {
        var input = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        let rate = clock.rate(operationsPerBatch: 1) {
            let digest = input.withUnsafeBytes { Keccak256.hash($0) }
            input[0] ^= digest.withUnsafeBytes { $0[0] }
        }
        return rate * Double(input.count) / 1e6
    }

    /// Recover the public key from a 65-byte signature and derive the address.
    static func ecrecover(_ clock: BenchClock) throws -> Double {
        let key = try PrivateKey(bytes: Keccak256.hash(Array("klay bench".utf8)).bytes)
        let message = Keccak256.hash(key.secret.bytes)
        let signature = key.sign(hash: message)
        var address = Address.zero
        let rate = clock.rate(operationsPerBatch: 100) {
            for _ in 0..<100 {
                address = (try? Secp256k1.recoverAddress(
                    hash: message, v: UInt64(signature.recoveryID), r: signature.r, s: signature.s)) ?? .zero
            }
        }
        guard address == key.address else { throw ValidationError("ecrecover returned the wrong address") }
        return rate
    }
}
