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

    /// UInt256 multiplication (low half), division by a 2-limb divisor and MULMOD, chained so each
    /// result feeds the next.
    static func uint256(_ clock: BenchClock) -> [(String, Double)] {
        let seed = UInt256(Keccak256.hash(Array("klay bench uint256".utf8)))
        let divisor = (seed >> 130) | .one
        var x = seed
        let mul = clock.rate(operationsPerBatch: 10_000) {
            for _ in 0..<10_000 { x = x &* seed &+ .one }
        }
        let div = clock.rate(operationsPerBatch: 10_000) {
            for _ in 0..<10_000 { x = (x / divisor) ^ seed }
        }
        let mulmod = clock.rate(operationsPerBatch: 10_000) {
            for _ in 0..<10_000 { x = x.mulMod(seed, modulus: divisor) ^ seed }
        }
        benchSink(x)
        return [("uint256_mul_per_s", mul), ("uint256_div_per_s", div), ("uint256_mulmod_per_s", mulmod)]
    }

    /// RLP of a legacy-transaction-shaped list (nonce, gas price, gas, to, value, data, v, r, s) into a
    /// reused writer, and strict decoding of it back.
    static func rlp(_ clock: BenchClock) -> [(String, Double)] {
        let word = UInt256(Keccak256.hash(Array("klay bench rlp".utf8)))
        let to = Address(lastBytesOf: Keccak256.hash([1]))
        let data = [UInt8](repeating: 0xab, count: 68)
        var writer = RLPWriter(capacity: 256)
        func write(_ writer: inout RLPWriter) {
            writer.list { list in
                list.append(UInt64(42))
                list.append(UInt256(25_000_000_000))
                list.append(UInt64(21_000))
                to.withUnsafeBytes { list.append(bytes: $0) }
                list.append(word >> 64)
                list.append(bytes: data)
                list.append(UInt64(8_217 * 2 + 36))
                list.append(word)
                list.append(word >> 1)
            }
        }
        let encode = clock.rate(operationsPerBatch: 10_000) {
            for _ in 0..<10_000 {
                writer.reset()
                write(&writer)
            }
        }
        let encoded = writer.bytes
        var checksum: UInt64 = 0
        let decode = clock.rate(operationsPerBatch: 10_000) {
            for _ in 0..<10_000 { checksum &+= (try? readLegacyShape(encoded)) ?? 0 }
        }
        benchSink(checksum)
        return [("rlp_encode_tx_per_s", encode), ("rlp_decode_tx_per_s", decode)]
    }

    /// Strictly decodes the list `rlp(_:)` writes and folds its fields into a checksum.
    static func readLegacyShape(_ encoded: [UInt8]) throws(RLPError) -> UInt64 {
        var reader = RLPReader(encoded)
        var list = try reader.readList()
        var sum = try list.readUInt64()
        sum &+= try list.readUInt256().limbs.0
        sum &+= try list.readUInt64()
        sum &+= UInt64(try list.readBytes().count)
        sum &+= try list.readUInt256().limbs.0
        sum &+= UInt64(try list.readBytes().count)
        sum &+= try list.readUInt64()
        sum &+= try list.readUInt256().limbs.0
        sum &+= try list.readUInt256().limbs.0
        try list.finish()
        try reader.finish()
        return sum
    }
}
