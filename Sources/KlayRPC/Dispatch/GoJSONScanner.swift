/// Finds the first JSON value in a byte buffer the way Go's `json.Decoder.Decode` reads one value from a
/// stream, which is how Klaytn's RPC server reads a request: leading whitespace is skipped, bytes after the
/// value are never looked at, and a syntax error carries Go's `encoding/json` scanner text (e.g.
/// `invalid character 'x' looking for beginning of value`).
///
/// The scan is iterative, so deeply nested input cannot exhaust the stack.
enum GoJSONScanner {
    /// What the scan found.
    enum Outcome: Equatable {
        /// Only whitespace (Go's `io.EOF`).
        case empty
        /// The first value occupies `range` of the input.
        case value(Range<Int>)
        /// The input ended inside the value (Go's `io.ErrUnexpectedEOF`).
        case truncated
        /// A `*json.SyntaxError` with Go's message.
        case syntaxError(String)
    }

    /// Go's `maxNestingDepth`.
    static let maxNestingDepth = 10_000

    private enum Container { case object, array }

    static func scan(_ bytes: [UInt8]) -> Outcome {
        var index = 0
        func skipSpace() {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        }
        skipSpace()
        guard index < bytes.count else { return .empty }
        let start = index
        var stack: [Container] = []

        // Each pass scans one value, then walks out of finished containers.
        while true {
            guard index < bytes.count else { return .truncated }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count < maxNestingDepth else { return .syntaxError("exceeded max depth") }
                index += 1
                skipSpace()
                guard index < bytes.count else { return .truncated }
                if byte == UInt8(ascii: "{") {
                    if bytes[index] == UInt8(ascii: "}") { index += 1; break }  // {} is a whole value
                    stack.append(.object)
                    if let failure = scanKey(bytes, &index) { return failure }
                } else {
                    if bytes[index] == UInt8(ascii: "]") { index += 1; break }  // [] is a whole value
                    stack.append(.array)
                }
                continue  // scan the first member's value
            case UInt8(ascii: "\""):
                if let failure = scanString(bytes, &index) { return failure }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if let failure = scanNumber(bytes, &index) { return failure }
            case UInt8(ascii: "t"):
                if let failure = scanLiteral("true", bytes, &index) { return failure }
            case UInt8(ascii: "f"):
                if let failure = scanLiteral("false", bytes, &index) { return failure }
            case UInt8(ascii: "n"):
                if let failure = scanLiteral("null", bytes, &index) { return failure }
            default:
                return .syntaxError("invalid character \(quoteChar(byte)) looking for beginning of value")
            }
            // A value ended: continue the enclosing container or finish.
            while let container = stack.last {
                skipSpace()
                guard index < bytes.count else { return .truncated }
                let next = bytes[index]
                let close = container == .object ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if next == close {
                    index += 1
                    stack.removeLast()
                    continue
                }
                guard next == UInt8(ascii: ",") else {
                    let context = container == .object ? "after object key:value pair" : "after array element"
                    return .syntaxError("invalid character \(quoteChar(next)) \(context)")
                }
                index += 1
                skipSpace()
                if container == .object, let failure = scanKey(bytes, &index) { return failure }
                break
            }
            if stack.isEmpty { return .value(start..<index) }
        }
    }

    /// Scans `"key"` and the `:` after it, leaving `index` at the member's value.
    private static func scanKey(_ bytes: [UInt8], _ index: inout Int) -> Outcome? {
        guard index < bytes.count else { return .truncated }
        guard bytes[index] == UInt8(ascii: "\"") else {
            return .syntaxError("invalid character \(quoteChar(bytes[index])) looking for beginning of object key string")
        }
        if let failure = scanString(bytes, &index) { return failure }
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return .truncated }
        guard bytes[index] == UInt8(ascii: ":") else {
            return .syntaxError("invalid character \(quoteChar(bytes[index])) after object key")
        }
        index += 1
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return nil
    }

    private static func scanString(_ bytes: [UInt8], _ index: inout Int) -> Outcome? {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return nil
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return .truncated }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    continue
                case UInt8(ascii: "u"):
                    for _ in 0..<4 {
                        guard index < bytes.count else { return .truncated }
                        guard isHexDigit(bytes[index]) else {
                            return .syntaxError("invalid character \(quoteChar(bytes[index])) in \\u hexadecimal character escape")
                        }
                        index += 1
                    }
                default:
                    return .syntaxError("invalid character \(quoteChar(escape)) in string escape code")
                }
            case 0x00..<0x20:
                return .syntaxError("invalid character \(quoteChar(byte)) in string literal")
            default:
                continue
            }
        }
        return .truncated
    }

    private static func scanNumber(_ bytes: [UInt8], _ index: inout Int) -> Outcome? {
        func isDigit(_ offset: Int) -> Bool {
            offset < bytes.count && bytes[offset] >= UInt8(ascii: "0") && bytes[offset] <= UInt8(ascii: "9")
        }
        func requireDigit(_ context: String) -> Outcome? {
            guard index < bytes.count else { return .truncated }
            guard isDigit(index) else { return .syntaxError("invalid character \(quoteChar(bytes[index])) \(context)") }
            return nil
        }
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
            if let failure = requireDigit("in numeric literal") { return failure }
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            if let failure = requireDigit("after decimal point in numeric literal") { return failure }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if let failure = requireDigit("in exponent of numeric literal") { return failure }
            while isDigit(index) { index += 1 }
        }
        return nil
    }

    private static func scanLiteral(_ literal: String, _ bytes: [UInt8], _ index: inout Int) -> Outcome? {
        for expected in literal.utf8 {
            guard index < bytes.count else { return .truncated }
            guard bytes[index] == expected else {
                return .syntaxError(
                    "invalid character \(quoteChar(bytes[index])) in literal \(literal) (expecting \(quoteChar(expected)))")
            }
            index += 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): true
        default: false
        }
    }

    /// Go's `quoteChar`: the byte as a rune in single quotes, escaped like `strconv.Quote`.
    static func quoteChar(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "'"): return #"'\''"#
        case UInt8(ascii: "\""): return #"'"'"#
        case UInt8(ascii: "\\"): return #"'\\'"#
        case 0x07: return #"'\a'"#
        case 0x08: return #"'\b'"#
        case 0x0c: return #"'\f'"#
        case 0x0a: return #"'\n'"#
        case 0x0d: return #"'\r'"#
        case 0x09: return #"'\t'"#
        case 0x0b: return #"'\v'"#
        case 0x00..<0x20, 0x7f: return "'\\x" + hex2(byte) + "'"
        // Bytes from 0x80 are Latin-1 runes in Go's string(byte); the C1 controls, NBSP and soft hyphen
        // are not printable.
        case 0x80...0xa0, 0xad: return "'\\u00" + hex2(byte) + "'"
        default: return "'" + String(Character(Unicode.Scalar(byte))) + "'"
        }
    }

    private static func hex2(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xf)]])
    }
}
