import KlayPrimitives

/// The outcome of one transaction in a block (spec/chain.md §3.2–3.3).
///
/// Klaytn's receipt differs from Ethereum's: `status` is 1 on success or a Klaytn error code
/// (``ReceiptStatus``), `gasUsed` is the transaction's own gas (not cumulative), and there is no
/// post-state. The consensus form (what the receipts root and the network carry) is
/// `rlp([status, gasUsed, bloom, logs])`; the database form adds the transaction hash and the
/// created contract's address.
public struct Receipt: Sendable, Equatable {
    public var status: ReceiptStatus
    public var gasUsed: UInt64
    /// The bloom of this receipt's own logs.
    public var bloom: Bloom
    public var logs: [Log]
    public var transactionHash: Hash
    /// The CREATE address for contract deployments, zero otherwise.
    public var contractAddress: Address

    public init(status: ReceiptStatus, gasUsed: UInt64, logs: [Log], transactionHash: Hash, contractAddress: Address = .zero) {
        self.status = status
        self.gasUsed = gasUsed
        self.logs = logs
        bloom = logs.bloom
        self.transactionHash = transactionHash
        self.contractAddress = contractAddress
    }

    /// `rlp([status, gasUsed, bloom, logs])`: the item the receipts root hashes.
    public var consensusEncoded: [UInt8] {
        var writer = RLPWriter(capacity: 300 + logs.count * 128)
        writer.list { list in
            list.append(UInt64(status.rawValue))
            list.append(gasUsed)
            bloom.withUnsafeBytes { list.append(bytes: $0) }
            writeLogs(to: &list)
        }
        return writer.bytes
    }

    /// Writes the database form `[status, bloom, txHash, contractAddress, [log…], gasUsed]` (the logs
    /// without their block context, which the store knows from where the receipt sits).
    public func writeStorage(to writer: inout RLPWriter) {
        writer.list { list in
            list.append(UInt64(status.rawValue))
            bloom.withUnsafeBytes { list.append(bytes: $0) }
            transactionHash.withUnsafeBytes { list.append(bytes: $0) }
            contractAddress.withUnsafeBytes { list.append(bytes: $0) }
            writeLogs(to: &list)
            list.append(gasUsed)
        }
    }

    /// Reads the database form written by ``writeStorage(to:)``.
    public init(readingStorage reader: inout RLPReader) throws(RLPError) {
        var list = try reader.readList()
        status = ReceiptStatus(rawValue: try list.readUInt8())
        bloom = try list.readFixed()
        transactionHash = try list.readFixed()
        contractAddress = try list.readFixed()
        logs = try Log.readList(from: &list)
        gasUsed = try list.readUInt64()
        try list.finish()
    }

    private func writeLogs(to writer: inout RLPWriter) {
        let marker = writer.beginList()
        for log in logs { log.write(to: &writer) }
        writer.endList(marker)
    }
}

/// A receipt's status: 1 for success, otherwise Klaytn's `txError` code (spec/transactions.md §13).
public struct ReceiptStatus: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let failed = ReceiptStatus(rawValue: 0)
    public static let success = ReceiptStatus(rawValue: 1)
    /// Any EVM error without a code of its own.
    public static let vmError = ReceiptStatus(rawValue: 0x02)
    public static let notProgramAccount = ReceiptStatus(rawValue: 0x0c)
    public static let feeRatioOutOfRange = ReceiptStatus(rawValue: 0x0e)
    public static let accountKeyFailNotUpdatable = ReceiptStatus(rawValue: 0x0f)
    public static let differentAccountKeyType = ReceiptStatus(rawValue: 0x10)
    public static let accountKeyNilUninitializable = ReceiptStatus(rawValue: 0x11)
    public static let notOnCurve = ReceiptStatus(rawValue: 0x12)
    public static let zeroKeyWeight = ReceiptStatus(rawValue: 0x13)
    public static let unserializableKey = ReceiptStatus(rawValue: 0x14)
    public static let duplicatedKey = ReceiptStatus(rawValue: 0x15)
    public static let weightedSumOverflow = ReceiptStatus(rawValue: 0x16)
    public static let unsatisfiableThreshold = ReceiptStatus(rawValue: 0x17)
    public static let zeroLength = ReceiptStatus(rawValue: 0x18)
    public static let lengthTooLong = ReceiptStatus(rawValue: 0x19)
    public static let nestedCompositeType = ReceiptStatus(rawValue: 0x1a)
    public static let legacyTransactionMustBeWithLegacyKey = ReceiptStatus(rawValue: 0x1b)
    public static let invalidCodeFormat = ReceiptStatus(rawValue: 0x1e)

    public var isSuccess: Bool { self == .success }

    /// Klaytn's message for the code (`txError` in RPC), "success" for 1.
    public var description: String {
        switch rawValue {
        case 0: return "failed"
        case 1: return "success"
        case 0x02: return "VM error occurs while running smart contract"
        case 0x03: return "max call depth exceeded"
        case 0x04: return "contract address collision"
        case 0x05: return "contract creation code storage out of gas"
        case 0x06: return "evm: max code size exceeded"
        case 0x07: return "out of gas"
        case 0x08: return "evm: write protection"
        case 0x09: return "evm: execution reverted"
        case 0x0a: return "reached the opcode computation cost limit"
        case 0x0b: return "account already exists"
        case 0x0c: return "not a program account"
        case 0x0d: return "Human-readable address is not supported now"
        case 0x0e: return "fee ratio is out of range [1, 99]"
        case 0x0f: return "AccountKeyFail is not updatable"
        case 0x10: return "different account key type"
        case 0x11: return "AccountKeyNil cannot be initialized to an account"
        case 0x12: return "public key is not on curve"
        case 0x13: return "key weight is zero"
        case 0x14: return "key is not serializable"
        case 0x15: return "duplicated key"
        case 0x16: return "weighted sum overflow"
        case 0x17: return "unsatisfiable threshold. Weighted sum of keys is less than the threshold."
        case 0x18: return "length is zero"
        case 0x19: return "length too long"
        case 0x1a: return "nested composite type"
        case 0x1b: return "a legacy transaction must be with a legacy account key"
        case 0x1c: return "deprecated feature"
        case 0x1d: return "not supported"
        case 0x1e: return "smart contract code format is invalid"
        default: return "unknown status \(rawValue)"
        }
    }
}
