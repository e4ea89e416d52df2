import KlayPrimitives

/// The key argument of `personal_importRawKey`: 64 hex digits without `0x`, or a 110-character
/// Klaytn wallet key `<64 hex key>0x00<0x><40 hex address>` naming a decoupled account
/// (`klaytn:api/api_private_account.go` `parseKlaytnWalletKey`, `crypto.HexToECDSA`).
struct RawKeyImport {
    let key: PrivateKey
    /// The account of a wallet key; nil for a bare key (the key's own address).
    let address: Address?

    init(_ text: String) throws(RPCError) {
        var keyText = Substring(text)
        var walletAddress: Address?
        let characters = Array(text.utf8)
        if characters.count == 110 {
            guard characters[66] == UInt8(ascii: "0"), characters[67] == UInt8(ascii: "0") else {
                throw .server("Klaytn wallet key type must be 00.")
            }
            keyText = Substring(String(decoding: characters[0..<64], as: UTF8.self))
            walletAddress = Self.lenientAddress(characters[70..<110])
        }
        // Go's hex.DecodeString: an even number of hex digits, no prefix.
        guard keyText.utf8.count % 2 == 0, keyText.utf8.allSatisfy({ Hex.nibble($0) != nil }),
              let bytes = try? Hex.decode(keyText) else {
            throw .server("invalid hex string")
        }
        guard bytes.count == 32 else { throw .server("invalid length, need 256 bits") }
        if bytes.allSatisfy({ $0 == 0 }) { throw .server("invalid private key, zero or negative") }
        guard let key = try? PrivateKey(bytes: bytes) else { throw .server("invalid private key, >=N") }
        self.key = key
        address = walletAddress
    }

    /// Go's `common.HexToAddress`: the hex pairs before the first bad digit, right-aligned in 20 bytes.
    private static func lenientAddress(_ digits: ArraySlice<UInt8>) -> Address {
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index + 1 < digits.endIndex, let high = Hex.nibble(digits[index]), let low = Hex.nibble(digits[index + 1]) {
            bytes.append(high << 4 | low)
            index += 2
        }
        let padded = [UInt8](repeating: 0, count: 20 - min(bytes.count, 20)) + bytes.suffix(20)
        return try! Address(bytes: padded)
    }
}
