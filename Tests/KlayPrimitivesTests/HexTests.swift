import Testing
@testable import KlayPrimitives

@Suite struct HexTests {
    @Test func roundTrip() throws {
        #expect(try Hex.decode("0x00ff10Ab") == [0x00, 0xff, 0x10, 0xab])
        #expect(Hex.encode([0x00, 0xff, 0x10, 0xab]) == "0x00ff10ab")
        #expect(Hex.encode([0xde], prefix: false) == "de")
        #expect(try Hex.decode("0x") == [])
        #expect(try Hex.decode("beef") == [0xbe, 0xef])
    }

    @Test func errors() {
        #expect(throws: HexError.oddLength(digits: 3)) { try Hex.decode("0xabc") }
        #expect(throws: HexError.invalidDigit("g", offset: 1)) { try Hex.decode("0x0g") }
        #expect(throws: HexError.missingPrefix) { try Hex.decode("abcd", prefix: .required) }
        #expect(throws: HexError.wrongLength(expected: 2, actual: 1)) { try Hex.decode("0xab", count: 2) }
    }
}
