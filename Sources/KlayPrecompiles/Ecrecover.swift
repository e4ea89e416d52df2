import KlayPrimitives

/// The ecrecover precompile (0x01): input hash ‖ v ‖ r ‖ s (32-byte words, right-padded to 128 bytes).
enum Ecrecover {
    /// The signer's address left-padded to 32 bytes, or empty output when the input is not a valid
    /// signature: bytes 32…62 must be zero, v 27 or 28, r and s in 1..<n (high s is accepted).
    static func run(_ input: [UInt8]) -> [UInt8] {
        let v = input.word(at: 32)
        guard let small = v.uint64Value, small == 27 || small == 28 else { return [] }
        let r = input.word(at: 64), s = input.word(at: 96)
        let hash = Hash(bigEndianWord: input.word(at: 0))
        guard let address = try? Secp256k1.recoverAddress(hash: hash, v: small - 27, r: r, s: s) else { return [] }
        return [UInt8](repeating: 0, count: 12) + address.bytes
    }
}

extension Hash {
    /// The word's 32 big-endian bytes as a hash.
    init(bigEndianWord word: UInt256) {
        self = .zero
        withUnsafeMutableBytes { word.storeBigEndian32(to: $0.baseAddress!) }
    }
}
