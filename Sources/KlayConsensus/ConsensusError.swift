/// Why Istanbul BFT rejects a header or a seal. Descriptions are Klaytn's error texts, word for word
/// (`consensus/istanbul/backend/engine.go`, `consensus/errors.go`, `crypto/secp256k1/secp256.go`),
/// so logs and RPC errors read as the reference node's do.
public enum ConsensusError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `consensus.ErrFutureBlock`: the header's time is more than one second past the caller's clock.
    case futureBlock
    /// `errInvalidExtraDataFormat`: the extra field is not 32 bytes of vanity plus Istanbul RLP.
    case invalidExtraDataFormat
    /// `errInvalidBlockScore`: the block score is not 1.
    case invalidBlockScore
    /// `consensus.ErrUnknownAncestor`: the given parent's number or hash does not precede the header.
    case unknownAncestor
    /// `errInvalidTimestamp`: the header is less than one block period after its parent.
    case invalidTimestamp
    /// `errUnknownBlock`: the genesis block, which has no seals to verify.
    case unknownBlock
    /// `secp256k1.ErrInvalidSignatureLen`: a proposer seal that is not 65 bytes.
    case invalidSignatureLength
    /// `secp256k1.ErrInvalidRecoveryID`: the seal's last byte is 4 or more.
    case invalidRecoveryID
    /// `secp256k1.ErrRecoverFailed`: no public key recovers from the seal.
    case recoveryFailed
    /// `errUnauthorized`: the proposer seal (or a local key) is not one of the parent's validators.
    case unauthorized
    /// `errEmptyCommittedSeals`: the header carries no committed seals.
    case zeroCommittedSeals
    /// `errInvalidSignature`: a committed seal from which no signer recovers, or a proposer seal that
    /// is not a whole number of 65-byte signatures when written.
    case invalidSignature
    /// `errInvalidCommittedSeals`: a committed seal from a non-validator or a second one from the same
    /// validator, too few seals for the quorum, or committed seals of the wrong length when written.
    case invalidCommittedSeals

    public var description: String {
        switch self {
        case .futureBlock: "block in the future"
        case .invalidExtraDataFormat: "invalid extra data format"
        case .invalidBlockScore: "invalid blockscore"
        case .unknownAncestor: "unknown ancestor"
        case .invalidTimestamp: "invalid timestamp"
        case .unknownBlock: "unknown block"
        case .invalidSignatureLength: "invalid signature length"
        case .invalidRecoveryID: "invalid signature recovery id"
        case .recoveryFailed: "recovery failed"
        case .unauthorized: "unauthorized"
        case .zeroCommittedSeals: "zero committed seals"
        case .invalidSignature: "invalid signature"
        case .invalidCommittedSeals: "invalid committed seals"
        }
    }
}
