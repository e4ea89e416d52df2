/// Multiplication modulo a fixed modulus, the one operation modexp's exponentiation needs.
protocol ModularArithmetic {
    associatedtype Element
    /// 1 mod m in this representation.
    var one: Element { get }
    func multiply(_ a: Element, _ b: Element) -> Element
}

extension ModularArithmetic {
    /// base^e mod m, where e is the big-endian `exponent` followed by `trailingZeroBytes` zero bytes
    /// (input that ran out is read as zeros). Fixed 4-bit windows.
    func power(_ base: Element, exponent: ArraySlice<UInt8>, trailingZeroBytes: UInt64) -> Element {
        var table = [one]
        table.reserveCapacity(16)
        for _ in 1..<16 { table.append(multiply(table[table.count - 1], base)) }
        var result = one
        var started = false
        func consume(_ nibble: Int) {
            if started {
                for _ in 0..<4 { result = multiply(result, result) }
            }
            if nibble != 0 {
                result = multiply(result, table[nibble])
                started = true
            }
        }
        for byte in exponent {
            consume(Int(byte >> 4))
            consume(Int(byte & 0x0f))
        }
        if started {
            for _ in 0..<trailingZeroBytes {
                for _ in 0..<8 { result = multiply(result, result) }
            }
        }
        return result
    }
}
