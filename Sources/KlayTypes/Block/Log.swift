import KlayPrimitives

/// An event a contract emitted (LOG0…LOG4): consensus form `rlp([address, [topics…], data])`.
public struct Log: Sendable, Hashable {
    public var address: Address
    public var topics: [Hash]
    public var data: [UInt8]

    public init(address: Address, topics: [Hash], data: [UInt8]) {
        self.address = address
        self.topics = topics
        self.data = data
    }

    /// Writes `[address, [topics…], data]`.
    public func write(to writer: inout RLPWriter) {
        writer.list { list in
            address.withUnsafeBytes { list.append(bytes: $0) }
            let topicList = list.beginList()
            for topic in topics { topic.withUnsafeBytes { list.append(bytes: $0) } }
            list.endList(topicList)
            list.append(bytes: data)
        }
    }

    /// Reads one consensus-form log.
    public init(reading reader: inout RLPReader) throws(RLPError) {
        var list = try reader.readList()
        address = try list.readFixed()
        var topicList = try list.readList()
        var topics: [Hash] = []
        while !topicList.isAtEnd { topics.append(try topicList.readFixed()) }
        self.topics = topics
        data = Array(try list.readBytes())
        try list.finish()
    }

    /// Reads a list of consensus-form logs.
    public static func readList(from reader: inout RLPReader) throws(RLPError) -> [Log] {
        var list = try reader.readList()
        var logs: [Log] = []
        while !list.isAtEnd { logs.append(try Log(reading: &list)) }
        return logs
    }

    /// Adds the log's address and topics to `bloom`.
    public func addTo(_ bloom: inout Bloom) {
        address.withUnsafeBytes { bloom.add($0) }
        for topic in topics { topic.withUnsafeBytes { bloom.add($0) } }
    }
}

extension [Log] {
    /// keccak256 of `rlp([log, …])`: the `logs` hash state tests compare.
    public var rlpHash: Hash {
        var writer = RLPWriter(capacity: 256)
        let marker = writer.beginList()
        for log in self { log.write(to: &writer) }
        writer.endList(marker)
        return writer.withUnsafeBytes { Keccak256.hash($0) }
    }

    /// The bloom of all the logs.
    public var bloom: Bloom {
        var bloom = Bloom.zero
        for log in self { log.addTo(&bloom) }
        return bloom
    }
}
