import KlayPrimitives
import Testing
@testable import KlayEVM

/// The interpreter's fast paths against plain definitions: PUSH immediates read with word loads, and
/// memory kept in a doubling raw buffer.
@Suite struct HotPathTests {
    /// Every PUSH width at every position of a random code buffer, including immediates that run past
    /// its end, against a byte-by-byte big-endian read.
    @Test func pushImmediatesMatchByteByByte() {
        var generator = SystemRandomNumberGenerator()
        let code = (0..<80).map { _ in UInt8.random(in: 0...255, using: &generator) }
        code.withUnsafeBufferPointer { buffer in
            for count in 1...32 {
                for start in 1...code.count {
                    var expected = UInt256.zero
                    for i in start..<start + count {
                        expected = expected.shiftedLeft(by: 8) | UInt256(UInt64(i < code.count ? code[i] : 0))
                    }
                    #expect(EVM.pushValue(buffer, at: start, count: count) == expected, "PUSH\(count) at \(start)")
                }
            }
        }
    }

    /// Growth keeps old bytes, reads zero past what was written, and slices and copies see the same bytes.
    @Test func memoryGrowsAndKeepsItsBytes() {
        var memory = Memory()
        #expect(memory.count == 0)
        memory.grow(to: 1)
        #expect(memory.count == 32)
        memory.setWord(UInt256(0x1234), at: 0)
        memory.setByte(0xab, at: 31)
        for end in stride(from: 64, through: 40_000, by: 4_000) {
            memory.grow(to: end)
            #expect(memory.count == (end + 31) & ~31)
            #expect(memory.word(at: memory.count - 32) == .zero)
        }
        #expect(memory.word(at: 0) == UInt256(0x12ab))
        memory.copy(from: [1, 2, 3], sourceOffset: UInt256(1), to: 100, count: 4)
        #expect(memory.slice(99, 6) == [0, 2, 3, 0, 0, 0])
        memory.move(from: 100, to: 101, count: 2)
        #expect(memory.slice(100, 3) == [2, 2, 3])
        let sum = memory.withUnsafeBytes { $0.reduce(0) { $0 + Int($1) } }
        #expect(sum == 0x12 + 0xab + 2 + 2 + 3)
    }
}
