import Testing
@testable import KlayPrimitives
import KlayTestSupport

@Suite struct KeccakTests {
    /// The byte pattern (i * 7 + 3) mod 256, for lengths around the 136-byte rate.
    static func pattern(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) } }

    /// Digests from an independent implementation (pycryptodome's `Crypto.Hash.keccak`, digest_bits=256).
    static let patternDigests: [(Int, String)] = [
        (135, "0x00ef96af9cf4b24c7f269d922294444a197d0a33638c2e56634c57e892103a8f"),
        (136, "0x742061bcad767ed4c4f5883b1dcb1aad11afdcc140dc469d953759b127b9f9ed"),
        (137, "0xe3371f61e770abf254c34239c3b0099ad90594507415bc81dd0a10b9692bbf2a"),
        (272, "0xac141fd7b0a0ffcd2e967254d508da3ec616596493c36fa304425647d90e6de5"),
        (1000, "0x80cdc8dd52cbb3dbaea8f383209893fa2bb52efbd5aedbb4b26dcfe307fcdc9b"),
    ]

    @Test func knownDigests() {
        #expect(Keccak256.hash([UInt8]()).hex == "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
        #expect(Keccak256.hash(Array("abc".utf8)).hex == "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
        for (count, digest) in Self.patternDigests {
            #expect(Keccak256.hash(Self.pattern(count)).hex == digest, "length \(count)")
        }
    }

    @Test func incrementalMatchesOneShot() {
        let input = Self.pattern(1000)
        let expected = Keccak256.hash(input)
        for split in [0, 1, 7, 135, 136, 137, 300, 999, 1000] {
            for step in [1, 13, 136, 500] {
                var hasher = Keccak256()
                hasher.update(input[..<split])
                var index = split
                while index < input.count {
                    let end = min(index + step, input.count)
                    hasher.update(input[index..<end])
                    index = end
                }
                #expect(hasher.finalize() == expected, "split \(split) step \(step)")
            }
        }
    }

    /// ethereum/tests BasicTests/keyaddrtest.json: each key is keccak256(seed).
    @Test func seedsHashToKeys() throws {
        let cases = try #require(try Vectors.json("ethereum/BasicTests/keyaddrtest.json") as? [[String: Any]])
        #expect(cases.count >= 2)
        for entry in cases {
            let seed = try #require(entry["seed"] as? String)
            let key = try #require(entry["key"] as? String)
            #expect(Keccak256.hash(Array(seed.utf8)).hex == "0x" + key)
        }
    }
}
