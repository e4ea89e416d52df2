/// A decoded RLP value of any shape: a byte string or a list of items.
///
/// For generic tools and tests that handle RLP without knowing its schema; typed code
/// reads fields with `RLPReader` directly instead.
public indirect enum RLPItem: Equatable, Sendable {
    case bytes([UInt8])
    case list([RLPItem])

    /// The deepest list nesting that decoding accepts, so hostile input cannot exhaust the stack.
    public static let maxDepth = 1024

    /// Decodes `bytes`, which must hold exactly one canonical item.
    public static func decode(_ bytes: ArraySlice<UInt8>) throws(RLPError) -> RLPItem {
        var reader = RLPReader(bytes)
        let item = try RLPItem(reading: &reader)
        try reader.finish()
        return item
    }

    /// Decodes `bytes`, which must hold exactly one canonical item.
    public static func decode(_ bytes: [UInt8]) throws(RLPError) -> RLPItem {
        try decode(bytes[...])
    }

    /// Reads the next item from `reader`, with all of its contents.
    public init(reading reader: inout RLPReader) throws(RLPError) {
        self = try Self.read(from: &reader, depth: 0)
    }

    /// Reads one item whose enclosing lists are `depth` deep.
    private static func read(from reader: inout RLPReader, depth: Int) throws(RLPError) -> RLPItem {
        switch reader.peekKind {
        case nil:
            throw .unexpectedEnd
        case .bytes:
            return .bytes(Array(try reader.readBytes()))
        case .list:
            guard depth < maxDepth else { throw .nestingTooDeep(limit: maxDepth) }
            var elements = try reader.readList()
            var items: [RLPItem] = []
            while !elements.isAtEnd {
                items.append(try read(from: &elements, depth: depth + 1))
            }
            return .list(items)
        }
    }

    /// Appends this item's encoding to `writer`.
    public func write(to writer: inout RLPWriter) {
        switch self {
        case .bytes(let bytes):
            writer.append(bytes: bytes)
        case .list(let items):
            writer.list { writer in
                for item in items { item.write(to: &writer) }
            }
        }
    }

    /// This item's RLP encoding.
    public func encoded() -> [UInt8] {
        var writer = RLPWriter()
        write(to: &writer)
        return writer.bytes
    }
}
