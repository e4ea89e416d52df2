import KlayConsensus
import KlayNode
import KlayPrimitives
import KlayTypes

/// Who made and voted on stored blocks, as Klaytn's Istanbul API extension reports it: the council, the
/// committee, and a block with its consensus information (`GetConsensusInfo`).
///
/// The council is the fixed genesis council (governance votes are not applied yet); the committee is
/// the whole council, the only case the consensus module supports (council size ≤ committee size).
struct ConsensusInfoReader: Sendable {
    let node: NodeServices

    /// Klaytn's limit on a range: more than 50 blocks apart is refused.
    static let maximumRangeSpan: Int64 = 50

    /// The header a consensus query names (`headerByRpcNumber`): the head when nil or `latest`;
    /// `pending is not allowed`; `unknown block` past the head.
    func header(at number: RPCBlockNumber?) throws(RPCError) -> Header {
        guard let number, number != .latest else { return node.chain.head }
        guard number != .pending else { throw .server("pending is not allowed") }
        guard let header = node.header(number) else { throw .server("unknown block") }
        return header
    }

    /// The council at a block: the genesis extra's validators for block 0, else the validators and
    /// demoted validators of the parent's snapshot.
    func council(at number: RPCBlockNumber?) throws(RPCError) -> [Address] {
        let header = try header(at: number)
        guard header.number != .zero else { return try genesisValidators(header) }
        return node.chain.validators.addresses
    }

    /// The committee of a block: the genesis extra's validators for block 0, else the committee that
    /// includes the block's proposer.
    func committee(at number: RPCBlockNumber?) throws(RPCError) -> [Address] {
        let header = try header(at: number)
        guard header.number != .zero else { return try genesisValidators(header) }
        _ = try node.proposer(of: header)
        return try wholeCouncilCommittee()
    }

    /// `getBlockWithConsensusInfoByNumber`: `block number is not assigned` without a number, `pending is
    /// not allowed`, Klaytn's block-not-found text past the head.
    func blockWithConsensusInfo(number: RPCBlockNumber?) throws(RPCError) -> JSONValue {
        guard let number else { throw .server("block number is not assigned") }
        guard number != .pending else { throw .server("pending is not allowed") }
        guard let block = node.block(number) else {
            throw .server("the block does not exist (block number: \(number.rawValue))")
        }
        return try blockWithConsensusInfo(block)
    }

    /// The block object (without `transactions`) plus `committee`, `committers`, `sigHash`, `proposer`,
    /// `round`, `originProposer`, and `transactions` as receipt objects (transaction objects if the
    /// receipts are missing); `internal error` when the consensus information cannot be worked out.
    func blockWithConsensusInfo(_ block: Block) throws(RPCError) -> JSONValue {
        let info = try consensusInfo(of: block)
        let receipts = (try? node.chain.chainStore.receipts(blockHash: block.hash)) ?? []
        let transactions: [JSONValue] = receipts.count == block.transactions.count
            ? KlayReceiptJSON.receipts(of: block, receipts: receipts)
            : block.transactions.indices.map { KlayTransactionJSON.transaction(in: block, index: $0) }
        return node.klayBlockJSON(block, transactions: .omitted).setting(info + [("transactions", .array(transactions))]).sortedByKey()
    }

    /// `getBlockWithConsensusInfoByNumberRange`: a map from `0x<n>` to each block with consensus
    /// information, or null for a block that fails.
    func blocksWithConsensusInfo(from start: RPCBlockNumber?, to end: RPCBlockNumber?) throws(RPCError) -> JSONValue {
        guard let start, let end else { throw .server("range values should not be nil") }
        let first = start.rawValue
        let last = end.rawValue
        guard first >= 0 else { throw .server("start block number should be positive") }
        guard last <= Int64(node.chain.head.number.uint64Value ?? 0) else {
            throw .server("end block number should be smaller than the latest block number")
        }
        guard first <= last else { throw .server("start should be smaller than end") }
        guard last - first <= Self.maximumRangeSpan else { throw .server("number of requested blocks should be smaller than 50") }
        let blocks = (first...last).map { number -> (key: String, value: JSONValue) in
            let block = try? blockWithConsensusInfo(number: RPCBlockNumber(rawValue: number))
            return ("0x" + String(number, radix: 16), block ?? .null)
        }
        return JSONValue.object(blocks).sortedByKey()
    }

    /// Klaytn's `ConsensusInfo` members; all zero (and null lists) for the genesis block.
    private func consensusInfo(of block: Block) throws(RPCError) -> [(key: String, value: JSONValue)] {
        let header = block.header
        guard header.number != .zero else {
            return [("committee", .null), ("committers", .null), ("sigHash", .string(Hash.zero.hex)),
                    ("proposer", .string(Address.zero.hex)), ("round", .integer(0)), ("originProposer", .string(Address.zero.hex))]
        }
        let validators = node.chain.validators
        guard let proposer = try? node.chain.engine.author(of: header),
              let extra = try? IstanbulExtra(extra: header.extra),
              let committers = try? node.chain.engine.committers(of: header, validators: validators) else {
            throw .server("internal error")
        }
        let parent = try? node.chain.chainStore.header(hash: header.parentHash)
        let lastProposer = parent.flatMap { $0.number == .zero ? nil : try? node.chain.engine.author(of: $0) }
        let originProposer = validators.proposer(lastProposer: lastProposer, round: 0) ?? .zero
        return [
            ("committee", .array(try wholeCouncilCommittee().map { .string($0.hex) })),
            ("committers", .array(committers.map { .string($0.hex) })),
            ("sigHash", .string(header.sealHash.hex)),
            ("proposer", .string(proposer.hex)),
            ("round", .integer(extra.vanity[IstanbulExtra.vanityLength - 1])),
            ("originProposer", .string(originProposer.hex)),
        ]
    }

    private func genesisValidators(_ header: Header) throws(RPCError) -> [Address] {
        guard let extra = try? IstanbulExtra(extra: header.extra) else {
            throw .server("extract Istanbul Extra from block header of the given block number")
        }
        return extra.validators
    }

    private func wholeCouncilCommittee() throws(RPCError) -> [Address] {
        guard node.chain.validators.hasWholeCouncilCommittee else { throw .server("internal error") }
        return node.chain.validators.addresses
    }
}
