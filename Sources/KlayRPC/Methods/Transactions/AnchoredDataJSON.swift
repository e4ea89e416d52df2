import KlayTypes

/// `klay_getDecodedAnchoringTransactionByHash`'s result: the anchored block summary decoded by Klaytn's
/// `DecodeAnchoringData` (the type-0 or the legacy form; the JSON form is `unknown anchoring tx type`),
/// marshalled and read back into a Go map, so keys are sorted and the integers are float64 numbers.
enum AnchoredDataJSON {
    static func decoded(_ data: [UInt8]) throws(RPCError) -> JSONValue {
        guard let decoded = Transaction.anchoringDataJSON(data) else {
            throw .server("rlp: anchored data is neither the typed nor the legacy anchoring form")
        }
        guard case .object(let members) = decoded, members.contains(where: { $0.key == "blockHash" }) else {
            throw .server("unknown anchoring tx type")
        }
        return JSONValue.object(members.map { member in
            guard case .number(let text) = member.value, let number = Double(text) else { return member }
            return (member.key, .number(JSONValue.goFloatText(number)))
        }).sortedByKey()
    }
}
