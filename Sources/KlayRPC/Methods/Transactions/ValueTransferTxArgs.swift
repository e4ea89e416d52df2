import KlayPrimitives
import KlayTypes

/// Klaytn's `ValueTransferTxArgs` (`personal_sendValueTransfer`): a TxTypeValueTransfer from `from`.
public struct ValueTransferTxArgs: Sendable, Equatable {
    public var from: Address = .zero
    public var gas: UInt64?
    public var gasPrice: UInt256?
    public var nonce: UInt64?
    public var to: Address = .zero
    public var value: UInt256?

    public init() {}

    /// Reads the JSON argument with Go's rules and texts.
    init(json value: JSONValue) throws(GoDecodingError) {
        let object = try GoStructObject(value, structName: "ValueTransferTxArgs", goType: "api.ValueTransferTxArgs",
                                        keys: ["from", "gas", "gasPrice", "nonce", "to", "value"])
        for (key, value) in object.members {
            switch key {
            case "from": from = try object.field(key, value, .address)
            case "gas": gas = try object.pointer(key, value, .uint64)
            case "gasPrice": gasPrice = try object.pointer(key, value, .big) ?? nil
            case "nonce": nonce = try object.pointer(key, value, .uint64)
            case "to": to = try object.field(key, value, .address)
            default: self.value = try object.pointer(key, value, .big) ?? nil
            }
        }
        try object.finish()
    }

    /// The signed-over transaction after Klaytn's defaults (gas 90 000, suggested price, pool nonce).
    /// Klaytn's handler crashes on a missing `value`; that answers as its crash does.
    func transaction(_ defaults: TxDefaults) throws(RPCError) -> Transaction {
        guard let value else { throw .server("method handler crashed") }
        var tx = defaults.transaction(.valueTransfer, from: from, nonce: nonce, gasPrice: gasPrice, gas: gas)
        tx.to = to
        tx.value = value
        return tx
    }
}

extension RPCParamDecoder where Value == ValueTransferTxArgs {
    /// An `api.ValueTransferTxArgs` parameter.
    public static var valueTransferTxArgs: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> ValueTransferTxArgs in try ValueTransferTxArgs(json: value) }
    }
}
