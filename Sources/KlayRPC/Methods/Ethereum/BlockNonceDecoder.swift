import KlayTypes

extension RPCParamDecoder where Value == [UInt8] {
    /// Klaytn's `api.BlockNonce` (`eth_submitWork`'s first parameter): `0x` and exactly 8 bytes of hex,
    /// with hexutil's `UnmarshalFixedText` texts.
    static var blockNonce: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> [UInt8] in
            guard case .string(let text) = value else { throw .typeMismatch(value: goKind(value), goType: "api.BlockNonce") }
            let digits = try GoHexText.byteDigits(text, requirePrefix: true)
            guard digits.count == 16 else { throw .other("hex string has length \(digits.count), want 16 for BlockNonce") }
            return try GoHexText.bytes(digits)
        }
    }
}
