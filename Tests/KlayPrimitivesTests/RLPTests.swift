import BigInt
import Foundation
import Testing
@testable import KlayPrimitives
import KlayTestSupport

/// The `in` side of an RLP test vector: a value to encode, in the shapes the JSON uses.
indirect enum RLPVectorValue: Sendable {
    case text(String)
    case integer(UInt64)
    /// A decimal big integer (`"#…"` in the JSON), as minimal big-endian bytes.
    case bigInteger([UInt8])
    case list([RLPVectorValue])

    init(json: Any) throws {
        if let text = json as? String {
            if text.hasPrefix("#") {
                guard let value = BigUInt(text.dropFirst(), radix: 10) else { throw BadVector("bad big integer \(text)") }
                self = .bigInteger(Array(value.serialize()))
            } else {
                self = .text(text)
            }
        } else if let elements = json as? [Any] {
            self = .list(try elements.map(RLPVectorValue.init(json:)))
        } else if let number = json as? Int, number >= 0 {
            self = .integer(UInt64(number))
        } else {
            throw BadVector("unsupported input \(json)")
        }
    }

    /// Encodes the value through the typed writer API.
    func write(to writer: inout RLPWriter) {
        switch self {
        case .text(let text): writer.append(string: text)
        case .integer(let value): writer.append(value)
        case .bigInteger(let bytes): writer.append(bigEndianInteger: bytes)
        case .list(let elements):
            let marker = writer.beginList()
            for element in elements { element.write(to: &writer) }
            writer.endList(marker)
        }
    }

    /// The generic item that decoding the encoding must give.
    var item: RLPItem {
        switch self {
        case .text(let text): return .bytes(Array(text.utf8))
        case .integer(let value): return .bytes(Self.minimalBytes(value))
        case .bigInteger(let bytes): return .bytes(bytes)
        case .list(let elements): return .list(elements.map(\.item))
        }
    }

    /// Reads the value back through the typed reader API, expecting this value.
    func expectRead(from reader: inout RLPReader) throws {
        switch self {
        case .text(let text): #expect(Array(try reader.readBytes()) == Array(text.utf8))
        case .integer(let value): #expect(try reader.readUInt64() == value)
        case .bigInteger(let bytes): #expect(Array(try reader.readBigEndianInteger(maxBytes: bytes.count)) == bytes)
        case .list(let elements):
            var list = try reader.readList()
            for element in elements { try element.expectRead(from: &list) }
            try list.finish()
        }
    }

    static func minimalBytes(_ value: UInt64) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0.drop(while: { $0 == 0 })) }
    }
}


struct BadVector: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One named case of an RLP vector file; `input` is nil for the `"VALID"`/`"INVALID"` files.
struct RLPVector: Sendable, CustomTestStringConvertible {
    let source: String
    let name: String
    let input: RLPVectorValue?
    let encoded: [UInt8]

    var testDescription: String { "\(source): \(name)" }

    /// The cases of `RLPTests/<file>` in both the Ethereum and the Klaytn copies, sorted by name.
    static func load(_ file: String, typedInput: Bool) throws -> [RLPVector] {
        try ["ethereum", "klaytn"].flatMap { source in
            let path = "\(source)/RLPTests/\(file)"
            guard let cases = try Vectors.json(path) as? [String: [String: Any]] else { throw BadVector("\(path): not an object") }
            return try cases.keys.sorted().map { name in
                let test = cases[name]!
                guard let out = test["out"] as? String, let input = test["in"] else { throw BadVector("\(path) \(name): no in/out") }
                return RLPVector(
                    source: source, name: name,
                    input: typedInput ? try RLPVectorValue(json: input) : nil,
                    encoded: try Hex.decode(out))
            }
        }
    }
}

@Suite struct RLPTests {
    // MARK: Vectors

    @Test(arguments: try RLPVector.load("rlptest.json", typedInput: true))
    func validVector(_ vector: RLPVector) throws {
        let input = try #require(vector.input)
        var writer = RLPWriter()
        input.write(to: &writer)
        #expect(Hex.encode(writer.bytes) == Hex.encode(vector.encoded))

        let item = try RLPItem.decode(vector.encoded)
        #expect(item == input.item)
        #expect(item.encoded() == vector.encoded)

        var reader = RLPReader(vector.encoded)
        try input.expectRead(from: &reader)
        try reader.finish()
    }

    @Test(arguments: try RLPVector.load("RandomRLPTests/example.json", typedInput: false))
    func randomVector(_ vector: RLPVector) throws {
        #expect(try RLPItem.decode(vector.encoded).encoded() == vector.encoded)
        var reader = RLPReader(vector.encoded)
        #expect(try reader.readRaw() == vector.encoded[...])
        try reader.finish()
    }

    /// The error each invalid vector must give, reasoned from its bytes.
    static let invalidVectorErrors: [String: RLPError] = [
        // bf/ff, then an 8-byte length 0x0f00000000000002 with only 2 bytes after it.
        "int32Overflow": .lengthPastInput(needed: 0x0f00_0000_0000_0002, available: 2),
        "int32Overflow2": .lengthPastInput(needed: 0x0f00_0000_0000_0002, available: 2),
        // Long-form headers for payloads under 56 bytes.
        "wrongSizeList": .nonCanonicalSize,
        "wrongSizeList2": .nonCanonicalSize,
        "incorrectLengthInArray": .nonCanonicalSize,
        "randomRLP": .nonCanonicalSize,  // b90021 two lists deep
        "nonOptimalLongLengthArray1": .nonCanonicalSize,
        "nonOptimalLongLengthArray2": .nonCanonicalSize,
        "nonOptimalLongLengthList1": .nonCanonicalSize,
        "nonOptimalLongLengthList2": .nonCanonicalSize,
        // Length fields starting with a zero byte.
        "leadingZerosInLongLengthArray1": .nonCanonicalSize,
        "leadingZerosInLongLengthArray2": .nonCanonicalSize,
        "leadingZerosInLongLengthList1": .nonCanonicalSize,
        "leadingZerosInLongLengthList2": .nonCanonicalSize,
        "bytesShouldBeSingleByte00": .singleByteWrapped,
        "bytesShouldBeSingleByte01": .singleByteWrapped,
        "bytesShouldBeSingleByte7F": .singleByteWrapped,
        "emptyEncoding": .unexpectedEnd,
        "lessThanShortLengthArray1": .lengthPastInput(needed: 1, available: 0),
        "lessThanShortLengthArray2": .lengthPastInput(needed: 32, available: 31),
        "lessThanShortLengthList1": .lengthPastInput(needed: 5, available: 3),
        "lessThanShortLengthList2": .lengthPastInput(needed: 34, available: 7),
        "lessThanLongLengthArray1": .lengthPastInput(needed: 0x01_0000, available: 6),
        "lessThanLongLengthArray2": .lengthPastInput(needed: 64, available: 16),
        "lessThanLongLengthList1": .lengthPastInput(needed: 0x0180, available: 0),
        "lessThanLongLengthList2": .lengthOverflow,  // length 2^64 - 1
    ]

    @Test(arguments: try RLPVector.load("invalidRLPTest.json", typedInput: false))
    func invalidVector(_ vector: RLPVector) throws {
        let expected = try #require(Self.invalidVectorErrors[vector.name], "no expected error for \(vector.name)")
        #expect(throws: expected) { try RLPItem.decode(vector.encoded) }

        // Typed decoding: a list of lists or byte strings, or a byte string read as bytes and as an integer.
        if RLPReader(vector.encoded).peekKind == .list {
            #expect(throws: expected) {
                var reader = RLPReader(vector.encoded)
                try Self.readTree(&reader)
                try reader.finish()
            }
        } else {
            #expect(throws: expected) { var reader = RLPReader(vector.encoded); _ = try reader.readBytes() }
            #expect(throws: expected) { var reader = RLPReader(vector.encoded); _ = try reader.readUInt64() }
        }
    }

    /// Reads one item of any shape with the typed reader calls, discarding it.
    static func readTree(_ reader: inout RLPReader) throws(RLPError) {
        if reader.peekKind == .list {
            var elements = try reader.readList()
            while !elements.isAtEnd { try readTree(&elements) }
            try elements.finish()
        } else {
            _ = try reader.readBytes()
        }
    }

    /// Klaytn's copies are Ethereum's without `0x` prefixes; its invalid set is a subset.
    @Test func klaytnVectorsMatchEthereum() throws {
        for file in ["rlptest.json", "invalidRLPTest.json", "RandomRLPTests/example.json"] {
            let all = try RLPVector.load(file, typedInput: false)
            let ethereum = Dictionary(uniqueKeysWithValues: all.filter { $0.source == "ethereum" }.map { ($0.name, $0.encoded) })
            for vector in all where vector.source == "klaytn" {
                #expect(ethereum[vector.name] == vector.encoded, "\(file) \(vector.name)")
            }
        }
    }

    // MARK: Integers

    @Test func uint64Decoding() throws {
        func read(_ hex: String) throws(RLPError) -> UInt64 {
            var reader = RLPReader(try! Hex.decode(hex))
            let value = try reader.readUInt64()
            try reader.finish()
            return value
        }
        #expect(try read("80") == 0)
        #expect(try read("01") == 1)
        #expect(try read("7f") == 127)
        #expect(try read("8180") == 128)
        #expect(try read("820400") == 1024)
        #expect(try read("88ffffffffffffffff") == .max)
        #expect(throws: RLPError.nonCanonicalInteger) { try read("00") }
        #expect(throws: RLPError.nonCanonicalInteger) { try read("820004") }
        #expect(throws: RLPError.singleByteWrapped) { try read("8105") }
        #expect(throws: RLPError.integerOverflow) { try read("89010000000000000000") }
        #expect(throws: RLPError.expectedString) { try read("c0") }
    }

    @Test func uint64Encoding() {
        let cases: [(UInt64, String)] = [
            (0, "0x80"), (1, "0x01"), (0x7f, "0x7f"), (0x80, "0x8180"), (0xff, "0x81ff"), (0x100, "0x820100"),
            (0xffff_ffff, "0x84ffffffff"), (.max, "0x88ffffffffffffffff"),
        ]
        for (value, hex) in cases {
            #expect(Hex.encode(RLPWriter.encode { $0.append(value) }) == hex, "\(value)")
        }
    }

    @Test func bigEndianIntegers() throws {
        #expect(RLPWriter.encode { $0.append(bigEndianInteger: [0, 0, 0]) } == [0x80])
        #expect(RLPWriter.encode { $0.append(bigEndianInteger: [0, 0x7f]) } == [0x7f])
        #expect(RLPWriter.encode { $0.append(bigEndianInteger: [0, 0x80]) } == [0x81, 0x80])
        let word = [UInt8](repeating: 0xff, count: 32)
        let encoded = RLPWriter.encode { $0.append(bigEndianInteger: word) }
        #expect(encoded == [0xa0] + word)

        var reader = RLPReader(encoded)
        #expect(try reader.readBigEndianInteger() == word[...])
        #expect(throws: RLPError.integerOverflow) { var r = RLPReader([0xa1, 1] + word); _ = try r.readBigEndianInteger() }
        #expect(throws: RLPError.nonCanonicalInteger) { var r = RLPReader([0x82, 0, 1]); _ = try r.readBigEndianInteger() }
        var zero = RLPReader([0x80])
        #expect(try zero.readBigEndianInteger(maxBytes: 0).isEmpty)
    }

    @Test func booleans() throws {
        #expect(RLPWriter.encode { $0.append(true); $0.append(false) } == [0x01, 0x80])
        var reader = RLPReader([0x01, 0x80, 0x02])
        #expect(try reader.readBool() == true)
        #expect(try reader.readBool() == false)
        #expect(throws: RLPError.invalidBoolean(2)) { try reader.readBool() }
        #expect(try reader.readUInt64() == 2)  // the failed read did not advance
        #expect(throws: RLPError.nonCanonicalInteger) { var r = RLPReader([0x00]); _ = try r.readBool() }
    }

    // MARK: Writer

    /// Strings and lists at the boundaries of the short form and of each length-field width.
    @Test(arguments: [0, 1, 2, 55, 56, 255, 256, 65_535, 65_536, 70_000])
    func lengthBoundaries(length: Int) throws {
        let payload = [UInt8](repeating: 0xaa, count: length)
        func header(_ offset: UInt8) -> [UInt8] {
            if length < 56 { return [offset + UInt8(length)] }
            let field = RLPVectorValue.minimalBytes(UInt64(length))
            return [offset + 55 + UInt8(field.count)] + field
        }
        let string = RLPWriter.encode { $0.append(bytes: payload) }
        #expect(string == header(0x80) + payload)  // 0xaa is not below 0x80, so even one byte has a header

        // A list of `length` single-byte items, written with a back-patched header.
        let list = RLPWriter.encode { writer in
            writer.list { for _ in 0..<length { $0.append(0x11 as UInt64) } }
        }
        #expect(list == header(0xc0) + [UInt8](repeating: 0x11, count: length))

        #expect(try RLPItem.decode(string) == .bytes(payload))
        #expect(try RLPItem.decode(list) == .list(Array(repeating: .bytes([0x11]), count: length)))
    }

    @Test func nestedLongLists() throws {
        // Both lists need the long form; the inner one is patched before the outer.
        let inner = [UInt8](repeating: 0x61, count: 60)
        var writer = RLPWriter()
        writer.list { outer in
            outer.append(string: "head")
            outer.list { $0.append(bytes: inner) }
            outer.append(300 as UInt64)
        }
        let innerEncoding: [UInt8] = [0xf8, 62, 0xb8, 60] + inner
        let payload: [UInt8] = [0x84] + Array("head".utf8) + innerEncoding + [0x82, 0x01, 0x2c]
        #expect(writer.bytes == [0xf8, UInt8(payload.count)] + payload)

        var reader = RLPReader(writer.bytes)
        var list = try reader.readList()
        #expect(list.peekKind == .bytes)
        #expect(Array(try list.readBytes()) == Array("head".utf8))
        #expect(list.peekKind == .list)
        #expect(try list.readRaw() == innerEncoding[...])
        #expect(try list.readUInt64() == 300)
        #expect(list.peekKind == nil)
        try list.finish()
        try reader.finish()
    }

    @Test func resetKeepsCapacityAndRawAppends() {
        var writer = RLPWriter(capacity: 64)
        writer.append(string: "dog")
        #expect(writer.count == 4)
        writer.reset()
        #expect(writer.count == 0)
        writer.appendRaw([0x83, 0x63, 0x61, 0x74])
        writer.append(bytes: [UInt8]())
        #expect(writer.bytes == [0x83, 0x63, 0x61, 0x74, 0x80])
        writer.withUnsafeBytes { #expect(Array($0) == [0x83, 0x63, 0x61, 0x74, 0x80]) }
        let raw: [UInt8] = [1, 2, 3]
        raw.withUnsafeBytes { writer.append(bytes: $0) }
        #expect(writer.bytes.suffix(4) == [0x83, 1, 2, 3])
    }

    // MARK: Malformed input, one test per error case

    @Test func unexpectedEnd() {
        #expect(throws: RLPError.unexpectedEnd) { try RLPItem.decode([]) }
        #expect(throws: RLPError.unexpectedEnd) {
            var reader = RLPReader([0xc1, 0x05])
            var list = try reader.readList()
            #expect(try list.readUInt64() == 5)
            _ = try list.readUInt64()
        }
    }

    @Test func lengthPastInput() {
        #expect(throws: RLPError.lengthPastInput(needed: 3, available: 2)) { try RLPItem.decode([0x83, 0x61, 0x62]) }
        #expect(throws: RLPError.lengthPastInput(needed: 1, available: 0)) { try RLPItem.decode([0xb8]) }
    }

    @Test func elementExceedsList() {
        // The list fits its input, but its element claims 3 bytes of the list's remaining 1.
        #expect(throws: RLPError.elementExceedsList(needed: 3, available: 1)) { try RLPItem.decode([0xc2, 0x83, 0x61]) }
    }

    @Test func nonCanonicalSize() {
        #expect(throws: RLPError.nonCanonicalSize) { try RLPItem.decode([0xb8, 0x01, 0x61]) }
        #expect(throws: RLPError.nonCanonicalSize) { try RLPItem.decode([0xf8, 0x37] + [UInt8](repeating: 0x01, count: 55)) }
        #expect(throws: RLPError.nonCanonicalSize) { try RLPItem.decode([0xb9, 0x00, 0x38] + [UInt8](repeating: 0x61, count: 56)) }
    }

    @Test func singleByteWrapped() throws {
        #expect(throws: RLPError.singleByteWrapped) { try RLPItem.decode([0x81, 0x7f]) }
        #expect(try RLPItem.decode([0x81, 0x80]) == .bytes([0x80]))
    }

    @Test func nonCanonicalInteger() {
        #expect(throws: RLPError.nonCanonicalInteger) { var r = RLPReader([0x00]); _ = try r.readUInt64() }
        #expect(throws: RLPError.nonCanonicalInteger) { var r = RLPReader([0x82, 0x00, 0xff]); _ = try r.readBigEndianInteger() }
    }

    @Test func integerOverflow() {
        #expect(throws: RLPError.integerOverflow) { var r = RLPReader([0x89, 1, 0, 0, 0, 0, 0, 0, 0, 0]); _ = try r.readUInt64() }
        #expect(throws: RLPError.integerOverflow) { var r = RLPReader([0x82, 1, 0]); _ = try r.readBigEndianInteger(maxBytes: 1) }
    }

    @Test func expectedStringAndList() {
        #expect(throws: RLPError.expectedString) { var r = RLPReader([0xc0]); _ = try r.readBytes() }
        #expect(throws: RLPError.expectedList) { var r = RLPReader([0x80]); _ = try r.readList() }
    }

    @Test func trailingBytes() {
        #expect(throws: RLPError.trailingBytes(count: 1)) { try RLPItem.decode([0x80, 0x80]) }
        #expect(throws: RLPError.trailingBytes(count: 2)) {
            var reader = RLPReader([0xc3, 0x01, 0x02, 0x03])
            var list = try reader.readList()
            _ = try list.readUInt64()
            try list.finish()
        }
    }

    @Test func lengthOverflow() {
        #expect(throws: RLPError.lengthOverflow) { try RLPItem.decode([0xbf, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x61]) }
        #expect(throws: RLPError.lengthOverflow) { try RLPItem.decode([0xff] + [UInt8](repeating: 0xff, count: 8)) }
    }

    @Test func nestingDepthLimit() throws {
        func nested(_ depth: Int) -> [UInt8] {
            RLPWriter.encode { writer in
                let markers = (0..<depth).map { _ in writer.beginList() }
                for marker in markers.reversed() { writer.endList(marker) }
            }
        }
        let deepest = try RLPItem.decode(nested(RLPItem.maxDepth))
        #expect(deepest.encoded() == nested(RLPItem.maxDepth))
        #expect(throws: RLPError.nestingTooDeep(limit: RLPItem.maxDepth)) { try RLPItem.decode(nested(RLPItem.maxDepth + 1)) }
    }

    /// Randomly damaged and random inputs never trap, and whatever decodes re-encodes to the same bytes.
    @Test func damagedInputIsCanonicalOrRejected() throws {
        var rng = SeededGenerator(seed: 0x524c_5021)
        let seeds = try RLPVector.load("rlptest.json", typedInput: false).filter { $0.source == "ethereum" }.map(\.encoded)
        var accepted = 0
        for round in 0..<20_000 {
            var bytes: [UInt8]
            if round % 4 == 0 {
                bytes = (0..<Int.random(in: 0...12, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            } else {
                bytes = seeds.randomElement(using: &rng)!
                for _ in 0...Int.random(in: 0...2, using: &rng) {
                    let position = Int.random(in: 0...bytes.count, using: &rng)
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0 where position < bytes.count: bytes[position] = UInt8.random(in: 0...255, using: &rng)
                    case 1: bytes.removeSubrange(position...)
                    default: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: position)
                    }
                }
            }
            if let item = try? RLPItem.decode(bytes) {
                #expect(item.encoded() == bytes, "\(Hex.encode(bytes))")
                accepted += 1
            }
        }
        #expect(accepted > 0)
    }

    @Test func errorTexts() {
        #expect(RLPError.nonCanonicalSize.description == "rlp: non-canonical size information")
        #expect(RLPError.nonCanonicalInteger.description == "rlp: non-canonical integer format")
        #expect(RLPError.expectedList.description == "rlp: expected List")
        #expect(RLPError.lengthPastInput(needed: 2, available: 1).description
            == "rlp: value size exceeds available input length (2 bytes needed, 1 available)")
    }
}
