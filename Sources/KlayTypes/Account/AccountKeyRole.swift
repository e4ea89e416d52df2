/// What a signature is for, which picks the key of a role-based account that must have made it
/// (spec/accounts.md §4).
public enum AccountKeyRole: Int, Sendable, CaseIterable {
    /// The sender of every transaction type except the AccountUpdate family.
    case transaction = 0
    /// The sender of AccountUpdate (0x20, 0x21, 0x22).
    case accountUpdate = 1
    /// The fee payer of fee-delegated types.
    case feePayer = 2
}
