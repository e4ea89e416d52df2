import KlayPrimitives

/// Where JUMP and JUMPI may land in a piece of code: every JUMPDEST byte that is an opcode (not PUSH
/// data). Computed once per code hash and cached by the ``EVM``.
final class JumpDestinations: Sendable {
    /// One bit per code byte.
    private let bits: [UInt64]

    init(code: [UInt8]) {
        var bits = [UInt64](repeating: 0, count: code.count / 64 + 1)
        var pc = 0
        while pc < code.count {
            let op = code[pc]
            if op == 0x5b {
                bits[pc >> 6] |= 1 << UInt64(pc & 63)
            } else if op >= 0x60 && op <= 0x7f {
                pc += Int(op - 0x5f)
            }
            pc += 1
        }
        self.bits = bits
    }

    @inline(__always)
    func contains(_ destination: UInt256) -> Bool {
        guard let pc = destination.intValue, pc >> 6 < bits.count else { return false }
        return bits[pc >> 6] & (1 << UInt64(pc & 63)) != 0
    }
}
