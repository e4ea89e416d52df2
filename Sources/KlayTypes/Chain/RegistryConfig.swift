import KlayPrimitives

/// The initial KIP-149 registry: one address per name, all active from block zero.
public struct RegistryConfig: Sendable, Equatable {
    public var records: [String: Address]
    public var owner: Address

    public init(records: [String: Address], owner: Address) {
        self.records = records
        self.owner = owner
    }
}
