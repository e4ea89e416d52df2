import KlayPrimitives
import KlayTypes

/// Writing Istanbul's consensus data into a header (spec/chain.md §2): the prepared extra, the
/// proposer seal and the committed seals with the round.
public enum IstanbulSealing {
    /// The extra of a header being built (`prepareExtra`): the first 32 bytes of `vanity`
    /// (zero-padded when shorter) followed by `rlp([validators, "", []])`.
    public static func preparedExtra(vanity: [UInt8], validators: [Address]) -> [UInt8] {
        var padded = Array(vanity.prefix(IstanbulExtra.vanityLength))
        padded.append(contentsOf: repeatElement(0, count: IstanbulExtra.vanityLength - padded.count))
        return IstanbulExtra(vanity: padded, validators: validators).encoded
    }

    /// `header` with `key`'s proposer seal: sign(keccak(sigHash)), where sigHash is ``Header/sealHash``
    /// (the header without seal, committed seals and round). Fails if the extra does not decode.
    public static func seal(_ header: Header, with key: PrivateKey) throws(ConsensusError) -> Header {
        guard var istanbul = try? IstanbulExtra(extra: header.extra) else { throw .invalidExtraDataFormat }
        istanbul.seal = IstanbulSignature.sign(header.sealHash.bytes, with: key)
        var sealed = header
        sealed.extra = istanbul.encoded
        return sealed
    }

    /// What a committed seal signs (`PrepareCommittedSeal`): the block hash followed by the COMMIT
    /// message code, 0x02.
    public static func committedSealData(blockHash: Hash) -> [UInt8] {
        blockHash.bytes + [UInt8(MessageCode.commit.rawValue)]
    }

    /// `key`'s 65-byte committed seal for the block `blockHash`: sign(keccak(blockHash ‖ 0x02)).
    public static func commitSeal(blockHash: Hash, with key: PrivateKey) -> [UInt8] {
        IstanbulSignature.sign(committedSealData(blockHash: blockHash), with: key)
    }

    /// `header` with `round` (its low byte, as Klaytn's `byte(r)`) in the last vanity byte, which the
    /// block hash ignores (`SetRoundToHeader`).
    public static func writeRound(_ header: Header, round: UInt64) throws(ConsensusError) -> Header {
        guard var istanbul = try? IstanbulExtra(extra: header.extra) else { throw .invalidExtraDataFormat }
        istanbul.vanity[IstanbulExtra.vanityLength - 1] = UInt8(truncatingIfNeeded: round)
        var written = header
        written.extra = istanbul.encoded
        return written
    }

    /// `header` with `seals` as its committed seals and `round` (its low byte, as Klaytn's `byte(r)`)
    /// in the last vanity byte. Neither changes the block hash. Fails with `invalid committed seals`
    /// for no seals or a seal that is not 65 bytes, as Klaytn's `writeCommittedSeals` does.
    public static func writeCommittedSeals(_ header: Header, seals: [[UInt8]], round: UInt64) throws(ConsensusError) -> Header {
        guard !seals.isEmpty, seals.allSatisfy({ $0.count == IstanbulSignature.length }) else {
            throw .invalidCommittedSeals
        }
        guard var istanbul = try? IstanbulExtra(extra: header.extra) else { throw .invalidExtraDataFormat }
        istanbul.vanity[IstanbulExtra.vanityLength - 1] = UInt8(truncatingIfNeeded: round)
        istanbul.committedSeals = seals
        var committed = header
        committed.extra = istanbul.encoded
        return committed
    }
}
