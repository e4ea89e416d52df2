import KlayPrimitives

/// One member of an AccountKeyWeightedMultiSig: a public key and the weight its signature adds
/// towards the threshold.
public struct WeightedPublicKey: Sendable, Hashable {
    /// Klaytn's Go `uint` (64 bits); zero is decodable but not installable.
    public var weight: UInt64
    public var publicKey: PublicKey

    public init(weight: UInt64, publicKey: PublicKey) {
        self.weight = weight
        self.publicKey = publicKey
    }
}
