import KlayPrimitives

/// The checks of Klaytn's `common/hexutil` on hex text, with its error texts. The errors are the bare
/// `decError` messages; callers wrap them into type mismatches where hexutil does.
enum GoHexText {
    static let missingPrefix = "hex string without 0x prefix"
    static let oddLength = "hex string of odd length"
    static let syntax = "invalid hex string"
    static let emptyNumber = "hex string \"0x\""
    static let leadingZero = "hex number with leading zero digits"
    static let uint64Range = "hex number > 64 bits"
    static let big256Range = "hex number > 256 bits"
    static let emptyString = "empty hex string"

    static func hasPrefix(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.count >= 2 && bytes[bytes.startIndex] == UInt8(ascii: "0")
            && (bytes[bytes.startIndex + 1] == UInt8(ascii: "x") || bytes[bytes.startIndex + 1] == UInt8(ascii: "X"))
    }

    /// hexutil's `checkText`: the digits of byte-string text; empty text is allowed.
    static func byteDigits(_ text: String, requirePrefix: Bool) throws(GoDecodingError) -> ArraySlice<UInt8> {
        var digits = Array(text.utf8)[...]
        if digits.isEmpty { return digits }
        if hasPrefix(digits) {
            digits = digits.dropFirst(2)
        } else if requirePrefix {
            throw .other(missingPrefix)
        }
        guard digits.count % 2 == 0 else { throw .other(oddLength) }
        return digits
    }

    /// hexutil's `checkNumberText`: the digits of quantity text; empty text is allowed (value 0).
    static func quantityDigits(_ text: String) throws(GoDecodingError) -> ArraySlice<UInt8> {
        var digits = Array(text.utf8)[...]
        if digits.isEmpty { return digits }
        guard hasPrefix(digits) else { throw .other(missingPrefix) }
        digits = digits.dropFirst(2)
        guard !digits.isEmpty else { throw .other(emptyNumber) }
        guard digits.count == 1 || digits.first != UInt8(ascii: "0") else { throw .other(leadingZero) }
        return digits
    }

    /// Decodes pairs of hex digits.
    static func bytes(_ digits: ArraySlice<UInt8>) throws(GoDecodingError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var index = digits.startIndex
        while index < digits.endIndex {
            guard let high = Hex.nibble(digits[index]), let low = Hex.nibble(digits[index + 1]) else { throw .other(syntax) }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    /// A quantity of at most 64 bits from already checked digits.
    static func uint64(_ digits: ArraySlice<UInt8>) throws(GoDecodingError) -> UInt64 {
        guard digits.count <= 16 else { throw .other(uint64Range) }
        var value: UInt64 = 0
        for digit in digits {
            guard let nibble = Hex.nibble(digit) else { throw .other(syntax) }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }

    /// hexutil's `DecodeUint64`: `0x`-prefixed quantity text; the empty string is an error here.
    static func decodeUInt64(_ text: String) throws(GoDecodingError) -> UInt64 {
        guard !text.isEmpty else { throw .other(emptyString) }
        let digits = try quantityDigits(text)
        // strconv.ParseUint stops at the first bad digit or at the digit that overflows, whichever is first.
        var value: UInt64 = 0
        for (position, digit) in digits.enumerated() {
            guard let nibble = Hex.nibble(digit) else { throw .other(syntax) }
            guard position < 16 else { throw .other(uint64Range) }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }

    /// Rewrites a bare hexutil error as hexutil's `wrapTypeError` does: a type mismatch naming `goType`.
    static func wrapped<T>(_ goType: String, _ body: () throws(GoDecodingError) -> T) throws(GoDecodingError) -> T {
        do {
            return try body()
        } catch {
            guard case .other(let message) = error else { throw error }
            throw .typeMismatch(value: message, goType: goType)
        }
    }
}
