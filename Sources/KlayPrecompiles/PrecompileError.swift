/// Why a precompile failed. The frame fails with it (all its gas consumed); `message` is the text
/// go-ethereum / Klaytn give, which traces and RPC errors show.
public struct PrecompileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    static let coordinateExceedsModulus = PrecompileError("bn256: coordinate exceeds modulus")
    static let coordinateEqualsModulus = PrecompileError("bn256: coordinate equals modulus")
    static let malformedPoint = PrecompileError("bn256: malformed point")
    static let badPairingSize = PrecompileError("bad elliptic curve pairing size")
    static let invalidInputLength = PrecompileError("invalid input length")
    static let invalidFinalFlag = PrecompileError("invalid final flag")
    static let mismatchedVersionedHash = PrecompileError("mismatched versioned hash")
}
