/// The hex-prefix ("compact") encoding of a short node's key, as Ethereum's Yellow Paper (appendix C) defines it.
///
/// The first nibble is a flag: 2 for a leaf, 0 for an extension, plus 1 when the nibble count is odd.
/// An odd first key nibble shares the flag's byte; an even count pads that byte's low half with zero.
/// The encoding is a collection so the RLP writer can copy it without an intermediate array.
struct HexPrefix: RandomAccessCollection {
    let nibbles: [UInt8]
    let isLeaf: Bool

    var startIndex: Int { 0 }
    var endIndex: Int { nibbles.count / 2 + 1 }

    subscript(position: Int) -> UInt8 {
        let odd = nibbles.count & 1
        if position == 0 {
            let flag = UInt8((isLeaf ? 2 : 0) + odd)
            return flag << 4 | (odd == 1 ? nibbles[0] : 0)
        }
        let first = 2 * position - 2 + odd  // after the flag byte's nibble, if any
        return nibbles[first] << 4 | nibbles[first + 1]
    }

    /// Decodes a compact key into its nibbles and leaf flag; nil if the flag is unknown or the padding is not zero.
    static func decode(_ bytes: ArraySlice<UInt8>) -> (nibbles: [UInt8], isLeaf: Bool)? {
        guard let first = bytes.first else { return nil }
        let flag = first >> 4
        guard flag <= 3 else { return nil }
        let odd = flag & 1 == 1
        guard odd || first & 0x0f == 0 else { return nil }
        var nibbles: [UInt8] = []
        nibbles.reserveCapacity(bytes.count * 2)
        if odd { nibbles.append(first & 0x0f) }
        for byte in bytes.dropFirst() {
            nibbles.append(byte >> 4)
            nibbles.append(byte & 0x0f)
        }
        return (nibbles, flag >= 2)
    }
}
