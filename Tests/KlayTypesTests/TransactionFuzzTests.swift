import Foundation
import KlayPrimitives
import Testing
import KlayTypes
import KlayTestSupport

/// Feeds the decoder seeded random byte strings, and every truncation of each raw transaction in
/// `klaytn-tx-examples.json` plus a bit flip, two byte replacements, a deletion and an insertion at every
/// position, in both raw forms. The decoder must never trap, and whatever decodes must re-encode to
/// exactly the bytes it came from (the decoder is strict, so a hash over re-encoded bytes is the hash
/// over what was received). Decoded transactions also go through intrinsic gas and stateless
/// validation, which must not trap either.
@Suite struct TransactionFuzzTests {

    /// Counts of what the inputs did.
    struct Tally {
        var cases = 0
        var decoded = 0
        var notCanonical: [String] = []
    }

    /// Decodes `bytes` in `form`; if that succeeds, checks the re-encoding and exercises the rest of the API.
    static func exercise(_ bytes: [UInt8], form: Transaction.RawForm, tally: inout Tally) {
        tally.cases += 1
        guard let tx = try? Transaction(rawBytes: bytes, form: form) else { return }
        tally.decoded += 1
        let typedInEthereumForm = form == .ethereum && (0x01...0x7e).contains(bytes[0])
        let reencoded = typedInEthereumForm ? tx.ethereumRawBytes : tx.rawBytes
        // The one shape the decoder accepts non-canonically, as Klaytn does: the type number as a two-byte
        // integer `82 78 0e` (TransactionMalformedTests.typeNumberAsOneTwoByteInteger).
        let canonical = bytes.starts(with: [0x82, 0x78]) ? Array(bytes.dropFirst()) : bytes
        if reencoded != canonical { tally.notCanonical.append(Hex.encode(bytes)) }
        _ = try? tx.intrinsicGas(rules: .ethereumCancun)
        try? tx.validateStateless(rules: .klaytnShanghai)
    }

    /// Every `rawTx` and `ethereumRawTx` of the Klaytn docs' transaction examples.
    static func seeds() throws -> [[UInt8]] {
        let document = try #require(try Vectors.json("klaytn-tx-examples.json") as? [String: Any])
        let vectors = try #require(document["vectors"] as? [[String: Any]])
        return try vectors.flatMap { vector in
            try ["rawTx", "ethereumRawTx"].compactMap { key in try (vector[key] as? String).map { try Hex.decode($0) } }
        }
    }

    @Test func randomByteStrings() throws {
        var random = SeededGenerator(seed: 0x6b6c_6179_7478)
        var tally = Tally()
        let prefixes: [[UInt8]] = [[], [0x08], [0x09], [0x0a], [0x28], [0x78, 0x01], [0x78, 0x02], [0x02], [0xf8], [0xc0]]
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for round in 0..<20_000 {
                let words = (0..<Int.random(in: 0...20, using: &random)).map { _ in random.next() }
                let body = words.withUnsafeBytes { Array($0.prefix(Int.random(in: 0...$0.count, using: &random))) }
                let bytes = prefixes[round % prefixes.count] + body
                Self.exercise(bytes, form: .klaytn, tally: &tally)
                Self.exercise(bytes, form: .ethereum, tally: &tally)
            }
        }
        print("fuzz random byte strings: \(tally.cases) cases, \(tally.decoded) decoded, \(elapsed)")
        #expect(tally.notCanonical.isEmpty, Comment(rawValue: tally.notCanonical.joined(separator: "\n")))
    }

    @Test func truncationsAndMutationsOfTheExamples() throws {
        var random = SeededGenerator(seed: 0x7478_6d75_7461)
        var tally = Tally()
        let seeds = try Self.seeds()
        #expect(seeds.count == 26)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for seed in seeds {
                for form in [Transaction.RawForm.klaytn, .ethereum] {
                    for length in 0..<seed.count { Self.exercise(Array(seed.prefix(length)), form: form, tally: &tally) }
                    for index in seed.indices {
                        var flipped = seed
                        flipped[index] ^= 1 << UInt8.random(in: 0...7, using: &random)
                        Self.exercise(flipped, form: form, tally: &tally)
                        for _ in 0..<2 {
                            var mutated = seed
                            mutated[index] = UInt8.random(in: 0...255, using: &random)
                            Self.exercise(mutated, form: form, tally: &tally)
                        }
                        var removed = seed
                        removed.remove(at: index)
                        Self.exercise(removed, form: form, tally: &tally)
                        var inserted = seed
                        inserted.insert(UInt8.random(in: 0...255, using: &random), at: index)
                        Self.exercise(inserted, form: form, tally: &tally)
                    }
                }
            }
        }
        print("fuzz example mutations: \(tally.cases) cases from \(seeds.count) seeds, \(tally.decoded) decoded, \(elapsed)")
        #expect(tally.decoded > 0)
        #expect(tally.notCanonical.isEmpty, Comment(rawValue: tally.notCanonical.joined(separator: "\n")))
    }
}
