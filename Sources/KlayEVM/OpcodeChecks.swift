import Synchronization

/// The checks the interpreter makes before every instruction, packed into one word per opcode so they
/// cost a single load: static gas (bits 0–31), the minimum stack height (bits 32–47) and the span of
/// allowed heights above it (bits 48–63, maximum − minimum). An opcode the rules do not define gets a
/// minimum no stack reaches, so it fails the same range check and the slow path names the error.
///
/// Derived from an ``OpcodeTable`` (which stays the source of the facts) and cached for as long.
final class OpcodeChecks: @unchecked Sendable {
    let words: UnsafeMutablePointer<UInt64>
    /// Kept alive so its identity, the cache key, cannot be reused.
    let table: OpcodeTable

    /// A minimum stack height above the 1 024 limit: the range check of an undefined opcode always fails.
    static let unreachableMinimum: UInt64 = 0xFFFF

    private init(table: OpcodeTable) {
        self.table = table
        words = .allocate(capacity: 256)
        for index in 0..<256 {
            guard table.defined[index] else {
                words[index] = Self.unreachableMinimum << 32
                continue
            }
            let gas = table.staticGas[index], minimum = table.minimumStack[index], maximum = table.maximumStack[index]
            precondition(gas <= UInt64(UInt32.max) && (0...1024).contains(minimum) && (minimum...0xFFFF).contains(maximum),
                         "opcode 0x\(String(index, radix: 16)) does not fit the packed checks")
            words[index] = gas | UInt64(minimum) << 32 | UInt64(maximum - minimum) << 48
        }
    }

    @inline(__always)
    static func gas(_ word: UInt64) -> UInt64 { word & 0xFFFF_FFFF }

    /// Whether a stack of `height` items passes the opcode's bounds (and the opcode is defined).
    @inline(__always)
    static func admits(_ word: UInt64, height: Int) -> Bool {
        UInt64(bitPattern: Int64(height &- Int((word >> 32) & 0xFFFF))) <= word >> 48
    }

    private static let cache = Mutex<[ObjectIdentifier: OpcodeChecks]>([:])

    /// The checks of `table` (tables live for the whole process, so their identities are stable keys).
    static func cached(for table: OpcodeTable) -> OpcodeChecks {
        cache.withLock { all in
            if let checks = all[ObjectIdentifier(table)] { return checks }
            let checks = OpcodeChecks(table: table)
            all[ObjectIdentifier(table)] = checks
            return checks
        }
    }
}
