/// A smart contract account's `codeInfo` byte: the code format in the low nibble and the VM version
/// in the high nibble (spec/accounts.md §2).
public struct CodeInfo: RawRepresentable, Sendable, Hashable {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Packs a code format (0 = EVM, the only one defined) and a VM version (0 before the
    /// Istanbul-compatible fork, 1 from it); each must be below 16.
    public init(codeFormat: UInt8 = 0, vmVersion: UInt8) {
        precondition(codeFormat < 16 && vmVersion < 16, "CodeInfo: codeFormat and vmVersion are 4-bit values")
        rawValue = vmVersion << 4 | codeFormat
    }

    /// The low nibble: 0 = EVM.
    public var codeFormat: UInt8 { rawValue & 0x0f }

    /// The high nibble: 0 for code deployed before the Istanbul-compatible fork, 1 from it.
    public var vmVersion: UInt8 { rawValue >> 4 }
}
