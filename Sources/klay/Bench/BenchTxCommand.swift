import ArgumentParser
import Foundation
import KlayPrimitives
import KlayTypes

/// `klay bench tx`: decoding raw value transfers and recovering their signers, against bare ecrecover
/// over the same signatures measured in the same run.
struct BenchTxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tx",
        abstract: "Measure transaction decoding with signer recovery against bare ecrecover.",
        discussion: """
            Builds 10,000 signed value transfers (Klaytn ValueTransfer 0x08 and EIP-155 legacy, 16 fixed keys; \
            signing is not timed), then times strict decoding plus signer recovery over all of them, and \
            ecrecover alone over the same hashes and signatures. The three are interleaved in chunks of 100 \
            transactions and each figure is the median over chunks, so load from other processes skews them \
            alike. Build in release (`swift build -c release`).
            """
    )

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Option(help: "Passes over the 10,000 transactions.")
    var rounds: Int = 3

    static let transactionCount = 10_000
    static let chunkSize = 100
    static let chainID: UInt64 = 8_217

    /// One signed transfer as the node receives it, and what recovery must give back.
    struct Sample {
        let raw: [UInt8]
        let signer: Address
        let hash: Hash
        let recoveryID: UInt64
        let r: UInt256
        let s: UInt256
    }

    func run() throws {
        let keys = try (0..<16).map { try PrivateKey(bytes: Keccak256.hash(Array("klay bench tx \($0)".utf8)).bytes) }
        let valueTransfers = Self.samples(type: .valueTransfer, keys: keys)
        let legacy = Self.samples(type: .legacy, keys: keys)
        let work: [(Sample) -> Address?] = [
            { sample in try? Transaction(rawBytes: sample.raw).recoverSigners(chainID: Self.chainID)[0].address },
            { sample in try? Transaction(rawBytes: sample.raw).sender(chainID: Self.chainID) },
            { sample in try? Secp256k1.recoverAddress(hash: sample.hash, v: sample.recoveryID, r: sample.r, s: sample.s) },
        ]
        let inputs = [valueTransfers, legacy, valueTransfers]

        var mismatches = 0
        var perChunk: [[Double]] = Array(repeating: [], count: work.count)
        let clock = ContinuousClock()
        for round in 0...max(rounds, 1) {  // round 0 warms up and is not recorded
            for start in stride(from: 0, to: Self.transactionCount, by: Self.chunkSize) {
                let chunk = start..<start + Self.chunkSize
                for (index, body) in work.enumerated() {
                    let elapsed = clock.measure {
                        for i in chunk where body(inputs[index][i]) != inputs[index][i].signer { mismatches += 1 }
                    }
                    if round > 0 { perChunk[index].append(Self.seconds(elapsed) / Double(Self.chunkSize)) }
                }
            }
        }
        guard mismatches == 0 else { throw ValidationError("recovery gave \(mismatches) wrong signers") }

        let (valueTransfer, legacyTransfer, ecrecover) = (Self.median(perChunk[0]), Self.median(perChunk[1]), Self.median(perChunk[2]))
        let results: [(String, String)] = [
            ("txs", String(Self.transactionCount)),
            ("value_transfer_decode_recover_us_per_tx", Self.micros(valueTransfer)),
            ("value_transfer_decode_recover_tx_per_s", String(Int((1 / valueTransfer).rounded()))),
            ("legacy_decode_recover_us_per_tx", Self.micros(legacyTransfer)),
            ("legacy_decode_recover_tx_per_s", String(Int((1 / legacyTransfer).rounded()))),
            ("ecrecover_us", Self.micros(ecrecover)),
            ("ecrecover_per_s", String(Int((1 / ecrecover).rounded()))),
            ("value_transfer_cost_over_ecrecover", String(format: "%.3f", valueTransfer / ecrecover)),
            ("legacy_cost_over_ecrecover", String(format: "%.3f", legacyTransfer / ecrecover)),
        ]
        if json {
            print("{" + results.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
        } else {
            for (name, value) in results { print(name.padding(toLength: 40, withPad: " ", startingAt: 0), value) }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    static func micros(_ seconds: Double) -> String { String(format: "%.2f", seconds * 1e6) }

    /// Signed transfers of `type` (ValueTransfer or legacy) spread over `keys`, each with its own nonce,
    /// recipient and value.
    static func samples(type: TxType, keys: [PrivateKey]) -> [Sample] {
        (0..<transactionCount).map { index in
            let key = keys[index % keys.count]
            var tx = Transaction(type: type)
            tx.nonce = UInt64(index / keys.count)
            tx.gasPrice = UInt256(25_000_000_000)
            tx.gas = 21_000
            tx.to = Address(lastBytesOf: Keccak256.hash(Array("recipient \(index)".utf8)))
            tx.value = UInt256(UInt64(index) &* 1_000_000_007 &+ 1)
            if type.encoding == .klaytn { tx.from = key.address }
            tx.sign(with: key, chainID: chainID)
            let signature = tx.signatures[0]
            return Sample(raw: tx.rawBytes, signer: key.address, hash: tx.signatureHash(chainID: chainID),
                          recoveryID: signature.v.limbs.0 - 35 - 2 * chainID, r: signature.r, s: signature.s)
        }
    }
}
