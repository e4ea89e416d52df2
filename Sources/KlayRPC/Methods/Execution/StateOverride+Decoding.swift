import KlayChain
import KlayPrimitives
import KlayTypes

extension RPCParamDecoder where Value == [(address: Address, override: StateOverride)] {
    /// `*api.EthStateOverride` (`eth_call`'s third parameter): `{address: {nonce, code, balance, state,
    /// stateDiff}}`; omitted or `null` gives no overrides. Accounts come back sorted by address.
    static var stateOverrides: Self {
        Self(whenAbsent: []) { (value: JSONValue) throws(GoDecodingError) -> [(address: Address, override: StateOverride)] in
            switch value {
            case .null: return []
            case .object(let members):
                var overrides: [Address: StateOverride] = [:]
                for member in members {
                    let address = Address(unsafeBytes: try fixedText(member.key, count: Address.byteCount, name: "Address"))
                    let account = try GoStructDecoding(member.value, goType: "api.EthOverrideAccount", structName: "EthOverrideAccount")
                    overrides[address] = StateOverride(
                        nonce: try account.optional("nonce", .uint64),
                        code: try account.optional("code", .bytes),
                        balance: try account.field("balance", .big, absent: nil),
                        state: try account.optional("state", .storageMap),
                        stateDiff: try account.optional("stateDiff", .storageMap))
                }
                return overrides.sorted { $0.key < $1.key }.map { (address: $0.key, override: $0.value) }
            default:
                throw .typeMismatch(value: goKind(value), goType: "api.EthStateOverride")
            }
        }
    }
}

extension RPCParamDecoder where Value == [(slot: UInt256, value: UInt256)] {
    /// `map[common.Hash]common.Hash`, slots sorted.
    static var storageMap: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> [(slot: UInt256, value: UInt256)] in
            guard case .object(let members) = value else {
                throw .typeMismatch(value: goKind(value), goType: "map[common.Hash]common.Hash")
            }
            var slots: [UInt256: UInt256] = [:]
            for member in members {
                let key = Hash(unsafeBytes: try fixedText(member.key, count: Hash.byteCount, name: "Hash"))
                slots[UInt256(key)] = UInt256(try RPCParamDecoder<Hash>.hash.decode(member.value))
            }
            return slots.sorted { $0.key < $1.key }.map { (slot: $0.key, value: $0.value) }
        }
    }
}

/// A map key read by `UnmarshalText` (`hexutil.UnmarshalFixedText`): `0x` and exactly `count` bytes,
/// with its bare error texts.
private func fixedText(_ text: String, count: Int, name: String) throws(GoDecodingError) -> [UInt8] {
    let digits = try GoHexText.byteDigits(text, requirePrefix: true)
    guard digits.count == count * 2 else { throw .other("hex string has length \(digits.count), want \(count * 2) for \(name)") }
    return try GoHexText.bytes(digits)
}
