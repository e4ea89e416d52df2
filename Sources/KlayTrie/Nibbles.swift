/// Conversions between byte keys and the nibble paths (one 4-bit digit per byte) the trie walks.
enum Nibbles {
    /// The nibbles of `key`, high half of each byte first.
    static func of(_ key: some Collection<UInt8>) -> [UInt8] {
        var nibbles: [UInt8] = []
        nibbles.reserveCapacity(key.count * 2)
        for byte in key {
            nibbles.append(byte >> 4)
            nibbles.append(byte & 0x0f)
        }
        return nibbles
    }

    /// The bytes spelled by an even number of nibbles.
    static func bytes(_ nibbles: ArraySlice<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(nibbles.count / 2)
        var index = nibbles.startIndex
        while index + 1 < nibbles.endIndex {
            bytes.append(nibbles[index] << 4 | nibbles[index + 1])
            index += 2
        }
        return bytes
    }

    /// How many leading nibbles `prefix` shares with `path` from `offset` on.
    static func commonPrefixLength(_ prefix: [UInt8], _ path: [UInt8], from offset: Int) -> Int {
        let limit = min(prefix.count, path.count - offset)
        var length = 0
        while length < limit, prefix[length] == path[offset + length] {
            length += 1
        }
        return length
    }
}
