/// The checks the interpreter makes before every instruction, packed into one word per opcode so they
/// cost a single load: static gas (bits 0–31), the minimum stack height (bits 32–47) and the span of
/// allowed heights above it (bits 48–63, maximum − minimum). An opcode the rules do not define gets a
/// minimum no stack reaches, so it fails the same range check and the slow path names the error.
///
/// ``OpcodeTable`` builds the words with its other facts (``OpcodeTable/checks``); this type packs and reads them.
enum OpcodeChecks {
    /// A minimum stack height above the 1 024 limit: the range check of an undefined opcode always fails.
    static let unreachableMinimum: UInt64 = 0xFFFF

    /// The word of an opcode that is defined with these facts, or of an undefined one when `defined` is false.
    static func pack(defined: Bool, gas: UInt64, minimum: Int, maximum: Int) -> UInt64 {
        guard defined else { return unreachableMinimum << 32 }
        precondition(gas <= UInt64(UInt32.max) && (0...1024).contains(minimum) && (minimum...0xFFFF).contains(maximum),
                     "opcode facts do not fit the packed checks")
        return gas | UInt64(minimum) << 32 | UInt64(maximum - minimum) << 48
    }

    @inline(__always)
    static func gas(_ word: UInt64) -> UInt64 { word & 0xFFFF_FFFF }

    /// Whether a stack of `height` items passes the opcode's bounds (and the opcode is defined).
    @inline(__always)
    static func admits(_ word: UInt64, height: Int) -> Bool {
        UInt64(bitPattern: Int64(height &- Int((word >> 32) & 0xFFFF))) <= word >> 48
    }
}
