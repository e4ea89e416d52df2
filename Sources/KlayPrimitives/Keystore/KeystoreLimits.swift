/// Caps on the work a key file may demand, checked before any key derivation runs.
///
/// A key file names its own KDF cost, so a hostile or corrupt file could ask for gigabytes of
/// scrypt memory or billions of iterations. The defaults admit everything geth and Klaytn write
/// (standard scrypt: n = 2^18, r = 8, p = 1, 256 MiB) with headroom, and Klaytn's largest
/// role-based account (3 roles of up to 10 keys).
public struct KeystoreLimits: Equatable, Sendable {
    /// Most bytes scrypt may allocate, about 128 · r · (n + p + 2).
    public var maxScryptMemory: Int
    /// Largest n · r · p, the scrypt work factor (proportional to time).
    public var maxScryptWork: Int
    /// Most PBKDF2 iterations `c`.
    public var maxPBKDF2Iterations: Int
    /// Longest derived key `dklen`, in bytes.
    public var maxDerivedKeyLength: Int
    /// Longest salt, in bytes.
    public var maxSaltLength: Int
    /// Most key lists in a v4 keyring (Klaytn has three roles: transaction, account update, fee payer).
    public var maxRoles: Int
    /// Most keys in one role (Klaytn's weighted multi-signature keys hold at most 10).
    public var maxKeysPerRole: Int

    public init(
        maxScryptMemory: Int = 1 << 30,
        maxScryptWork: Int = 1 << 24,
        maxPBKDF2Iterations: Int = 1 << 24,
        maxDerivedKeyLength: Int = 1024,
        maxSaltLength: Int = 1024,
        maxRoles: Int = 3,
        maxKeysPerRole: Int = 10
    ) {
        self.maxScryptMemory = maxScryptMemory
        self.maxScryptWork = maxScryptWork
        self.maxPBKDF2Iterations = maxPBKDF2Iterations
        self.maxDerivedKeyLength = maxDerivedKeyLength
        self.maxSaltLength = maxSaltLength
        self.maxRoles = maxRoles
        self.maxKeysPerRole = maxKeysPerRole
    }

    /// The default limits.
    public static let `default` = KeystoreLimits()
}
