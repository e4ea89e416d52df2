import KlayPrimitives
import KlayTypes

/// A log query (spec/rpc.md §2.8; Klaytn's `FilterCriteria`): a block range or one block hash, the
/// addresses (any of them matches; none means all) and the topic rules by position (each position
/// matches any of its topics; an empty rule matches anything).
public struct FilterCriteria: Sendable, Equatable {
    /// The first block; nil means `latest`.
    public var fromBlock: RPCBlockNumber?
    /// The last block; nil means `latest`.
    public var toBlock: RPCBlockNumber?
    /// One block instead of a range.
    public var blockHash: Hash?
    public var addresses: [Address] = []
    public var topics: [[Hash]] = []

    public init(fromBlock: RPCBlockNumber? = nil, toBlock: RPCBlockNumber? = nil, blockHash: Hash? = nil,
                addresses: [Address] = [], topics: [[Hash]] = []) {
        self.fromBlock = fromBlock
        self.toBlock = toBlock
        self.blockHash = blockHash
        self.addresses = addresses
        self.topics = topics
    }

    /// Whether `log` passes the address and topic rules (Klaytn's `filterLogs` without the block bounds).
    public func matches(_ log: Log) -> Bool {
        if !addresses.isEmpty, !addresses.contains(log.address) { return false }
        if topics.count > log.topics.count { return false }
        for (position, rule) in topics.enumerated() where !rule.isEmpty {
            if !rule.contains(log.topics[position]) { return false }
        }
        return true
    }

    /// Whether a block with `bloom` may hold a matching log (Klaytn's `bloomFilter`).
    public func mayMatch(_ bloom: Bloom) -> Bool {
        if !addresses.isEmpty, !addresses.contains(where: { address in address.withUnsafeBytes { bloom.mayContain($0) } }) {
            return false
        }
        for rule in topics where !rule.isEmpty {
            if !rule.contains(where: { topic in topic.withUnsafeBytes { bloom.mayContain($0) } }) { return false }
        }
        return true
    }
}

extension RPCParamDecoder where Value == FilterCriteria {
    /// Klaytn's `FilterCriteria.UnmarshalJSON`, with its texts: `cannot specify both BlockHash and
    /// FromBlock/ToBlock, choose one or the other`, `invalid address at index i: …`, `invalid address: …`,
    /// `non-string address at index i`, `invalid addresses in query`, `invalid topic(s)`, and Go's
    /// errors for members of the wrong JSON type (its inner struct is `filters.input`).
    public static var filterCriteria: Self {
        Self { (value: JSONValue) throws(GoDecodingError) -> FilterCriteria in
            let members: [(key: String, value: JSONValue)]
            switch value {
            case .null: members = []
            case .object(let present): members = present
            default: throw .typeMismatch(value: goKind(value), goType: "filters.input")
            }
            var blockHash: Hash?
            var fromBlock: RPCBlockNumber?
            var toBlock: RPCBlockNumber?
            var addressValue: JSONValue = .null
            var topicValues: [JSONValue] = []
            // encoding/json: keys match field names case-insensitively, the last duplicate wins.
            for member in members {
                switch member.key.lowercased() {
                case "blockhash":
                    if case .null = member.value { blockHash = nil; continue }
                    do throws(GoDecodingError) { blockHash = try RPCParamDecoder<Hash>.hash.decode(member.value) } catch {
                        throw error.inStructField("input", key: "blockHash")
                    }
                case "fromblock":
                    if case .null = member.value { fromBlock = nil; continue }
                    fromBlock = try decodeBlockNumber(member.value)
                case "toblock":
                    if case .null = member.value { toBlock = nil; continue }
                    toBlock = try decodeBlockNumber(member.value)
                case "address":
                    addressValue = member.value
                case "topics":
                    switch member.value {
                    case .null: topicValues = []
                    case .array(let items): topicValues = items
                    default:
                        throw .typeMismatch(value: goKind(member.value), goType: "[]interface {}", field: "input.topics")
                    }
                default:
                    continue
                }
            }
            var criteria = FilterCriteria()
            if let blockHash {
                if fromBlock != nil || toBlock != nil {
                    throw .other("cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other")
                }
                criteria.blockHash = blockHash
            } else {
                criteria.fromBlock = fromBlock
                criteria.toBlock = toBlock
            }
            criteria.addresses = try decodeAddresses(addressValue)
            criteria.topics = try topicValues.map(decodeTopicRule)
            return criteria
        }
    }
}

private func decodeAddresses(_ value: JSONValue) throws(GoDecodingError) -> [Address] {
    switch value {
    case .null:
        return []
    case .string(let text):
        do throws(GoDecodingError) { return [try decodeFixed(text, as: Address.self)] } catch { throw .other("invalid address: \(error)") }
    case .array(let items):
        var addresses: [Address] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else { throw .other("non-string address at index \(index)") }
            do throws(GoDecodingError) { addresses.append(try decodeFixed(text, as: Address.self)) } catch {
                throw .other("invalid address at index \(index): \(error)")
            }
        }
        return addresses
    default:
        throw .other("invalid addresses in query")
    }
}

/// One position of the topic rules: null (anything), a topic, or a list of topics (a null in the list
/// makes the position match anything).
private func decodeTopicRule(_ value: JSONValue) throws(GoDecodingError) -> [Hash] {
    switch value {
    case .null:
        return []
    case .string(let text):
        return [try decodeFixed(text, as: Hash.self)]
    case .array(let items):
        var rule: [Hash] = []
        for item in items {
            switch item {
            case .null: return []
            case .string(let text): rule.append(try decodeFixed(text, as: Hash.self))
            default: throw .other("invalid topic(s)")
            }
        }
        return rule
    default:
        throw .other("invalid topic(s)")
    }
}

/// hexutil's `Decode` followed by Klaytn's length check (`decodeAddress`, `decodeTopic`), with their texts.
private func decodeFixed<Value: FixedBytes>(_ text: String, as type: Value.Type) throws(GoDecodingError) -> Value {
    guard !text.isEmpty else { throw .other(GoHexText.emptyString) }
    let utf8 = Array(text.utf8)[...]
    guard GoHexText.hasPrefix(utf8) else { throw .other(GoHexText.missingPrefix) }
    let digits = utf8.dropFirst(2)
    // encoding/hex reports a bad character before an odd length.
    guard digits.allSatisfy({ Hex.nibble($0) != nil }) else { throw .other(GoHexText.syntax) }
    guard digits.count % 2 == 0 else { throw .other(GoHexText.oddLength) }
    let bytes = try GoHexText.bytes(digits)
    guard bytes.count == Value.byteCount, let decoded = try? Value(bytes: bytes) else {
        throw .other("hex has invalid length \(bytes.count) after decoding")
    }
    return decoded
}
