import KlayPrimitives

/// The state-trie value of an account (spec/accounts.md §2):
/// EOA `0x01 ‖ rlp([nonce, balance, humanReadable, keyType, keyBody])`,
/// SCA `0x02 ‖ rlp([[nonce, balance, humanReadable, keyType, keyBody], storageRoot, codeHash, codeInfo])`.
extension Account {
    /// The encoding the state trie stores and hashes.
    public func encoded() -> [UInt8] {
        var writer = RLPWriter(capacity: 128)
        write(to: &writer)
        return writer.bytes
    }

    /// Appends the encoding to `writer`, so that one buffer can serve many accounts.
    public func write(to writer: inout RLPWriter) {
        writer.append(UInt64(kind.rawValue))
        guard let contract else {
            writeCommon(to: &writer)
            return
        }
        writer.list { fields in
            writeCommon(to: &fields)
            contract.storageRoot.withUnsafeBytes { fields.append(bytes: $0) }
            contract.codeHash.withUnsafeBytes { fields.append(bytes: $0) }
            fields.append(UInt64(contract.codeInfo.rawValue))
        }
    }

    /// Decodes a state-trie value. LegacyAccount values (a bare list) are refused: Klaytn never
    /// writes them and terminates on reading one, so meeting one means the data is not Klaytn state.
    public init(decoding bytes: some Collection<UInt8>) throws(AccountError) {
        let input = Array(bytes)
        guard let prefix = input.first else { throw .malformed(.unexpectedEnd) }
        guard prefix < 0xc0 else { throw .legacyAccountNotSupported }
        guard let kind = Kind(rawValue: prefix) else { throw .unknownAccountType(prefix) }
        var reader = RLPReader(input[1...])
        var common: RLPReader
        var contractFields: (storageRoot: ArraySlice<UInt8>, codeHash: ArraySlice<UInt8>, codeInfo: UInt8)?
        do {
            switch kind {
            case .externallyOwned:
                common = try reader.readList()
            case .smartContract:
                var fields = try reader.readList()
                common = try fields.readList()
                let storageRoot = try fields.readBytes()
                let codeHash = try fields.readBytes()
                let codeInfo = try fields.readBigEndianInteger(maxBytes: 1).first ?? 0
                try fields.finish()
                contractFields = (storageRoot, codeHash, codeInfo)
            }
            try reader.finish()
        } catch {
            throw .malformed(error)
        }
        var contract: Contract?
        if let contractFields {
            contract = Contract(
                storageRoot: try AccountError.hashField(contractFields.storageRoot, field: "storage root"),
                codeHash: try AccountError.hashField(contractFields.codeHash, field: "code hash"),
                codeInfo: CodeInfo(rawValue: contractFields.codeInfo))
        }
        self = try Self.readCommon(from: &common, contract: contract)
    }

    /// Writes `[nonce, balance, humanReadable, keyType, keyBody]`.
    private func writeCommon(to writer: inout RLPWriter) {
        writer.list { fields in
            fields.append(nonce)
            fields.append(balance)
            fields.append(humanReadable)
            key.writeInline(to: &fields)
        }
    }

    /// Reads the fields of `[nonce, balance, humanReadable, keyType, keyBody]`.
    private static func readCommon(from fields: inout RLPReader, contract: Contract?) throws(AccountError) -> Account {
        let nonce: UInt64, balance: UInt256, humanReadable: Bool
        do {
            nonce = try fields.readUInt64()
            balance = try fields.readUInt256()
            humanReadable = try fields.readBool()
        } catch {
            throw .malformed(error)
        }
        let key: AccountKey
        do {
            key = try AccountKey(readingInline: &fields)
        } catch {
            throw .key(error)
        }
        do {
            try fields.finish()
        } catch {
            throw .malformed(error)
        }
        return Account(nonce: nonce, balance: balance, humanReadable: humanReadable, key: key, contract: contract)
    }
}
