import KlayPrimitives
import KlayTypes

/// Klaytn's `AccountUpdateTxArgs` (`personal_sendAccountUpdate`): a TxTypeAccountUpdate installing `key`.
public struct AccountUpdateTxArgs: Sendable, Equatable {
    public var from: Address = .zero
    public var gas: UInt64?
    public var gasPrice: UInt256?
    public var nonce: UInt64?
    /// The new key, serialized (spec/accounts.md §3.1).
    public var key: [UInt8]?

    public init() {}

    /// Reads the JSON argument with Go's rules and texts.
    init(json value: JSONValue) throws(GoDecodingError) {
        let object = try GoStructObject(value, structName: "AccountUpdateTxArgs", goType: "api.AccountUpdateTxArgs",
                                        keys: ["from", "gas", "gasPrice", "nonce", "key"])
        for (key, value) in object.members {
            switch key {
            case "from": from = try object.field(key, value, .address)
            case "gas": gas = try object.pointer(key, value, .uint64)
            case "gasPrice": gasPrice = try object.pointer(key, value, .big) ?? nil
            case "nonce": nonce = try object.pointer(key, value, .uint64)
            default: self.key = try object.pointer(key, value, .bytes)
            }
        }
        try object.finish()
    }

    /// The transaction after Klaytn's defaults (gas 90 000, suggested price, pool nonce); the key must
    /// decode (Klaytn's handler crashes when it is missing, which answers as its crash does).
    func transaction(_ defaults: TxDefaults) throws(RPCError) -> Transaction {
        guard let key else { throw .server("method handler crashed") }
        _ = try AccountKeyCodec.decode(key)
        var tx = defaults.transaction(.accountUpdate, from: from, nonce: nonce, gasPrice: gasPrice, gas: gas)
        tx.key = key
        return tx
    }
}

extension RPCParamDecoder where Value == AccountUpdateTxArgs {
    /// An `api.AccountUpdateTxArgs` parameter.
    public static var accountUpdateTxArgs: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> AccountUpdateTxArgs in try AccountUpdateTxArgs(json: value) }
    }
}
