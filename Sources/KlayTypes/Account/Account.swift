import KlayPrimitives

/// An account as Klaytn's state trie holds it (spec/accounts.md §2): an externally owned account
/// (EOA), or a smart contract account (SCA), which adds a storage root, a code hash and code info.
///
/// Klaytn's deprecated LegacyAccount is not represented: no valid Klaytn state contains one.
public struct Account: Sendable, Hashable {
    /// Which kind of account; the raw value is the type byte that prefixes the encoding.
    public enum Kind: UInt8, Sendable {
        case externallyOwned = 0x01
        case smartContract = 0x02
    }

    /// What only a smart contract account has.
    public struct Contract: Sendable, Hashable {
        /// The root of the account's storage trie (always the 32-byte hash, never live pruning's ExtHash).
        public var storageRoot: Hash
        /// keccak256 of the account's code.
        public var codeHash: Hash
        public var codeInfo: CodeInfo

        public init(storageRoot: Hash, codeHash: Hash, codeInfo: CodeInfo) {
            self.storageRoot = storageRoot
            self.codeHash = codeHash
            self.codeInfo = codeInfo
        }
    }

    /// keccak256 of empty code: the code hash of an account without code.
    public static let emptyCodeHash = Keccak256.hash([UInt8]())
    /// The root hash of an empty trie, keccak256(rlp("")): the storage root of an account without storage.
    public static let emptyStorageRoot = Keccak256.hash([0x80] as [UInt8])

    public var nonce: UInt64
    public var balance: UInt256
    /// Always false in any account that can exist: human-readable addresses were never enabled (§8).
    public var humanReadable: Bool
    public var key: AccountKey
    /// The smart contract part; nil for an externally owned account.
    public var contract: Contract?

    public init(nonce: UInt64, balance: UInt256, humanReadable: Bool = false, key: AccountKey, contract: Contract?) {
        self.nonce = nonce
        self.balance = balance
        self.humanReadable = humanReadable
        self.key = key
        self.contract = contract
    }

    /// An externally owned account; the defaults are what value sent to a new address creates.
    public static func externallyOwned(nonce: UInt64 = 0, balance: UInt256 = .zero, key: AccountKey = .legacy) -> Account {
        Account(nonce: nonce, balance: balance, key: key, contract: nil)
    }

    /// A smart contract account; the defaults are what contract creation makes: nonce 1,
    /// AccountKeyFail (no signature can spend from it), no storage and no code yet.
    public static func smartContract(
        nonce: UInt64 = 1, balance: UInt256 = .zero, key: AccountKey = .fail,
        storageRoot: Hash = emptyStorageRoot, codeHash: Hash = emptyCodeHash, codeInfo: CodeInfo
    ) -> Account {
        Account(nonce: nonce, balance: balance, key: key,
                contract: Contract(storageRoot: storageRoot, codeHash: codeHash, codeInfo: codeInfo))
    }

    public var kind: Kind { contract == nil ? .externallyOwned : .smartContract }

    /// The storage root; an externally owned account has none, so the empty trie's root.
    public var storageRoot: Hash { contract?.storageRoot ?? Self.emptyStorageRoot }

    /// The code hash; an externally owned account has no code, so the empty code's hash.
    public var codeHash: Hash { contract?.codeHash ?? Self.emptyCodeHash }

    /// The code format (0 = EVM), or nil for an externally owned account.
    public var codeFormat: UInt8? { contract?.codeInfo.codeFormat }

    /// The VM version the code was deployed under, or nil for an externally owned account.
    public var vmVersion: UInt8? { contract?.codeInfo.vmVersion }

    /// Whether the account is a smart contract account with code: what Klaytn's `IsContractAvailable`
    /// (and `klay_isContractAccount`) ask of an execution target.
    public var isContractWithCode: Bool {
        guard let contract else { return false }
        return contract.codeHash != Self.emptyCodeHash
    }

    /// Whether EIP-158 state clearing deletes the account: nonce and balance zero, and for an EOA a key
    /// of exactly AccountKeyLegacy, for an SCA no code.
    public var isEmpty: Bool {
        guard nonce == 0, balance.isZero else { return false }
        if let contract { return contract.codeHash == Self.emptyCodeHash }
        return key == .legacy
    }
}
