import KlayPrimitives

/// The storage slot of `getStorageAt`'s key, a Go string read with `common.HexToHash`: an optional
/// `0x`/`0X` prefix, a `0` prepended to an odd number of digits, hex pairs decoded up to the first that
/// is not hex, and the last 32 bytes kept, left-padded with zeros. It never fails.
enum StorageKey {
    static func hash(_ key: String) -> Hash {
        var digits = Array(key.utf8)[...]
        if GoHexText.hasPrefix(digits) { digits = digits.dropFirst(2) }
        if digits.count % 2 == 1 { digits = [UInt8(ascii: "0")] + digits }
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex, let high = Hex.nibble(digits[index]), let low = Hex.nibble(digits[index + 1]) {
            bytes.append(high << 4 | low)
            index += 2
        }
        let kept = bytes.suffix(Hash.byteCount)
        return (try? Hash(bytes: [UInt8](repeating: 0, count: Hash.byteCount - kept.count) + kept)) ?? .zero
    }
}
