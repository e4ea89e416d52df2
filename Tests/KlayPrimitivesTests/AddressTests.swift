import Foundation
import Testing
@testable import KlayPrimitives

@Suite struct AddressTests {
    /// The examples of EIP-55 itself.
    static let eip55 = [
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ]

    @Test func checksumMatchesEIP55() throws {
        for text in Self.eip55 {
            let address = try Address(hex: text.lowercased())
            #expect(address.checksummed == text)
            #expect(try Address(validatingChecksum: text) == address)
        }
    }

    @Test func checksumMismatchIsRejected() {
        let wrong = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"  // last letter's case flipped
        #expect(throws: AddressError.badChecksum) { try Address(validatingChecksum: wrong) }
        #expect(throws: Never.self) { try Address(validatingChecksum: wrong.lowercased()) }
        #expect(throws: Never.self) { try Address(validatingChecksum: "0x" + wrong.dropFirst(2).uppercased()) }
    }

    @Test func malformedText() {
        #expect(throws: AddressError.hex(.wrongLength(expected: 20, actual: 19))) {
            try Address(validatingChecksum: "0x" + String(repeating: "ab", count: 19))
        }
        #expect(throws: HexError.oddLength(digits: 39)) { try Address(hex: String(repeating: "a", count: 39)) }
        #expect(throws: HexError.invalidDigit("z", offset: 0)) { try Address(hex: "z" + String(repeating: "a", count: 39)) }
    }

    @Test func layoutAndOrdering() throws {
        #expect(MemoryLayout<Address>.size == 20)
        #expect(MemoryLayout<Hash>.size == 32)
        let bytes = (1...20).map { UInt8($0) }
        let address = try Address(bytes: bytes)
        #expect(address.bytes == bytes)
        #expect(Address.zero < address)
        let hash = try Hash(bytes: [UInt8](repeating: 0, count: 12) + bytes)
        #expect(Address(lastBytesOf: hash) == address)
    }

    @Test func codableAsHex() throws {
        let address = try Address(hex: Self.eip55[0])
        let json = try JSONEncoder().encode([address])
        #expect(String(decoding: json, as: UTF8.self) == "[\"\(Self.eip55[0].lowercased())\"]")
        #expect(try JSONDecoder().decode([Address].self, from: json) == [address])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Address].self, from: Data("[\"0x12\"]".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Hash].self, from: Data("[\"\(String(repeating: "00", count: 32))\"]".utf8)) }
    }
}
