import KlayPrimitives
import KlayTypes

/// Klaytn's Istanbul header rules (`verifyHeader`, `verifyCascadingFields`, `verifySigner`,
/// `verifyCommittedSeals` in `consensus/istanbul/backend/engine.go`) as pure functions of the header,
/// its parent, the parent's validator set, the block period and the caller's clock.
///
/// Fork-dependent fields are the chain's to check, not these: BaseFee presence (Magma), RandomReveal
/// and MixHash (Randao), and governance data at epoch blocks. Klaytn checks BaseFee first, and
/// Randao and governance between the signer and the committed seals.
public enum HeaderVerification {
    /// Seconds a header's time may run ahead of the local clock (`allowedFutureBlockTime`).
    public static let allowedFutureBlockTime: UInt64 = 1

    /// Checks `header` against `parent` in Klaytn's order: not from the future, extra decodes, block
    /// score 1; then (number > 0) the parent links, the block period has passed, the proposer seal
    /// is a validator's and the committed seals reach the quorum. The genesis (number 0) passes
    /// after the first three checks, as in Klaytn.
    ///
    /// - Parameters:
    ///   - validators: the council of the parent block's snapshot.
    ///   - blockPeriod: the minimum seconds between blocks (`istanbul.BlockPeriod`).
    ///   - now: the local clock in Unix seconds.
    public static func verify(_ header: Header, parent: Header, validators: ValidatorSet,
                              blockPeriod: UInt64, now: UInt64) throws(ConsensusError) {
        let extra = try verifyStandalone(header, now: now)
        guard let number = header.number.uint64Value, number > 0 else {
            if header.number == .zero { return }
            throw .unknownAncestor
        }
        try verifyParent(of: header, number: number, parent: parent, blockPeriod: blockPeriod)
        try verifySigner(header, extra: extra, validators: validators)
        try verifyCommittedSeals(header, extra: extra, validators: validators)
    }

    /// Checks a proposal (a PRE-PREPARE's block) as Klaytn's `backend.Verify` does: everything
    /// ``verify(_:parent:validators:blockPeriod:now:)`` checks, except that a proposal carries no
    /// committed seals yet (`zero committed seals` is accepted).
    public static func verifyProposal(_ header: Header, parent: Header, validators: ValidatorSet,
                                      blockPeriod: UInt64, now: UInt64) throws(ConsensusError) {
        do {
            try verify(header, parent: parent, validators: validators, blockPeriod: blockPeriod, now: now)
        } catch .zeroCommittedSeals {
            return
        }
    }

    /// The proposer of `header`: the address recovered from its seal over keccak(sigHash)
    /// (Klaytn's `Author`/`ecrecover`).
    public static func author(of header: Header) throws(ConsensusError) -> Address {
        guard let extra = try? IstanbulExtra(extra: header.extra) else { throw .invalidExtraDataFormat }
        return try author(of: header, extra: extra)
    }

    /// The validators whose committed seals `header` carries, in the order of the seals. Fails as
    /// `verifyCommittedSeals` does: no seals, a seal that recovers nothing, a non-validator, the same
    /// validator twice, or no more than 2F seals.
    public static func committers(of header: Header, validators: ValidatorSet) throws(ConsensusError) -> [Address] {
        guard let extra = try? IstanbulExtra(extra: header.extra) else { throw .invalidExtraDataFormat }
        return try verifyCommittedSeals(header, extra: extra, validators: validators)
    }

    /// Checks both seals of a non-genesis header without its parent (Klaytn's `VerifySeal` plus the
    /// committed seals): block score 1, the proposer is a validator, the committed seals reach quorum.
    public static func verifySeals(_ header: Header, validators: ValidatorSet) throws(ConsensusError) {
        guard header.number != .zero else { throw .unknownBlock }
        guard let extra = try? IstanbulExtra(extra: header.extra) else { throw .invalidExtraDataFormat }
        guard header.blockScore == .one else { throw .invalidBlockScore }
        try verifySigner(header, extra: extra, validators: validators)
        try verifyCommittedSeals(header, extra: extra, validators: validators)
    }

    // MARK: Steps

    /// The checks that need no parent: time, extra format, block score. Returns the decoded extra.
    private static func verifyStandalone(_ header: Header, now: UInt64) throws(ConsensusError) -> IstanbulExtra {
        let (limit, overflow) = now.addingReportingOverflow(allowedFutureBlockTime)
        if let time = header.time.uint64Value {
            guard overflow || time <= limit else { throw .futureBlock }
        } else {
            throw .futureBlock
        }
        guard let extra = try? IstanbulExtra(extra: header.extra) else { throw .invalidExtraDataFormat }
        guard header.blockScore == .one else { throw .invalidBlockScore }
        return extra
    }

    private static func verifyParent(of header: Header, number: UInt64, parent: Header,
                                     blockPeriod: UInt64) throws(ConsensusError) {
        guard parent.number == UInt256(number - 1), parent.hash == header.parentHash else {
            throw .unknownAncestor
        }
        let parentTime = parent.time.uint64Value ?? .max
        let (earliest, overflow) = parentTime.addingReportingOverflow(blockPeriod)
        guard !overflow, let time = header.time.uint64Value, earliest <= time else { throw .invalidTimestamp }
    }

    private static func author(of header: Header, extra: IstanbulExtra) throws(ConsensusError) -> Address {
        try IstanbulSignature.recoverSigner(of: header.sealHash.bytes, signature: extra.seal)
    }

    private static func verifySigner(_ header: Header, extra: IstanbulExtra,
                                     validators: ValidatorSet) throws(ConsensusError) {
        guard validators.contains(try author(of: header, extra: extra)) else { throw .unauthorized }
    }

    @discardableResult
    private static func verifyCommittedSeals(_ header: Header, extra: IstanbulExtra,
                                             validators: ValidatorSet) throws(ConsensusError) -> [Address] {
        guard !extra.committedSeals.isEmpty else { throw .zeroCommittedSeals }
        let signedData = IstanbulSealing.committedSealData(blockHash: header.hash)
        var unsealed = Set(validators.addresses)
        var committers: [Address] = []
        for seal in extra.committedSeals {
            guard let committer = try? IstanbulSignature.recoverSigner(of: signedData, signature: seal) else {
                throw .invalidSignature
            }
            guard unsealed.remove(committer) != nil else { throw .invalidCommittedSeals }
            committers.append(committer)
        }
        guard committers.count > 2 * validators.faultTolerance else { throw .invalidCommittedSeals }
        return committers
    }
}
