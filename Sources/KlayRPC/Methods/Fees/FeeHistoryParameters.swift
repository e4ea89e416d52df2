import KlayTypes

extension RPCParamDecoder where Value == UInt64 {
    /// Klaytn's `DecimalOrHex` (`feeHistory`'s block count): a decimal or `0x` hex number, quoted or not;
    /// hexutil's error when it is neither.
    static var decimalOrHex: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> UInt64 in
            let text: String
            switch value {
            case .string(let quoted): text = quoted
            case .number(let bare): text = bare
            case .null: text = "null"
            case .bool(let flag): text = flag ? "true" : "false"
            default: throw .other(GoHexText.missingPrefix)
            }
            if let decimal = UInt64(text) { return decimal }
            return try GoHexText.decodeUInt64(text)
        }
    }
}

extension RPCParamDecoder where Value == [Double] {
    /// Go `[]float64` (`feeHistory`'s reward percentiles, required like every non-pointer parameter);
    /// `null` is an empty list.
    static var floats: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> [Double] in
            switch value {
            case .null: return []
            case .array(let items):
                return try items.map { (item: JSONValue) throws(GoDecodingError) -> Double in
                    switch item {
                    case .null: return 0
                    case .number(let text):
                        guard let number = Double(text) else { throw .typeMismatch(value: "number \(text)", goType: "float64") }
                        return number
                    default: throw .typeMismatch(value: goKind(item), goType: "float64")
                    }
                }
            default: throw .typeMismatch(value: goKind(value), goType: "[]float64")
            }
        }
    }
}
