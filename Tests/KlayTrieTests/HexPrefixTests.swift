import Testing
@testable import KlayTrie

/// The hex-prefix examples of the Ethereum Yellow Paper (appendix C) and Ethereum's wiki.
@Suite struct HexPrefixTests {
    @Test(arguments: [
        ([1, 2, 3, 4, 5], false, [0x11, 0x23, 0x45]),
        ([0, 1, 2, 3, 4, 5], false, [0x00, 0x01, 0x23, 0x45]),
        ([0, 15, 1, 12, 11, 8], true, [0x20, 0x0f, 0x1c, 0xb8]),
        ([15, 1, 12, 11, 8], true, [0x3f, 0x1c, 0xb8]),
        ([], true, [0x20]),
        ([], false, [0x00]),
    ] as [([UInt8], Bool, [UInt8])])
    func roundTrip(nibbles: [UInt8], isLeaf: Bool, encoded: [UInt8]) throws {
        #expect(Array(HexPrefix(nibbles: nibbles, isLeaf: isLeaf)) == encoded)
        let decoded = try #require(HexPrefix.decode(encoded[...]))
        #expect(decoded.nibbles == nibbles)
        #expect(decoded.isLeaf == isLeaf)
    }

    @Test func rejectsBadFlagsAndPadding() {
        #expect(HexPrefix.decode([][...]) == nil)
        #expect(HexPrefix.decode([0x40][...]) == nil)
        #expect(HexPrefix.decode([0x05, 0x12][...]) == nil)
        #expect(HexPrefix.decode([0x21][...]) == nil)
    }
}
