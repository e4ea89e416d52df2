import KlayPrimitives
import KlayStorage
import KlayTypes

/// The genesis block and the chain config, written once when a database is initialised.
extension ChainStore {
    /// The hash of the genesis block, or nil on an empty database.
    public func genesisHash() throws(ChainStoreError) -> Hash? {
        try hashValue(.metadata, ChainKeys.genesisHash)
    }

    /// Adds the genesis block (no transactions, so no receipts) as the head, its hash, and the chain
    /// config to `batch` — the caller commits them with the genesis state. Returns false and adds
    /// nothing when the store already holds this genesis; throws ``ChainStoreError/genesisMismatch(stored:given:)``
    /// when it holds another.
    ///
    /// `configJSON` is the chain config as the genesis file's `config` object (read back with
    /// ``chainConfig(genesisHash:)``).
    @discardableResult
    public func writeGenesis(_ block: Block, configJSON: [UInt8], to batch: inout WriteBatch) throws(ChainStoreError) -> Bool {
        precondition(block.transactions.isEmpty, "a genesis block has no transactions")
        let hash = block.hash
        if let stored = try genesisHash() {
            guard stored == hash else { throw .genesisMismatch(stored: stored, given: hash) }
            return false
        }
        write(block: block, receipts: [], senders: [], to: &batch, indexSenderTxHashes: false)
        batch.put(ChainKeys.genesisHash, hash.bytes)
        writeChainConfig(json: configJSON, genesisHash: hash, to: &batch)
        return true
    }

    /// Adds the chain config of the chain starting at `genesisHash` to `batch`, replacing any stored one
    /// (as when a node upgrade schedules new hardforks).
    public func writeChainConfig(json: [UInt8], genesisHash: Hash, to batch: inout WriteBatch) {
        batch.put(ChainKeys.chainConfig(genesisHash), json)
    }

    /// The chain config stored for the chain starting at `genesisHash`, or nil if none is stored.
    public func chainConfig(genesisHash: Hash) throws(ChainStoreError) -> ChainConfig? {
        let key = ChainKeys.chainConfig(genesisHash)
        guard let json = try value(key) else { return nil }
        do {
            return try ChainConfig(json: json)
        } catch {
            throw .corrupt(table: .chainConfig, key: key, reason: "\(error)")
        }
    }
}
