import KlayPrimitives
import Testing
@testable import KlayTypes

/// Header layout rules of spec/chain.md §1–2 (the genesis-hash test of the state layer checks real hashes).
@Suite struct HeaderTests {
    static func itemCount(_ encoded: [UInt8]) throws -> Int {
        var reader = RLPReader(encoded)
        var list = try reader.readList()
        var count = 0
        while !list.isAtEnd {
            _ = try list.readRaw()
            count += 1
        }
        return count
    }

    static func sample() -> Header {
        var header = Header()
        header.parentHash = Keccak256.hash([1])
        header.rewardbase = Address(lastBytesOf: Keccak256.hash([2]))
        header.number = 42
        header.gasUsed = 21_000
        header.time = 0x5d10c5d1
        header.timeFoS = 37
        header.extra = IstanbulExtra(validators: [Address(lastBytesOf: Keccak256.hash([3]))],
                                     seal: [UInt8](repeating: 0, count: 65)).encoded
        return header
    }

    @Test func optionalFieldsFollowGoRules() throws {
        var header = Self.sample()
        #expect(try Self.itemCount(header.encoded) == 14)
        header.baseFee = .zero  // present with value zero is still written
        #expect(try Self.itemCount(header.encoded) == 15)
        header.baseFee = nil
        header.mixHash = [UInt8](repeating: 7, count: 32)
        // A later optional field forces the earlier absent one out as an empty string.
        #expect(try Self.itemCount(header.encoded) == 17)
        header.baseFee = 25_000_000_000
        header.randomReveal = [UInt8](repeating: 9, count: 96)
        let decoded = try Header(encoded: header.encoded)
        #expect(decoded == header)
        #expect(decoded.hash == header.hash)
        #expect(try Header(encoded: Self.sample().encoded) == Self.sample())
    }

    @Test func blockHashIgnoresRoundAndCommittedSealsButNotTheSeal() throws {
        let header = Self.sample()
        var extra = try IstanbulExtra(extra: header.extra)
        var committed = header
        extra.committedSeals = [[UInt8](repeating: 5, count: 65)]
        extra.vanity[31] = 3
        committed.extra = extra.encoded
        #expect(committed.hash == header.hash)
        #expect(committed.sealHash == header.sealHash)
        var resealed = header
        extra.seal = [UInt8](repeating: 1, count: 65)
        resealed.extra = extra.encoded
        #expect(resealed.hash != header.hash)
        #expect(resealed.sealHash == header.sealHash)
        // Not Istanbul extra data: hashed as is.
        var plain = header
        plain.extra = [1, 2, 3]
        #expect(plain.hash == Keccak256.hash(plain.encoded))
    }

    @Test func istanbulExtraRoundTripsAndRejectsMalformed() throws {
        let extra = IstanbulExtra(validators: [.zero, Address(lastBytesOf: Keccak256.hash([4]))],
                                  seal: [UInt8](repeating: 0, count: 65), committedSeals: [])
        let bytes = extra.encoded
        // Genesis layout: 32 zero bytes, then [validators, 65 zero bytes (b841 00…), []] (0xc0 at the end).
        #expect(bytes.count == 32 + 2 + 1 + 42 + 2 + 65 + 1)
        #expect(bytes.last == 0xc0)
        #expect(try IstanbulExtra(extra: bytes) == extra)
        #expect(throws: IstanbulExtraError.tooShort(31)) { try IstanbulExtra(extra: [UInt8](repeating: 0, count: 31)) }
        #expect(throws: IstanbulExtraError.malformed(.unexpectedEnd)) { try IstanbulExtra(extra: [UInt8](repeating: 0, count: 32)) }
        #expect(throws: IstanbulExtraError.invalidValidator(19)) {
            try IstanbulExtra(extra: [UInt8](repeating: 0, count: 32) + [0xd7, 0xd4, 0x93] + [UInt8](repeating: 1, count: 19) + [0x80, 0xc0])
        }
        #expect(throws: IstanbulExtraError.malformed(.trailingBytes(count: 1))) { try IstanbulExtra(extra: bytes + [0]) }
    }

    @Test func malformedHeadersAreRejected() throws {
        let good = Self.sample().encoded
        #expect(throws: RLPError.self) { try Header(encoded: Array(good.dropLast())) }
        #expect(throws: RLPError.self) { try Header(encoded: good + [0x80]) }
        #expect(throws: RLPError.self) { try Header(encoded: [0xc0]) }
        // 18 items: one past mixHash.
        var header = Self.sample()
        header.mixHash = [1]
        var writer = RLPWriter()
        var reader = RLPReader(header.encoded)
        var list = try reader.readList()
        writer.list { out in
            while !list.isAtEnd { out.appendRaw((try? list.readRaw()) ?? []) }
            out.append(bytes: [1])
        }
        #expect(throws: RLPError.self) { try Header(encoded: writer.bytes) }
    }

    @Test func bloomSetsThreeBitsPerEntry() {
        var bloom = Bloom.zero
        let address = Address(lastBytesOf: Keccak256.hash([7]))
        address.withUnsafeBytes { bloom.add($0) }
        let setBits = bloom.withUnsafeBytes { $0.reduce(0) { $0 + $1.nonzeroBitCount } }
        #expect((1...3).contains(setBits))
        #expect(address.withUnsafeBytes { bloom.mayContain($0) })
        var union = Bloom.zero
        union.formUnion(bloom)
        #expect(union == bloom)
    }
}
